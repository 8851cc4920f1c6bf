package vn.lienthong.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HeaderCharactersTest {

    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePoint_isJudgedAsTheFirewallsPatternsJudgeIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + new String(Character.toChars(codePoint)) + "b";
            assertThat(HeaderCharacters.allowedName(text)).as("name U+%04X", codePoint)
                    .isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderCharacters.allowedValue(text)).as("value U+%04X", codePoint)
                    .isEqualTo(VALUE.matcher(text).matches());
        }
    }

    @Test
    void mixedTexts_lonelySurrogatesAndVietnamese_areJudgedAlike() {
        List<String> texts = new ArrayList<>(List.of("", "Nguyễn Văn An", "X-User-Id", "a\tb", "a\r\nb", "\u0000",
                "\uD800", "x\uDC00y", "\uD83D\uDE00", "\u00A0", "\u2028", "\uFFFF"));
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < 6; j++) {
                text.append((char) random.nextInt(0x10000));
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            assertThat(HeaderCharacters.allowedName(text)).as(text).isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderCharacters.allowedValue(text)).as(text).isEqualTo(VALUE.matcher(text).matches());
        }
    }
}
