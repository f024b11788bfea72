package io.cardshark.worlds.internal.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The two orders of the index's words: they agree except across UTF-16's surrogates. */
class WordOrderTest {

    private static final String COMPATIBILITY_IDEOGRAPH = "\uFA0E";       // U+FA0E, one UTF-16 unit
    private static final String EXTENSION_B = new String(Character.toChars(0x20000)); // U+20000, a surrogate pair

    @Test
    void theOrdersDifferOnlyAcrossTheSurrogates() {
        assertThat(WordOrder.UTF16.compare(EXTENSION_B, COMPATIBILITY_IDEOGRAPH)).as("0xD840 < 0xFA0E").isNegative();
        assertThat(WordOrder.CODE_POINT.compare(EXTENSION_B, COMPATIBILITY_IDEOGRAPH)).as("U+20000 > U+FA0E")
                .isPositive();
        List<String> words = new ArrayList<>(List.of("b", "a", "ab", "é", "", "z" + EXTENSION_B, "z" + COMPATIBILITY_IDEOGRAPH,
                "日本", "🐉"));
        List<String> byUnits = new ArrayList<>(words);
        byUnits.sort(WordOrder.UTF16);
        List<String> byPoints = new ArrayList<>(words);
        byPoints.sort(WordOrder.CODE_POINT);
        assertThat(byPoints).containsExactly("", "a", "ab", "b", "z" + COMPATIBILITY_IDEOGRAPH, "z" + EXTENSION_B, "é",
                "日本", "🐉");
        assertThat(byUnits).containsExactly("", "a", "ab", "b", "z" + EXTENSION_B, "z" + COMPATIBILITY_IDEOGRAPH, "é",
                "日本", "🐉");
        assertThat(WordOrder.CODE_POINT.compare("ab", "ab")).isZero();
    }

    @Test
    void codePointOrderIsTheOrderOfUtf8Bytes() {
        List<String> words = List.of("a", "é", "\uFFFD", COMPATIBILITY_IDEOGRAPH, EXTENSION_B, "🐉", "日", "z\uE000", "z😀");
        for (String x : words) {
            for (String y : words) {
                assertThat(Integer.signum(WordOrder.CODE_POINT.compare(x, y))).as(x + " " + y)
                        .isEqualTo(Integer.signum(java.util.Arrays.compareUnsigned(
                                x.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                y.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            }
        }
    }
}
