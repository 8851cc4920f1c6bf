package vn.lienthong.hub.simulator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stateful behaviour of the national payment platform simulator, registered on that connector's WireMock server. */
@Configuration
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true", matchIfMissing = true)
public class PaymentPlatformSimulatorConfig {

    @Bean
    public PaymentPlatformSimulator paymentPlatformSimulator(
            @Value("${hub.payment.partner-code:H22-LGSP}") String partnerCode,
            @Value("${hub.payment.secret-key}") String secretKey,
            @Value("${hub.simulators.national-payment.hub-api-key:demo-paygov-key}") String hubApiKey) {
        return new PaymentPlatformSimulator(partnerCode, secretKey, hubApiKey);
    }
}
