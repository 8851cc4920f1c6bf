package vn.lienthong.hub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo clients of the default profile ({@code hub.demo.*}); never enabled in production.
 *
 * @param enabled whether clients marked {@code demo: true} are registered
 * @param dossiers with the demo clients: at start, the demo one-stop system sends a few dossiers dated from the start
 *        day (on time, late and still open, finished late, just received), so the late list and the statistics show
 *        something whenever the demo runs ({@code demo/DemoDossiers})
 */
@ConfigurationProperties("hub.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean dossiers) {
}
