package vn.lienthong.hub.api;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits applied to every request at the edge ({@code hub.edge.*}).
 *
 * @param maxBodyBytes largest request body accepted; larger ones get 413
 * @param maxDocumentBytes largest body of a document sent for signature verification (a PDF, or JSON with it in base64)
 * @param requestTimeout longest time a caller waits for a synchronous answer before the hub gives up
 */
@Validated
@ConfigurationProperties("hub.edge")
public record EdgeProperties(
        @DefaultValue("65536") @Positive long maxBodyBytes,
        @DefaultValue("16777216") @Positive long maxDocumentBytes,
        @DefaultValue("30s") @DurationMin(millis = 1) Duration requestTimeout) {
}
