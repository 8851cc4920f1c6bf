package vn.lienthong.hub.prefill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;

class PaperReuseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProcedureProfile.Source STORE = new ProcedureProfile.Source(ProcedureProfile.PAPER_STORE,
            "digitised-papers", Map.of("personalId", "subject.personalId"), 4000);
    /** 2026-12-01 00:30 in Vietnam is still 2026-11-30 in UTC: the day counts in Vietnam time. */
    private static final Clock EARLY_MORNING_IN_HANOI = Clock.fixed(Instant.parse("2026-11-30T17:30:00Z"), ZoneOffset.UTC);

    @Test
    void offersTheMostRecentValidPaper_andListsTheOthersWithTheirReason() throws Exception {
        JsonNode answer = JSON.readTree("""
                {"ownerId":"001090012345","papers":[
                 {"documentId":"KQ-A","documentType":"CT.XACNHAN","number":"1","issuer":{"name":"CA"},"issuedOn":"2026-11-01","validUntil":"2026-11-30","storeStatus":"VALID"},
                 {"documentId":"KQ-B","documentType":"CT.XACNHAN","number":"2","issuer":{"name":"CA"},"issuedOn":"2026-11-20","validUntil":"2026-12-20","storeStatus":"VALID"},
                 {"documentId":"KQ-C","documentType":"CT.XACNHAN","number":"3","issuer":{"name":"CA"},"issuedOn":"2026-11-25","validUntil":"2026-12-25","storeStatus":"INVALID"},
                 {"documentId":"KQ-D","documentType":"CT.XACNHAN","number":"4","issuer":{"name":"CA"},"issuedOn":"2026-11-10","validUntil":null,"storeStatus":"VALID"},
                 {"documentId":"KQ-E","documentType":"KS.TRICHLUC","number":"5","issuer":{"name":"UB"},"issuedOn":"2020-01-01","storeStatus":"VALID"}]}""");
        ProcedureProfile.Papers papers = new ProcedureProfile.Papers(STORE,
                List.of(new ProcedureProfile.Paper("CT.XACNHAN", "Xác nhận cư trú", null),
                        new ProcedureProfile.Paper("LLTP.PHIEU", "Phiếu LLTP", null)));

        List<PrefillResult.RequiredPaper> judged = new PaperReuse(EARLY_MORNING_IN_HANOI).judge(papers, answered(answer));

        PrefillResult.RequiredPaper residence = judged.get(0);
        assertThat(residence.status()).isEqualTo(PrefillResult.PaperStatus.REUSABLE);
        assertThat(residence.reusable().documentId()).isEqualTo("KQ-B");
        assertThat(residence.notOffered()).extracting(PrefillResult.HeldPaper::documentId).containsExactly("KQ-A", "KQ-C");
        assertThat(residence.notOffered()).extracting(p -> p.validity().status()).containsExactly("expired", "invalid");
        assertThat(judged.get(1).status()).isEqualTo(PrefillResult.PaperStatus.NOT_HELD);
    }

    @Test
    void aProcedureAgeLimitExpiresOlderPapers() throws Exception {
        ProcedureProfile.Paper recent = new ProcedureProfile.Paper("LLTP.PHIEU", "Phiếu LLTP", 180);
        LocalDate today = LocalDate.of(2026, 12, 1);
        assertThat(PaperReuse.validity(JSON.readTree("{\"storeStatus\":\"VALID\",\"issuedOn\":\"2026-06-04\"}"), recent, today).status())
                .isEqualTo("valid");
        PrefillResult.Validity old = PaperReuse.validity(JSON.readTree("{\"storeStatus\":\"VALID\",\"issuedOn\":\"2026-06-03\"}"),
                recent, today);
        assertThat(old.status()).isEqualTo("expired");
        assertThat(old.reason()).isEqualTo("issued on 2026-06-03; this procedure accepts papers at most 180 days old");
        assertThat(PaperReuse.validity(JSON.readTree("{\"storeStatus\":\"VALID\",\"validUntil\":\"2026-12-01\"}"),
                new ProcedureProfile.Paper("CT.XACNHAN", "x", null), today).status()).as("valid through its last day").isEqualTo("valid");
    }

    @Test
    void aFailedStoreLeavesEveryPaperUnknown_aStoreWithoutRecordNotHeld() {
        ProcedureProfile.Papers papers = new ProcedureProfile.Papers(STORE,
                List.of(new ProcedureProfile.Paper("KS.TRICHLUC", "Trích lục", null)));
        PaperReuse reuse = new PaperReuse(EARLY_MORNING_IN_HANOI);
        assertThat(reuse.judge(papers, failed(ErrorCode.NATIONAL_TIMEOUT)).get(0).status()).isEqualTo(PrefillResult.PaperStatus.UNKNOWN);
        assertThat(reuse.judge(papers, failed(ErrorCode.NOT_FOUND)).get(0).status()).isEqualTo(PrefillResult.PaperStatus.NOT_HELD);
    }

    private static SourceAnswer answered(JsonNode canonical) {
        return new SourceAnswer(call(), canonical, null, 10, Instant.parse("2026-11-30T17:30:00Z"));
    }

    private static SourceAnswer failed(ErrorCode code) {
        return new SourceAnswer(call(), null, new HubException(code, "x"), 10, null);
    }

    private static PrefillPlan.SourceCall call() {
        return new PrefillPlan.SourceCall(3, STORE, "direct:service-digitised-papers", null, null, null, 0);
    }
}
