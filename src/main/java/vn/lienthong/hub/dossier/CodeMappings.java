package vn.lienthong.hub.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The province's mapping tables from its own status and procedure codes to the national ones of the public service
 * portal. Provinces keep their codes and translate with tables (DOMAIN.md); the table is configuration
 * ({@code hub.dossier.code-mappings}), the sample is {@code connectors/national-portal/transforms/code-mappings.json}.
 */
@Component
public class CodeMappings {

    /** A national procedure as the portal knows it. */
    public record Procedure(String nationalCode, String name, String fieldCode, String fieldName) {
    }

    /**
     * A national procedure code as the national procedure database publishes it: {@code 1.001193.000.00.00.H22} (kind
     * digit, six-digit number, then {@code 000.00.00} and the province suffix).
     */
    static final java.util.regex.Pattern NATIONAL_PROCEDURE =
            java.util.regex.Pattern.compile("^\\d\\.\\d{6}\\.\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$");

    private final Map<String, String> statuses = new LinkedHashMap<>();
    private final Map<String, Procedure> procedures = new LinkedHashMap<>();

    @Autowired
    public CodeMappings(DossierSyncProperties properties, ResourceLoader loader) {
        this(read(loader.getResource(properties.getCodeMappings())));
    }

    CodeMappings(JsonNode table) {
        table.path("status").properties().forEach(e -> statuses.put(e.getKey(), e.getValue().path("national").asText()));
        table.path("procedures").properties().forEach(e -> procedures.put(e.getKey(), new Procedure(
                e.getValue().path("national").asText(), e.getValue().path("name").asText(null),
                e.getValue().path("fieldCode").asText(null), e.getValue().path("fieldName").asText(null))));
        if (statuses.isEmpty() || procedures.isEmpty()) {
            throw new IllegalStateException("dossier code mappings: the 'status' and 'procedures' tables must not be empty");
        }
        java.util.List<String> malformed = new java.util.ArrayList<>();
        procedures.forEach((local, p) -> {
            if (!isNational(p.nationalCode())) {
                malformed.add(local + " -> '" + p.nationalCode() + "'");
            }
        });
        statuses.forEach((local, national) -> {
            if (!national.matches("[1-9]|10")) {
                malformed.add(local + " -> status '" + national + "'");
            }
        });
        if (!malformed.isEmpty()) {
            throw new IllegalStateException("dossier code mappings: not national codes (procedure like"
                    + " 1.001193.000.00.00.H22, status 1-10): " + malformed);
        }
    }

    static JsonNode read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dossier code mappings " + resource, e);
        }
    }

    /** The national TrangThaiHoSo code (1–10) of a local status code. */
    public Optional<String> nationalStatus(String localStatus) {
        return Optional.ofNullable(statuses.get(localStatus));
    }

    /** The national procedure of a local procedure code. */
    public Optional<Procedure> nationalProcedure(String localProcedure) {
        return Optional.ofNullable(procedures.get(localProcedure));
    }

    /** Whether a code is in the national procedure code format. */
    public static boolean isNational(String code) {
        return code != null && NATIONAL_PROCEDURE.matcher(code).matches();
    }

    /**
     * The national procedure for a code a one-stop system sent: a local code is translated through the table; a code
     * already in the national format is accepted as it is (with its name from the table when the table maps to it).
     */
    public Optional<Procedure> resolveProcedure(String code) {
        Optional<Procedure> local = nationalProcedure(code);
        if (local.isPresent() || !isNational(code)) {
            return local;
        }
        return Optional.of(procedures.values().stream().filter(p -> p.nationalCode().equals(code)).findFirst()
                .orElse(new Procedure(code, null, null, null)));
    }

    public Iterable<String> localStatuses() {
        return statuses.keySet();
    }

    public Iterable<String> localProcedures() {
        return procedures.keySet();
    }
}
