package vn.lienthong.hub.api;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The servlet container's side of the edge: its error answers on the hub's surfaces come from
 * {@link ContainerErrorValve}, and TRACE reaches the filters, which refuse it with an answer of their own (the edge's
 * problem+json or fault, logged, under {@code /api} and {@code /soap}; a bare 405 elsewhere) instead of Tomcat's
 * unlogged empty one.
 */
@Component
public class EdgeServerSetup implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ContainerErrorValve errorValve;

    public EdgeServerSetup(ContainerErrorValve errorValve) {
        this.errorValve = errorValve;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ContainerErrorValve.class.getName());
                boolean present = false;
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve == errorValve) {
                        present = true;
                    } else if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (!present) {
                    host.getPipeline().addValve(errorValve);
                }
            }
        }));
    }
}
