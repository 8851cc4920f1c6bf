package vn.lienthong.hub.audit.chain;

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
 * java -cp lienthong-hub.jar -Dloader.main=vn.lienthong.hub.audit.chain.OfflineVerifier \
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
            out.println("usage: OfflineVerifier <export.jsonl | archive/manifest.json> [checkpoint-public.pem]");
            return 2;
        }
        try {
            PublicKey key = args.length == 2 ? CheckpointKeys.readPublicKey(Path.of(args[1])) : null;
            Path target = Path.of(args[0]);
            VerificationReport report = target.getFileName().toString().equals(AuditExport.MANIFEST)
                    ? verifyArchive(target, key) : verify(target, key);
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

    /**
     * Verifies an archive directory through its manifest: every listed file's SHA-256, every file as an export, and the
     * links between consecutive files (each file's first previous hash is the last hash of the file before it).
     */
    public static VerificationReport verifyArchive(Path manifestFile, PublicKey key) throws IOException {
        JsonNode manifest = AuditExport.JSON.readTree(manifestFile.toFile());
        java.util.List<VerificationReport.Problem> problems = new java.util.ArrayList<>();
        long total = 0;
        long count = 0;
        int checkpoints = 0;
        Long first = null;
        Long last = null;
        Long lastGood = null;
        String previousHash = null;
        long previousSeq = 0;
        for (JsonNode entry : manifest.path("files")) {
            Path file = manifestFile.resolveSibling(entry.path("file").asText());
            long firstSeq = entry.path("firstSeq").asLong();
            if (!Files.exists(file)) {
                problems.add(new VerificationReport.Problem("RECORD_MISSING", firstSeq, null, "archive file " + file + " is missing"));
                total++;
                continue;
            }
            if (!AuditExport.sha256(file).equals(entry.path("sha256").asText())) {
                problems.add(new VerificationReport.Problem("RECORD_ALTERED", firstSeq, null, "archive file " + file
                        + " does not match the SHA-256 in the manifest"));
                total++;
            }
            if (previousHash != null && (!previousHash.equals(entry.path("firstPrevHash").asText())
                    || firstSeq != previousSeq + 1)) {
                problems.add(new VerificationReport.Problem("CHAIN_BROKEN", firstSeq, null, "archive file " + file
                        + " does not continue the file before it"));
                total++;
            }
            VerificationReport report = verify(file, key);
            problems.addAll(report.problems());
            total += report.problemCount();
            count += report.recordsChecked();
            checkpoints += report.checkpointsChecked();
            first = first == null ? report.firstSeq() : first;
            last = report.lastSeq();
            lastGood = report.lastGoodCheckpoint() == null ? lastGood : report.lastGoodCheckpoint();
            previousHash = entry.path("lastHash").asText();
            previousSeq = entry.path("lastSeq").asLong();
        }
        return new VerificationReport(total == 0, first, last, count, checkpoints, lastGood, total, problems);
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
