package vn.lienthong.hub.exchange;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The key of the keyed hash that replaces personal ids in the message log ({@code hub.audit.subject-key},
 * {@code HUB_AUDIT_SUBJECT_KEY}); mandatory in production. The rest of {@code hub.audit.*} is the message log's own
 * ({@code vn.lienthong.hub.audit.log.AuditProperties}).
 *
 * @param subjectKey key of the keyed hash (HMAC) that replaces personal ids in the message log, at least 16
 *        characters; the same key gives the same reference, so auditors can search by personal id
 */
@Validated
@ConfigurationProperties("hub.audit")
public record SubjectKeyProperties(@NotNull @Size(min = 16) String subjectKey) {
}
