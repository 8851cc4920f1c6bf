package vn.lienthong.hub.prefill;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sizing of the pre-fill's source calls ({@code hub.prefill.*}). The flow reads them itself
 * ({@code routes/prefill/prefill-source.camel.yaml}); binding them here checks their range before any flow starts.
 *
 * @param sourceConsumers consumers of the source calls: source calls in flight at once
 * @param sourceQueueSize source calls waiting for a consumer, at most
 */
@Validated
@ConfigurationProperties("hub.prefill")
public record PrefillProperties(
        @DefaultValue("64") @Positive int sourceConsumers,
        @DefaultValue("1000") @Positive int sourceQueueSize) {
}
