package vn.lienthong.hub.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.hub.HubIntegrationTest;
import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.audit.log.MessageLog;

/**
 * Verification of a digitised paper by its reference through the whole hub, against the simulated national store
 * (whose papers its test-only authority signed and time-stamped at start, an authority the hub trusts while the
 * simulators run): a valid paper, an expired one, one altered in the store, and the store's failures.
 */
class PaperVerificationIT extends HubIntegrationTest {

    private static final String VERIFY = "/api/v1/papers/verify";

    @Autowired
    MessageLog messageLog;

    @Test
    void aPaperOfTheStore_isFetchedByReference_andItsSignatureVerified_withTheMetadataAndTheOutcomeLogged() {
        HttpResponse<String> answer = verify("KQ-KS.001090012345.01", "001090012345", "paper-valid-1");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode result = body(answer);
        assertThat(result.path("status").asText()).as(answer.body()).isEqualTo("VALID");
        JsonNode paper = result.path("paper");
        assertThat(paper.path("documentId").asText()).isEqualTo("KQ-KS.001090012345.01");
        assertThat(paper.path("documentType").asText()).isEqualTo("KS.TRICHLUC");
        assertThat(paper.path("number").asText()).isEqualTo("125/2024/TLKS-BS");
        assertThat(paper.path("issuer").path("name").asText()).isEqualTo("Ủy ban nhân dân phường Ba Đình");
        assertThat(paper.path("validity").path("status").asText()).isEqualTo("valid");
        assertThat(paper.path("attachment").path("matchesStore").asBoolean()).isTrue();
        assertThat(paper.path("attachment").path("storeSha256").asText()).isEqualTo(result.path("documentSha256").asText());
        JsonNode signature = result.path("signatures").get(0);
        assertThat(signature.path("signer").path("organisation").asText()).isEqualTo("Ủy ban nhân dân phường Ba Đình");
        assertThat(signature.path("integrity").path("valid").asBoolean()).isTrue();
        assertThat(signature.path("chain").path("status").asText()).isEqualTo("TRUSTED");
        assertThat(signature.path("revocation").path("status").asText()).isEqualTo("NOT_PUBLISHED");
        // signed on the paper's date of issue, time-stamped a second later by the simulated time-stamping authority
        assertThat(signature.path("timeStamp").path("status").asText()).isEqualTo("VALID");
        assertThat(signature.path("signingTimeSource").asText()).isEqualTo("signature-time-stamp");
        assertThat(signature.path("signingTime").asText()).isEqualTo("2024-06-10T09:00:01+07:00");

        List<MessageLogRecord> records = records("paper-valid-1", 5);
        assertThat(records).anySatisfy(r -> {
            assertThat(r.recordType()).isEqualTo("EXCHANGE");
            assertThat(r.service()).isEqualTo("paper-verification");
            assertThat(r.operation()).isEqualTo("VerifyPaper");
            assertThat(r.httpStatus()).isEqualTo(200);
            assertThat(r.subjectRef()).isNotBlank();
        });
        assertThat(records).anySatisfy(r -> assertThat(r.operation()).isEqualTo("signature 1 VALID"));
        assertThat(records).anySatisfy(r -> assertThat(r.operation()).isEqualTo("paper valid"));
        // the two calls to the store (the paper, its file), each a hop of its own
        assertThat(records).filteredOn(r -> "HOP".equals(r.recordType())).extracting(MessageLogRecord::operation)
                .filteredOn(op -> op.contains("digitised-documents")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(records).allSatisfy(r -> assertThat(String.valueOf(r.errorText())).doesNotContain("001090012345"));
    }

    @Test
    void anExpiredPaper_isReportedExpired_besideItsSignature() {
        HttpResponse<String> answer = verify("KQ-CT.3021.2025", "001090012345", "paper-expired-1");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode result = body(answer);
        assertThat(result.path("paper").path("validity").path("status").asText()).isEqualTo("expired");
        assertThat(result.path("paper").path("validity").path("reason").asText()).isEqualTo("valid until 2025-10-31");
        assertThat(result.path("status").asText()).isEqualTo("VALID");
        assertThat(records("paper-expired-1", 4)).anySatisfy(r -> {
            assertThat(r.operation()).isEqualTo("paper expired");
            assertThat(r.outcome().name()).isEqualTo("REJECTED");
        });
    }

    @Test
    void aPaperAlteredInTheStore_isInvalid_andItsFileDoesNotMatchTheStoresHash() {
        HttpResponse<String> answer = verify("KQ-DD.CS123456", "001090012345", "paper-tampered-1");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode result = body(answer);
        assertThat(result.path("status").asText()).isEqualTo("INVALID");
        assertThat(result.path("reason").asText()).contains("altered after signing");
        assertThat(result.path("signatures").get(0).path("reasons").get(0).path("code").asText())
                .isEqualTo("SIGNED_BYTES_ALTERED");
        assertThat(result.path("paper").path("attachment").path("matchesStore").asBoolean()).isFalse();
        assertThat(records("paper-tampered-1", 4)).anySatisfy(r -> assertThat(r.errorCode()).isEqualTo("PAPER_FILE_MISMATCH"));
    }

    @Test
    void anUnknownReference_orAPaperOfAnotherOwner_isNotFound() {
        assertProblem(verify("KQ-KS.001090012345.99", "001090012345", "paper-unknown-1"), 404, "NOT_FOUND");
        assertProblem(verify("KQ-KS.001090012345.01", "079301004567", "paper-unknown-2"), 404, "NOT_FOUND");
        assertThat(records("paper-unknown-1", 1)).anySatisfy(r -> {
            assertThat(r.service()).isEqualTo("paper-verification");
            assertThat(r.httpStatus()).isEqualTo(404);
        });
    }

    @Test
    void theStoresFailures_areItsErrors_aTimeoutA504_aRefusalA502() {
        assertProblem(verify("KQ-KS.001090000504.01", "001090000504", "paper-slow-1"), 504, "NATIONAL_TIMEOUT");
        HttpResponse<String> refused = verify("KQ-KS.001090000403.01", "001090000403", "paper-refused-1");
        assertProblem(refused, 502, "NATIONAL_SYSTEM_ERROR");
        assertThat(body(refused).path("detail").asText()).contains("chưa được cấp quyền");
        assertProblem(verify("KQ-KS.001090000500.01", "001090000500", "paper-500-1"), 502, "NATIONAL_SYSTEM_ERROR");
    }

    @Test
    void badRequests_areClearProblems() {
        assertProblem(post(VERIFY, "{\"documentId\":\"KQ-KS.001090012345.01\",\"personalId\":\"001090012345\",\"x\":1}",
                officer(MOTCUA_KEY)), 400, "UNKNOWN_FIELD");
        assertProblem(post(VERIFY, "{\"documentId\":\"giay to\",\"personalId\":\"001090012345\"}", officer(MOTCUA_KEY)),
                400, "INVALID_FIELD");
        assertProblem(post(VERIFY, "{\"documentId\":\"KQ-KS.001090012345.01\",\"personalId\":\"00109001234\"}",
                officer(MOTCUA_KEY)), 400, "INVALID_PERSONAL_ID");
        assertProblem(post(VERIFY, "{\"documentId\":\"KQ-KS.001090012345.01\",\"personalId\":\"001090012345\"}",
                Map.of("X-API-Key", MOTCUA_KEY)), 400, "MISSING_USER");
        assertProblem(post(VERIFY, "{\"documentId\":\"KQ-KS.001090012345.01\",\"personalId\":\"001090012345\"}",
                officer(PORTAL_KEY)), 403, "ACCESS_DENIED");
    }

    private HttpResponse<String> verify(String documentId, String personalId, String transactionId) {
        Map<String, String> headers = new HashMap<>(officer(MOTCUA_KEY));
        headers.put("X-Transaction-Id", transactionId);
        return post(VERIFY, "{\"documentId\":\"" + documentId + "\",\"personalId\":\"" + personalId + "\"}", headers);
    }

    private List<MessageLogRecord> records(String transactionId, int atLeast) {
        await().atMost(Duration.ofSeconds(10)).until(() -> messageLog.findByTransaction(transactionId).size() >= atLeast);
        return messageLog.findByTransaction(transactionId);
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = body(response);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("transactionId").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }
}
