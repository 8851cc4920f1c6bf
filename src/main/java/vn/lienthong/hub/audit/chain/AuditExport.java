package vn.lienthong.hub.audit.chain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The export formats of the message log (docs/audit-record.md, "Export").
 * <p>JSON lines: a header line {@code {"type":"export",...,"anchor":...}}, then one {@code {"type":"checkpoint",...}}
 * line per checkpoint of the range, then one {@code {"type":"record",...}} line per record in chain order with every
 * hashed field and {@code prevHash}/{@code recordHash}. This is what {@link OfflineVerifier} checks and what archive files
 * hold. CSV: one row per record with the same fields (for spreadsheets; verify with the JSON lines).
 */
public final class AuditExport {

    public static final String FORMAT = "lienthong-audit-export/1";

    /** The file that lists an archive's export files with their SHA-256 and chain links. */
    public static final String MANIFEST = "manifest.json";

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private static final String[] CSV_COLUMNS = {"seq", "id", "recordType", "transactionId", "hubInstance", "channel",
        "clientId", "userId", "purpose", "service", "operation", "subjectRef", "outcome", "errorCode", "errorText",
        "httpStatus", "timeIn", "timeOut", "durationMillis", "requestSize", "responseSize", "requestSha256",
        "responseSha256", "requestBodyEnc", "responseBodyEnc", "prevHash", "recordHash"};

    private AuditExport() {
    }

    /** Writes a JSON-lines export; {@code records} is called with a sink for the records in chain order. */
    public static long writeJsonLines(OutputStream out, long firstSeq, long lastSeq, String lastHash, String anchor, String keyId,
            List<Checkpoint> checkpoints, java.util.function.Consumer<java.util.function.Consumer<ChainedRecord>> records)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("type", "export");
        header.put("format", FORMAT);
        header.put("firstSeq", firstSeq);
        header.put("lastSeq", lastSeq);
        header.put("lastHash", lastHash);
        header.put("anchor", anchor);
        header.put("keyId", keyId);
        header.put("exportedAt", Instant.now());
        writer.write(JSON.writeValueAsString(header));
        writer.write('\n');
        for (Checkpoint c : checkpoints) {
            ObjectNode node = JSON.valueToTree(c);
            writer.write(JSON.writeValueAsString(JSON.createObjectNode().put("type", "checkpoint").setAll(node)));
            writer.write('\n');
        }
        long[] count = new long[1];
        try {
            records.accept(r -> {
                try {
                    ObjectNode node = JSON.valueToTree(r);
                    writer.write(JSON.writeValueAsString(JSON.createObjectNode().put("type", "record").setAll(node)));
                    writer.write('\n');
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
        return count[0];
    }

    /** Writes a CSV export (RFC 4180, UTF-8 with BOM so spreadsheets keep the Vietnamese text). */
    public static void writeCsvHeader(Writer writer) throws IOException {
        writer.write('\uFEFF');
        writer.write(String.join(",", CSV_COLUMNS));
        writer.write("\r\n");
    }

    /** One CSV row. */
    public static void writeCsvRow(Writer writer, ChainedRecord r) throws IOException {
        Object[] values = {r.seq(), r.id(), r.recordType(), r.transactionId(), r.hubInstance(), r.channel(), r.clientId(),
            r.userId(), r.purpose(), r.service(), r.operation(), r.subjectRef(), r.outcome(), r.errorCode(), r.errorText(),
            r.httpStatus(), r.timeIn(), r.timeOut(), r.durationMillis(), r.requestSize(), r.responseSize(),
            r.requestSha256(), r.responseSha256(), r.requestBodyEnc(), r.responseBodyEnc(), r.prevHash(), r.recordHash()};
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(csvCell(values[i] == null ? "" : values[i].toString()));
        }
        writer.write(line.append("\r\n").toString());
    }

    /**
     * One CSV cell: a text a spreadsheet would read as a formula ({@code = + - @}, tab or carriage return first) gets a
     * leading apostrophe, so it stays text (OWASP CSV injection); quotes, commas and line breaks are quoted (RFC 4180).
     */
    public static String csvCell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.matches("(?s).*[\",\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** A parsed JSON-lines export: header, checkpoints, and the records read one by one by {@link #records}. */
    public record Parsed(JsonNode header, List<Checkpoint> checkpoints) {
    }

    /**
     * Reads an export: the header and checkpoints are returned, every record line goes to {@code each} in file order.
     * Lines that are not JSON are reported as {@link IOException} with their line number.
     */
    public static Parsed read(Reader reader, java.util.function.Consumer<ChainedRecord> each) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        JsonNode header = null;
        List<Checkpoint> checkpoints = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new IOException("line " + number + " is not JSON: " + e.getMessage(), e);
            }
            switch (node.path("type").asText()) {
                case "export" -> header = node;
                case "checkpoint" -> checkpoints.add(JSON.treeToValue(node, Checkpoint.class));
                case "record" -> each.accept(JSON.treeToValue(node, ChainedRecord.class));
                default -> throw new IOException("line " + number + " has unknown type " + node.path("type"));
            }
        }
        return new Parsed(header, checkpoints);
    }

    /** The SHA-256 of a file, as the archive manifest lists it. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = CanonicalForm.sha256();
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
