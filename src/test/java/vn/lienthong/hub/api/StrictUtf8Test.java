package vn.lienthong.hub.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3629 UTF-8 only: what a lenient decoder would turn into text is refused. */
class StrictUtf8Test {

    @ParameterizedTest
    @ValueSource(strings = {"c181", "c0af", "e08081", "f0808080", "eda080", "f4908080", "f8888080", "ff", "80", "c3",
        "e182", "41c3c3"})
    void refusesOverlongSurrogateOutOfRangeAndBrokenSequences(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThatThrownBy(() -> {
            StrictUtf8 check = new StrictUtf8();
            check.check(bytes, 0, bytes.length);
            check.end();
        }).isInstanceOf(StrictUtf8.InvalidUtf8Exception.class).hasMessageContaining("not valid UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nguyễn Văn An", "Đăng ký khai sinh", "ascii", "𝄞 emoji 😀", "\u007f\u0080\u07ff\u0800\uffff"})
    void acceptsValidText_evenWhenSplitAcrossReads(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThatCode(() -> {
            StrictUtf8 check = new StrictUtf8();
            for (int i = 0; i < bytes.length; i++) {
                check.check(bytes, i, 1);
            }
            check.end();
        }).doesNotThrowAnyException();
    }
}
