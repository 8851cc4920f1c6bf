package vn.lienthong.hub.prefill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.hub.dossier.DossierSyncIntegrationTest;
import vn.lienthong.hub.soap.prefill.v1.PrefillPortType;
import vn.lienthong.hub.soap.prefill.v1.PrefillResult;
import vn.lienthong.hub.soap.prefill.v1.PrefillService;
import vn.lienthong.hub.soap.prefill.v1.RequiredPaper;
import vn.lienthong.hub.soap.prefill.v1.Subject;

/**
 * Reuse of digitised papers through the whole hub: the pre-fill offers the papers the store of digitised documents
 * holds and that are still valid, lists the expired ones without offering them, and a dossier that reuses one reaches
 * the national portal marked HoSoCoThanhPhanSoHoa.
 */
class PaperReuseIT extends DossierSyncIntegrationTest {

    private static final String JUDICIAL_RECORD_CERTIFICATE = "2.000488.000.00.00.H22";
    private static final String LAND_TRANSFER = "1.004227.000.00.00.H22";
    private static final String AN = "{\"personalId\":\"001090012345\",\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1990-05-15\"}";
    private static final String NGOC = "{\"personalId\":\"079301004567\",\"fullName\":\"Trần Thị Bích Ngọc\",\"dateOfBirth\":\"2001-09-02\"}";

    @Test
    void judicialRecordCertificateOfNguyenVanAn_listsHisReusableBirthCertificateExtract() {
        JsonNode result = prefill(JUDICIAL_RECORD_CERTIFICATE, AN);

        JsonNode birth = paper(result, "KS.TRICHLUC");
        assertThat(birth.path("status").asText()).isEqualTo("reusable");
        JsonNode offered = birth.path("reusable");
        assertThat(offered.path("documentId").asText()).isEqualTo("KQ-KS.001090012345.01");
        assertThat(offered.path("number").asText()).isEqualTo("125/2024/TLKS-BS");
        assertThat(offered.path("issuer").path("name").asText()).isEqualTo("Ủy ban nhân dân phường Ba Đình");
        assertThat(offered.path("issuedOn").asText()).isEqualTo("2024-06-10");
        assertThat(offered.path("validity").path("status").asText()).isEqualTo("valid");
        assertThat(offered.path("link").asText()).endsWith("/khosohoa/tep/KQ-KS.001090012345.01.pdf");
        assertThat(offered.path("provenance").path("service").asText()).isEqualTo("digitised-papers");
        assertThat(offered.path("provenance").path("sourceDossier").asText()).isEqualTo("000.00.04.H22-240610-00031");
        assertThat(offered.path("provenance").path("retrievedAt").asText()).isNotBlank();
        assertThat(offered.path("dossierComponent").path("MaKetQuaThayThe").asText()).isEqualTo("KQ-KS.001090012345.01");

        // his residence confirmation ended on 2025-10-31: listed as expired, not offered, still to submit
        JsonNode residence = paper(result, "CT.XACNHAN");
        assertThat(residence.path("status").asText()).isEqualTo("expired");
        assertThat(residence.has("reusable")).isFalse();
        assertThat(residence.path("notOffered")).hasSize(1);
        assertThat(residence.path("notOffered").get(0).path("validity").path("status").asText()).isEqualTo("expired");
        assertThat(residence.path("notOffered").get(0).path("validity").path("reason").asText()).isEqualTo("valid until 2025-10-31");
        assertThat(residence.path("notOffered").get(0).has("dossierComponent")).isFalse();
        assertThat(result.path("papersToSubmit")).extracting(JsonNode::asText).containsExactly("CT.XACNHAN");
        assertThat(result.path("paperStore").path("status").asText()).isEqualTo("ok");
        // the fields' sources are unchanged: the store is reported on its own
        assertThat(result.path("sources")).extracting(s -> s.path("id").asText())
                .containsExactly("population", "judicial-records", "birth");
    }

    @Test
    void anExpiredOrRevokedPaperIsListedNotOffered_andAStoreFailureIsReportedAsUnknown() {
        JsonNode ngoc = prefill(LAND_TRANSFER, NGOC);
        JsonNode certificate = paper(ngoc, "DD.GCNQSDD");
        assertThat(certificate.path("status").asText()).isEqualTo("expired");
        assertThat(certificate.path("notOffered").get(0).path("number").asText()).isEqualTo("CT 778899");
        assertThat(certificate.path("notOffered").get(0).path("validity").path("reason").asText()).isEqualTo("valid until 2025-12-31");

        JsonNode ngocJudicial = prefill(JUDICIAL_RECORD_CERTIFICATE, NGOC);
        assertThat(paper(ngocJudicial, "CT.XACNHAN").path("notOffered").get(0).path("validity").path("status").asText())
                .isEqualTo("invalid");
        assertThat(paper(ngocJudicial, "KS.TRICHLUC").path("status").asText()).isEqualTo("reusable");

        JsonNode hong = prefill(JUDICIAL_RECORD_CERTIFICATE,
                "{\"personalId\":\"038185000321\",\"fullName\":\"Lê Thị Hồng\",\"dateOfBirth\":\"1985-11-20\"}");
        assertThat(paper(hong, "KS.TRICHLUC").path("status").asText()).isEqualTo("not_held");
        assertThat(hong.path("papersToSubmit")).extracting(JsonNode::asText).containsExactly("KS.TRICHLUC", "CT.XACNHAN");
    }

    @Test
    void aDossierReusingThePaperReachesThePortalMarkedHoSoCoThanhPhanSoHoa() throws Exception {
        JsonNode component = paper(prefill(JUDICIAL_RECORD_CERTIFICATE, AN), "KS.TRICHLUC").path("reusable").path("dossierComponent");
        String reusing = code(901);
        String plain = code(902);
        ObjectNode dossier = (ObjectNode) json.readTree(dossierJson(reusing, "DA_TIEP_NHAN"));
        dossier.putArray("TaiLieuNop").add(component);
        assertThat(post("/api/v1/dossiers", dossier.toString(), motcua()).statusCode()).isEqualTo(202);
        assertThat(post("/api/v1/dossiers", dossierJson(plain, "DA_TIEP_NHAN"), motcua()).statusCode()).isEqualTo(202);

        await().atMost(patience()).until(() -> arrivals(reusing).size() == 1 && arrivals(plain).size() == 1);
        JsonNode sent = arrivals(reusing).get(0).path("data");
        assertThat(sent.path("HoSoCoThanhPhanSoHoa").asText()).isEqualTo("1");
        assertThat(sent.path("TaiLieuNop").get(0).path("MaKetQuaThayThe").asText()).isEqualTo("KQ-KS.001090012345.01");
        assertThat(arrivals(plain).get(0).path("data").has("HoSoCoThanhPhanSoHoa")).isFalse();
    }

    @Test
    void offersThePapersOverSoapToo() throws Exception {
        Subject subject = new Subject();
        subject.setPersonalId("001090012345");
        subject.setFullName("Nguyễn Văn An");
        subject.setDateOfBirth("1990-05-15");
        PrefillResult result = client().prefill(JUDICIAL_RECORD_CERTIFICATE, subject);
        RequiredPaper birth = result.getPaper().stream().filter(p -> p.getDocumentType().equals("KS.TRICHLUC")).findFirst()
                .orElseThrow();
        assertThat(birth.getStatus()).isEqualTo("reusable");
        assertThat(birth.getReusable().getNumber()).isEqualTo("125/2024/TLKS-BS");
        assertThat(birth.getReusable().getDossierComponent()).contains("\"DuocTaiSuDung\":\"1\"");
        assertThat(result.getPaperToSubmit()).containsExactly("CT.XACNHAN");
    }

    private JsonNode prefill(String procedure, String subject) {
        HttpResponse<String> response = post("/api/v1/prefill", "{\"procedureCode\":\"" + procedure + "\",\"subject\":" + subject + "}",
                Map.of("X-API-Key", MOTCUA_KEY, "X-User-Id", "canbo.motcua@hanoi.gov.vn", "X-Purpose", procedure));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    private static JsonNode paper(JsonNode result, String type) {
        for (JsonNode p : result.path("papers")) {
            if (p.path("documentType").asText().equals(type)) {
                return p;
            }
        }
        throw new AssertionError("no paper " + type + " in " + result);
    }

    private PrefillPortType client() {
        return soapPort(new PrefillService().getPrefillPort(), "/soap/PrefillService", Map.of("X-API-Key", MOTCUA_KEY,
                "X-User-Id", "canbo.motcua@hanoi.gov.vn", "X-Purpose", JUDICIAL_RECORD_CERTIFICATE));
    }
}
