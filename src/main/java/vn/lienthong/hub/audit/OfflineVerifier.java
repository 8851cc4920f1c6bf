package vn.lienthong.hub.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.AbstractMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JSON-lines export or archive file of the message log without the hub: every record hash, every chain link,
 * every signed checkpoint (with the hub's public key), gaps, order and truncation. Run from the hub's jar:
 * <pre>
 * java -cp lienthong-hub.jar -Dloader.main=vn.lienthong.hub.audit.OfflineVerifier \
 *      org.springframework.boot.loader.launch.PropertiesLauncher export.jsonl checkpoint-public.pem
 * </pre>
 * Exit status 0: valid; 1: problems found (each printed with its seq and record id); 2: the files cannot be read.
 */
public final class OfflineVerifier {

    private OfflineVerifier() {
    }

    public static void main(String[] args) {
        // A command-line tool: its report is its output, so it prints to the console rather than to a log.
        int status = run(args, System.out);
        System.exit(status);
    }

    /** Verifies and prints the report; returns the exit status. */
    public static int run(String[] args, PrintStream out) {
        if (args.length < 1 || args.length > 2) {
            out.println("usage: OfflineVerifier <export.jsonl> [checkpoint-public.pem]");
            return 2;
        }
        try {
            PublicKey key = args.length == 2 ? CheckpointKeys.readPublicKey(Path.of(args[1])) : null;
            VerificationReport report = verify(Path.of(args[0]), key);
            out.println((report.valid() ? "VALID" : "INVALID") + ": " + report.recordsChecked() + " records (seq "
                    + report.firstSeq() + " to " + report.lastSeq() + "), " + report.checkpointsChecked()
                    + " signed checkpoints checked" + (key == null ? " for presence only (no public key given)" : "")
                    + ", " + report.problemCount() + " problem(s)");
            for (VerificationReport.Problem p : report.problems()) {
                out.println("  " + p.kind() + " at seq " + p.seq() + " (record id " + p.recordId() + "): " + p.detail());
            }
            return report.valid() ? 0 : 1;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            out.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }

    /** Verifies one export file. */
    public static VerificationReport verify(Path export, PublicKey key) throws IOException {
        AuditExport.Parsed parsed;
        try (Reader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            parsed = AuditExport.read(reader, r -> { });
        }
        JsonNode header = parsed.header();
        if (header == null || !AuditExport.FORMAT.equals(header.path("format").asText())) {
            throw new IOException(export + " is not a " + AuditExport.FORMAT + " file (no export header line)");
        }
        long firstSeq = header.path("firstSeq").asLong();
        String anchor = firstSeq <= 1 ? CanonicalForm.GENESIS : header.path("anchor").asText(null);
        ChainVerifier verifier = new ChainVerifier(key, anchor, parsed.checkpoints());
        try (Reader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            AuditExport.read(reader, verifier::accept);
        }
        Map.Entry<Long, String> end = new AbstractMap.SimpleImmutableEntry<>(header.path("lastSeq").asLong(),
                header.path("lastHash").asText());
        return verifier.finish(end);
    }
}
