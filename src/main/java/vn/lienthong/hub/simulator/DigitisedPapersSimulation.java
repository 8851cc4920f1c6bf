package vn.lienthong.hub.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes the simulated store of digitised documents hold signed papers: at start, each paper's PDF
 * ({@code __files/tep/<MaKetQua>.pdf}, committed unsigned) is signed by its issuing agency under the
 * {@link SimulatedSigningAuthority}, its hash and size in the {@code GetKetQuaGiayTo} answer are set to the signed
 * file's, and the answer of {@code TaiTepDinhKem} (the file in base64) is written. One paper is then altered in the
 * store after signing ({@link #TAMPERED}): it keeps the hash of the file as signed, so both its signature and the
 * store's hash show it.
 */
public final class DigitisedPapersSimulation {

    /** The connector folder whose simulator holds the papers. */
    public static final String CONNECTOR = "digitised-documents";
    /** The paper whose file was changed in the store after it was signed (a land use right certificate's number). */
    public static final String TAMPERED = "KQ-DD.CS123456";
    private static final Map<String, String> TAMPERING = Map.of("CS 123456)", "CS 654321)");

    private static final Logger log = LoggerFactory.getLogger(DigitisedPapersSimulation.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private DigitisedPapersSimulation() {
    }

    /** Signs the papers under {@code root} (the unpacked simulator folder of {@link #CONNECTOR}); returns how many. */
    public static int prepare(Path root, SimulatedSigningAuthority authority) throws IOException {
        Path files = root.resolve("__files");
        int signed = 0;
        if (!Files.isDirectory(files)) {
            return 0;
        }
        try (DirectoryStream<Path> answers = Files.newDirectoryStream(files, "giayto-*.json")) {
            for (Path answer : answers) {
                if (sign(files, answer, authority)) {
                    signed++;
                }
            }
        }
        log.info("Simulated store of digitised documents: {} papers signed by the test-only authority ({})", signed,
                authority.certificate().getSubjectX500Principal().getName());
        return signed;
    }

    private static boolean sign(Path files, Path answerFile, SimulatedSigningAuthority authority) throws IOException {
        JsonNode answer = JSON.readTree(answerFile.toFile());
        JsonNode paper = answer.path("GiayTo");
        String id = paper.path("MaKetQua").asText("");
        Path pdf = files.resolve("tep").resolve(id + ".pdf");
        if (id.isEmpty() || !Files.isRegularFile(pdf) || !(paper.path("TepDinhKem") instanceof ObjectNode attachment)) {
            return false;
        }
        byte[] signed = authority.sign(Files.readAllBytes(pdf), paper.path("MaCoQuanBanHanh").asText(""),
                paper.path("TenCoQuanBanHanh").asText("?"), signedAt(paper.path("NgayBanHanh").asText("")));
        attachment.put("MaBam", sha256(signed));
        attachment.put("KichThuoc", signed.length);
        byte[] served = TAMPERED.equals(id) ? tampered(signed) : signed;
        Files.write(pdf, served);
        JSON.writerWithDefaultPrettyPrinter().writeValue(answerFile.toFile(), answer);
        ObjectNode file = JSON.createObjectNode();
        file.put("MaLoi", "00");
        file.put("MoTa", "Thành công");
        file.put("MaKetQua", id);
        ObjectNode content = file.putObject("TepDinhKem");
        content.put("TenTep", attachment.path("TenTep").asText(id + ".pdf"));
        content.put("KieuTep", attachment.path("KieuTep").asText("application/pdf"));
        content.put("MaBam", attachment.path("MaBam").asText());
        content.put("KichThuoc", served.length);
        content.put("NoiDung", Base64.getEncoder().encodeToString(served));
        JSON.writerWithDefaultPrettyPrinter().writeValue(files.resolve("tepdinhkem-" + id + ".json").toFile(), file);
        return true;
    }

    /** The paper's date of issue at 09:00 in Việt Nam; a paper whose date is computed per call was signed an hour ago. */
    private static Instant signedAt(String issuedOn) {
        try {
            return LocalDate.parse(issuedOn).atTime(LocalTime.of(9, 0)).atZone(SimulatedSigningAuthority.VIETNAM)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return Instant.now().minusSeconds(3600);
        }
    }

    /** The signed file with the number on its page changed inside the signed bytes (same length). */
    static byte[] tampered(byte[] signed) {
        String text = new String(signed, StandardCharsets.ISO_8859_1);
        for (Map.Entry<String, String> change : TAMPERING.entrySet()) {
            text = text.replace(change.getKey(), change.getValue());
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
