package vn.lienthong.hub.api;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the edge waits for a slow client ({@code hub.edge.slow-clients.*}). The connection and header timeouts are
 * Tomcat's own ({@code server.tomcat.connection-timeout}); these bound what Tomcat does not.
 *
 * @param bodyTimeout longest time from the start of a request until its whole body has arrived; past it the request
 *                    gets 408 REQUEST_TIMEOUT and its worker is free again, however steadily the client trickles bytes
 */
@Validated
@ConfigurationProperties("hub.edge.slow-clients")
public record SlowClientProperties(@DefaultValue("10s") @DurationMin(millis = 1) Duration bodyTimeout) {
}
