package vn.lienthong.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.hub.audit.log.MessageLog;

/**
 * The dossier path of signed result papers: a dossier event naming result papers by their reference in the national
 * store (DanhSachGiayToKetQua[].MaKetQua) has each verified when it is accepted; the outcome is in the answer, the
 * message log and the dossier's state, and the event reaches the portal as sent, whatever the outcome.
 */
class ResultPaperVerificationIT extends DossierSyncIntegrationTest {

    @Autowired
    MessageLog messageLog;

    @Test
    void resultPapersNamedByReference_areVerifiedAtAccept_andTheEventIsDeliveredAsSent() throws Exception {
        String dossier = code(951);
        ObjectNode body = (ObjectNode) json.readTree(dossierJson(dossier, "DA_TRA_KET_QUA"));
        body.putArray("DanhSachGiayToKetQua")
                .add(json.readTree("{\"TenGiayTo\":\"Trích lục khai sinh\",\"MaKetQua\":\"KQ-KS.001090012345.01\"}"))
                .add(json.readTree("{\"TenGiayTo\":\"Giấy chứng nhận QSDĐ\",\"MaKetQua\":\"KQ-DD.CS123456\"}"))
                .add(json.readTree("{\"TenGiayTo\":\"Không có trong kho\",\"MaKetQua\":\"KQ-KS.001090012345.77\"}"));
        Map<String, String> headers = Map.of("X-API-Key", MOTCUA_KEY, "X-Event-Id", "result-papers-951",
                "X-Transaction-Id", "result-papers-951");

        HttpResponse<String> answer = post("/api/v1/dossiers", body.toString(), headers);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        JsonNode papers = body(answer).path("resultPapers");
        assertThat(papers).hasSize(3);
        assertThat(papers.get(0).path("documentId").asText()).isEqualTo("KQ-KS.001090012345.01");
        assertThat(papers.get(0).path("status").asText()).isEqualTo("VALID");
        assertThat(papers.get(0).path("validity").asText()).isEqualTo("valid");
        assertThat(papers.get(1).path("status").asText()).isEqualTo("INVALID");
        assertThat(papers.get(1).path("errorCode").asText()).isEqualTo("PAPER_FILE_MISMATCH");
        assertThat(papers.get(1).path("reason").asText()).contains("altered after signing");
        assertThat(papers.get(2).path("status").asText()).isEqualTo("NOT_VERIFIED");
        assertThat(papers.get(2).path("errorCode").asText()).isEqualTo("NOT_FOUND");

        // delivered as sent: the outcome is the hub's, not a field of the national format
        await().atMost(patience()).until(() -> arrivals(dossier).size() == 1);
        assertThat(arrivals(dossier).get(0).path("data").path("DanhSachGiayToKetQua")).hasSize(3);
        await().atMost(patience()).until(() -> "SYNCED".equals(syncState(dossier).path("state").asText()));
        JsonNode state = syncState(dossier);
        assertThat(state.path("resultPapers")).hasSize(3);
        assertThat(state.path("resultPapers").get(1).path("status").asText()).isEqualTo("INVALID");

        await().atMost(Duration.ofSeconds(10)).until(() -> messageLog.findByTransaction("result-papers-951").stream()
                .anyMatch(r -> "result paper INVALID".equals(r.operation())));
        assertThat(messageLog.findByTransaction("result-papers-951")).anySatisfy(r -> {
            assertThat(r.operation()).isEqualTo("result paper NOT_VERIFIED");
            assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
        });
        assertThat(messageLog.findByTransaction("result-papers-951"))
                .filteredOn(r -> "HOP".equals(r.recordType()) && String.valueOf(r.operation()).contains("digitised-documents"))
                .hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aDossierNamingNoResultPaper_isAnsweredAsBefore() {
        HttpResponse<String> answer = post("/api/v1/dossiers", dossierJson(code(952), "DA_TIEP_NHAN"),
                motcua("result-papers-952"));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(body(answer).has("resultPapers")).isFalse();
        assertThat(syncState(code(952)).has("resultPapers")).isFalse();
    }

    @Test
    void aResultPaperOfADossierWithoutOwnerNumber_isNotVerified_butTheDossierIsAccepted() throws Exception {
        ObjectNode body = (ObjectNode) json.readTree(dossierJson(code(953), "DA_TRA_KET_QUA"));
        body.remove("SoGiayToChuHoSo");
        body.putArray("DanhSachGiayToKetQua").add(json.readTree("{\"MaKetQua\":\"KQ-KS.001090012345.01\"}"));

        HttpResponse<String> answer = post("/api/v1/dossiers", body.toString(), motcua("result-papers-953"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        JsonNode paper = body(answer).path("resultPapers").get(0);
        assertThat(paper.path("status").asText()).isEqualTo("NOT_VERIFIED");
        assertThat(paper.path("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(paper.path("reason").asText()).contains("SoGiayToChuHoSo");
    }
}
