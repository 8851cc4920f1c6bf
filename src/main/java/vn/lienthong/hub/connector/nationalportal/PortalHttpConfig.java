package vn.lienthong.hub.connector.nationalportal;

import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** HTTP settings of the Kamelet {@code national-portal-sync-action}. */
@Configuration(proxyBeanMethods = false)
public class PortalHttpConfig {

    /**
     * The delivery flow's own headers (JMS, dossier bookkeeping) stay on its exchange but never become HTTP headers of
     * a portal call: only Content-Type and the W3C trace context (traceparent, tracestate) go out.
     */
    @Bean("nationalPortalHeaderFilter")
    DefaultHeaderFilterStrategy nationalPortalHeaderFilter() {
        DefaultHeaderFilterStrategy strategy = new DefaultHeaderFilterStrategy();
        strategy.setOutFilterPattern("(?i)(?!(content-type|traceparent|tracestate)$).*");
        strategy.setInFilterPattern(".*");
        return strategy;
    }
}
