package vn.lienthong.hub.api;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat's part in keeping slow clients from holding workers: an answer given before the body was read does not wait
 * for that body ({@link UnreadBodyValve}). The timeouts are settings: {@code server.tomcat.connection-timeout} (request
 * line and headers, and each wait for further body bytes) and {@code hub.edge.slow-clients.body-timeout} (the whole body).
 */
@Component
class SlowClientProtection implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextValves(new UnreadBodyValve());
    }
}
