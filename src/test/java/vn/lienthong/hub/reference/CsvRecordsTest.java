package vn.lienthong.hub.reference;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRecordsTest {

    private static List<List<String>> fields(String text) {
        return CsvRecords.parse(text).stream().map(CsvRecords.CsvRecord::fields).toList();
    }

    @Test
    void readsNothingFromEmptyText() {
        assertThat(CsvRecords.parse("")).isEmpty();
        assertThat(CsvRecords.parse("\uFEFF")).isEmpty();
    }

    @Test
    void keepsEmptyFieldsIncludingTrailingOnes() {
        assertThat(fields("a,,b,\n,\n")).containsExactly(List.of("a", "", "b", ""), List.of("", ""));
        assertThat(fields("a,")).containsExactly(List.of("a", ""));
    }

    @Test
    void acceptsLfCrLfAndCrLineEndings() {
        assertThat(fields("a\nb\r\nc\rd")).containsExactly(List.of("a"), List.of("b"), List.of("c"), List.of("d"));
    }

    @Test
    void unquotesFieldsWithSeparatorsQuotesAndLineBreaks() {
        assertThat(fields("\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"\"\n"))
                .containsExactly(List.of("x, y", "say \"hi\"", "two\r\nlines", ""));
    }

    @Test
    void keepsStrayQuotesAndTextAfterClosingQuote() {
        assertThat(fields("ab\"c,\"d\"e\n")).containsExactly(List.of("ab\"c", "de"));
    }

    @Test
    void reportsLineOnWhichEachRecordStarts() {
        List<CsvRecords.CsvRecord> records = CsvRecords.parse("h\n\"multi\nline\",x\nlast\n");

        assertThat(records).extracting(CsvRecords.CsvRecord::line).containsExactly(1, 2, 4);
    }

    @Test
    void treatsBlankRecordAsBlank() {
        assertThat(CsvRecords.parse(" , \n").get(0).isBlank()).isTrue();
        assertThat(CsvRecords.parse("a\n").get(0).field(5)).isEmpty();
    }
}
