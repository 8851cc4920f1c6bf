package vn.lienthong.hub.signature;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.hub.config.HubProperties;

/** The hub's seal, loaded (or, in the default profile, generated) at start. */
@Configuration(proxyBeanMethods = false)
public class SignatureConfiguration {

    @Bean
    public HubSeal hubSeal(SignatureProperties properties, HubProperties hub) {
        return HubSeal.load(properties.seal(), hub.instanceId());
    }
}
