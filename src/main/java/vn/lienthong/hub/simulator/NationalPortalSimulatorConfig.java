package vn.lienthong.hub.simulator;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stateful behaviour of the national portal simulator, registered on that connector's WireMock server. */
@Configuration
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true", matchIfMissing = true)
public class NationalPortalSimulatorConfig {

    @Bean
    public NationalPortalSimulator nationalPortalSimulator(
            @Value("${hub.simulators.national-portal.username:lgsp-h22-demo}") String username,
            @Value("${hub.simulators.national-portal.password:demo-portal-password}") String password,
            @Value("${hub.simulators.national-portal.session-ttl:30m}") Duration sessionTtl,
            @Value("${hub.simulators.national-portal.poison:}") List<String> poison) {
        Set<String> codes = new HashSet<>(NationalPortalSimulator.DEFAULT_POISON);
        poison.stream().filter(code -> !code.isBlank()).forEach(codes::add);
        return new NationalPortalSimulator(username, password, sessionTtl, codes, null);
    }
}
