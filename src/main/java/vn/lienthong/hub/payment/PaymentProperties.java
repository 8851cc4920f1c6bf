package vn.lienthong.hub.payment;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of online fee payment through the national payment platform ({@code hub.payment.*}).
 *
 * @param partnerCode    the hub's partner code at the platform (MaDoiTac)
 * @param secretKey      the key shared with the platform: signs orders and authenticates results (HMAC-SHA256), at
 *                       least 16 characters; empty: online payment is off (503)
 * @param callbackUrl    where the platform posts results; empty: this hub's own {@code /api/v1/payments/callback} on
 *                       the loopback address and its local port (the demo, where the platform is the simulator)
 * @param callbackMaxAge a result sent longer ago than this ({@code ThoiGianGui}) is refused as a replay
 * @param orderValidity  how long a payment link stays payable
 * @param subscribers    the client ids that receive the results of the orders they requested as messages on their
 *                       own broker queue {@code agency.<client id>.payment-results}; empty: results are read over REST
 *                       or SOAP only
 */
@Validated
@ConfigurationProperties("hub.payment")
public record PaymentProperties(@NotBlank String partnerCode, String secretKey,
                                String callbackUrl, Duration callbackMaxAge, Duration orderValidity,
                                List<String> subscribers) {

    public PaymentProperties {
        callbackMaxAge = callbackMaxAge == null ? Duration.ofMinutes(10) : callbackMaxAge;
        orderValidity = orderValidity == null ? Duration.ofMinutes(15) : orderValidity;
        subscribers = subscribers == null ? List.of()
                : subscribers.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Whether the results of this client's orders are sent to it as messages. */
    public boolean subscribes(String clientId) {
        return clientId != null && subscribers.contains(clientId);
    }

    public boolean enabled() {
        return secretKey != null && secretKey.length() >= 16;
    }
}
