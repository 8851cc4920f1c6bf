package vn.lienthong.hub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class DigitisedDocumentsConnectorIT extends ConnectorBehaviourIT {

    private static final String LIST = "digitised-papers";
    private static final String ONE = "digitised-paper";

    @Test
    void listsThePapersOfNguyenVanAn_withIssuerNumberDateAndValidity() {
        JsonNode an = found(LIST, personal("personalId", "001090012345"));
        assertThat(an.path("ownerId").asText()).isEqualTo("001090012345");
        assertThat(an.path("papers")).extracting(p -> p.path("documentType").asText())
                .containsExactly("KS.TRICHLUC", "LLTP.PHIEU", "CT.XACNHAN", "DD.GCNQSDD");
        JsonNode birth = an.path("papers").get(0);
        assertThat(birth.path("number").asText()).isEqualTo("125/2024/TLKS-BS");
        assertThat(birth.path("issuer").path("name").asText()).isEqualTo("Ủy ban nhân dân phường Ba Đình");
        assertThat(birth.path("issuedOn").asText()).isEqualTo("2024-06-10");
        assertThat(birth.path("storeStatus").asText()).isEqualTo("VALID");
        assertThat(birth.path("link").asText()).startsWith("http://127.0.0.1:").endsWith("/khosohoa/tep/KQ-KS.001090012345.01.pdf");
        assertThat(an.path("papers").get(2).path("validUntil").asText()).isEqualTo("2025-10-31");
    }

    @Test
    void filtersByDocumentType_andRefusesAnUnknownTypeBeforeAnyCall() {
        JsonNode land = found(LIST, "{\"personalId\":\"079301004567\",\"documentType\":\"DD.GCNQSDD\"}");
        assertThat(land.path("papers")).hasSize(1);
        assertThat(land.path("papers").get(0).path("validUntil").asText()).isEqualTo("2025-12-31");
        fails(LIST, "{\"personalId\":\"001090012345\",\"documentType\":\"XX.KHONGCO\"}", 400, "INVALID_FIELD");
    }

    @Test
    void readsOnePaperWithItsAttachment_whoseHashMatchesTheFile() throws Exception {
        JsonNode paper = found(ONE, "{\"personalId\":\"001090012345\",\"documentId\":\"KQ-KS.001090012345.01\"}");
        assertThat(paper.path("documentTypeName").asText()).isEqualTo("Trích lục khai sinh");
        JsonNode attachment = paper.path("attachment");
        assertThat(attachment.path("mediaType").asText()).isEqualTo("application/pdf");
        HttpResponse<byte[]> file = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(attachment.path("url").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body())))
                .isEqualTo(attachment.path("sha256").asText());
    }

    @org.springframework.beans.factory.annotation.Autowired
    vn.lienthong.hub.simulator.SimulatorServers simulators;

    @Test
    void theSimulatedStoreRefusesAnUnknownTypeAndACallWithoutToken_asTheStoreWould() throws Exception {
        String base = "http://127.0.0.1:" + simulators.server("digitised-documents").port() + "/khosohoa/api/v1/DanhSachGiayTo";
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(base + "?MaDinhDanh=001090012345&MaLoaiGiayTo=XX.KHONGCO"))
                .header("lgspaccesstoken", "x").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(unknown.body()).path("MaLoi").asText()).isEqualTo("04");
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create(base + "?MaDinhDanh=001090012345")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
    }

    @Test
    void aPaperOfAnotherOwnerIsNotFound() {
        fails(ONE, "{\"personalId\":\"079301004567\",\"documentId\":\"KQ-KS.001090012345.01\"}", 404, "NOT_FOUND");
        fails(ONE, "{\"personalId\":\"001090012345\",\"documentId\":\"not-a-store-id\"}", 400, "INVALID_FIELD");
    }

    @Test
    void answersEachFaultTriggerWithItsCode() {
        assertThat(found(LIST, personal("personalId", "038185000321")).path("papers").size()).isZero();
        fails(LIST, personal("personalId", "001099000001"), 404, "NOT_FOUND");
        fails(LIST, personal("personalId", "001090000503"), 503, "NATIONAL_UNAVAILABLE");
        fails(LIST, personal("personalId", "001090000500"), 502, "NATIONAL_SYSTEM_ERROR");
        fails(LIST, personal("personalId", "001090000502"), 502, "NATIONAL_MALFORMED_ANSWER");
        fails(LIST, personal("personalId", "001090000504"), 504, "NATIONAL_TIMEOUT");
    }
}
