package vn.lienthong.hub.audit.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

/** Audit search filters in NFC, the form the edge writes records in. */
class AuditFiltersTest {

    @Test
    void decomposedFiltersMatchComposedRecords() {
        String officer = "cán.bộ@hà-nội.gov.vn";
        assertThat(AuditController.nfc(Normalizer.normalize(officer, Normalizer.Form.NFD))).isEqualTo(officer);
        assertThat(AuditController.nfc(" Đăng  ký khai sinh ")).isEqualTo("Đăng ký khai sinh");
        assertThat(AuditController.nfc(null)).isNull();
    }
}
