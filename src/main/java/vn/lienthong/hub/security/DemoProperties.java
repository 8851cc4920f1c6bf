package vn.lienthong.hub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo clients of the default profile ({@code hub.demo.*}); never enabled in production.
 *
 * @param enabled whether clients marked {@code demo: true} are registered
 */
@ConfigurationProperties("hub.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled) {
}
