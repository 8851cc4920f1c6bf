package vn.lienthong.hub.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180 reader for the reference tables published as spreadsheet exports: quoted fields may hold commas,
 * doubled quotes and line breaks, lines may end in CRLF or LF, and the file may start with a UTF-8 byte order mark.
 */
final class CsvRecords {

    /**
     * One parsed record.
     *
     * @param line   physical line (1-based) on which the record starts, for error messages
     * @param fields raw field values, unquoted but otherwise untouched
     */
    record CsvRecord(int line, List<String> fields) {

        String field(int index) {
            return index < fields.size() ? fields.get(index) : "";
        }

        boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private CsvRecords() {
    }

    /**
     * Reads every record of a UTF-8 stream without closing it.
     *
     * @throws CharacterCodingException if the bytes are not UTF-8, because a table exported in a legacy Vietnamese
     *                                  code page would otherwise load with corrupted names and no warning
     */
    static List<CsvRecord> read(InputStream in) throws IOException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(in.readAllBytes()))
                .toString();
        return parse(text);
    }

    static List<CsvRecord> parse(String text) {
        List<CsvRecord> records = new ArrayList<>();
        int n = text.length();
        int i = n > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        int line = 1;
        int recordLine = 1;
        List<String> fields = new ArrayList<>(10);
        while (i < n) {
            if (text.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                i++;
                while (true) {
                    int quote = text.indexOf('"', i);
                    if (quote < 0) {
                        throw new IllegalArgumentException(
                                "unterminated quoted field in record starting on line " + recordLine);
                    }
                    line += countLineFeeds(text, i, quote);
                    field.append(text, i, quote);
                    if (quote + 1 < n && text.charAt(quote + 1) == '"') {
                        field.append('"');
                        i = quote + 2;
                    } else {
                        i = quote + 1;
                        break;
                    }
                }
                // Text after the closing quote is kept, as spreadsheet programs do, rather than rejected.
                int rest = i;
                i = endOfField(text, i);
                field.append(text, rest, i);
                fields.add(field.toString());
            } else {
                int start = i;
                i = endOfField(text, i);
                fields.add(text.substring(start, i));
            }
            if (i >= n) {
                break;
            }
            char c = text.charAt(i);
            if (c == ',') {
                i++;
                if (i >= n) {
                    fields.add("");
                }
                continue;
            }
            i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            records.add(new CsvRecord(recordLine, List.copyOf(fields)));
            fields.clear();
            line++;
            recordLine = line;
        }
        if (!fields.isEmpty()) {
            records.add(new CsvRecord(recordLine, List.copyOf(fields)));
        }
        return records;
    }

    /** Index of the comma or line break that ends an unquoted field, or the end of the text. */
    private static int endOfField(String text, int from) {
        int n = text.length();
        int i = from;
        while (i < n) {
            char c = text.charAt(i);
            if (c == ',' || c == '\n' || c == '\r') {
                return i;
            }
            i++;
        }
        return n;
    }

    private static int countLineFeeds(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
