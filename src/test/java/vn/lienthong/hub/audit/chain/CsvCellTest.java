package vn.lienthong.hub.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A CSV export never hands a spreadsheet a formula: formula characters at a cell's start are neutralised. */
class CsvCellTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "=HYPERLINK(\"http://x\")|`\"'=HYPERLINK(\"\"http://x\"\")\"`",
        "+1+1|'+1+1",
        "-2+3|'-2+3",
        "@SUM(A1)|'@SUM(A1)",
        "canbo@hanoi.gov.vn|canbo@hanoi.gov.vn",
        "a,b|`\"a,b\"`",
        "Nguyễn Văn An|Nguyễn Văn An"})
    void neutralisesFormulaStarts_andQuotesSeparators(String value, String cell) {
        assertThat(AuditExport.csvCell(value)).isEqualTo(cell);
    }

    @org.junit.jupiter.api.Test
    void neutralisesTabAndCarriageReturnStarts() {
        assertThat(AuditExport.csvCell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(AuditExport.csvCell("\rcmd")).isEqualTo("\"'\rcmd\"");
    }
}
