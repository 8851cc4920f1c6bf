package vn.lienthong.hub.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Agency systems allowed to call the hub, and what each may call ({@code hub.security.clients}).
 *
 * @param clients the agency systems; none when not configured
 */
@Validated
@ConfigurationProperties("hub.security")
public record SecurityProperties(List<@Valid Client> clients) {

    public SecurityProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * One agency system, identified as {@code {agency identifier}:{system code}}.
     *
     * @param id for example {@code 000.00.00.H22:MOTCUA}
     * @param name human name shown in the message log console
     * @param apiKeySha256 SHA-256 (hex) of the API key; the key itself is never stored
     * @param demo demo clients exist only while {@code hub.demo.enabled} is true
     * @param grants deny by default: {@code data:*}, {@code data:citizen-lookup}, {@code prefill:*}, {@code dossier:*},
     *        {@code audit:*}
     * @param quota fair-use limits of this client, over all its calls and per service; unset values come from
     *        {@code hub.fair-use} (see {@link ClientQuotas})
     */
    public record Client(
            @NotBlank String id,
            String name,
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be the SHA-256 of the key, 64 hex digits")
            String apiKeySha256,
            boolean demo,
            List<String> grants,
            @Valid ClientQuota quota) {

        public Client {
            grants = grants == null ? List.of() : List.copyOf(grants);
        }
    }
}
