package io.cardshark.worlds.internal.search;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The words the index stores and a query looks up: folded by NFKC and case, accents kept, cut at 64 chars. */
class SearchTextTest {

    @Test
    void asciiWordsFoldToLowerCaseAndAreCutAt64() {
        assertThat(SearchText.fold("Elara")).isEqualTo("elara");
        assertThat(SearchText.fold("KEY")).isEqualTo("key");
        assertThat(SearchText.fold("key42")).isEqualTo("key42");
        assertThat(SearchText.fold("A".repeat(70))).isEqualTo("a".repeat(64));
    }

    @Test
    void otherWordsAreNormalisedThenFoldedByCase() {
        assertThat(SearchText.fold("Straße")).isEqualTo("strasse");
        assertThat(SearchText.fold("ＥＬＡＲＡ")).isEqualTo("elara");
        assertThat(SearchText.fold("ﬁre")).isEqualTo("fire");
        assertThat(SearchText.fold("Bär")).isEqualTo("bär").isNotEqualTo(SearchText.fold("Bar"));
        assertThat(SearchText.fold("ÉCOLE")).isEqualTo("école");
    }

    /**
     * Non-ASCII folds are kept in a small table by the word's hash: a word folded again comes from it, and two
     * words of one slot ("Éa" and "ÊB" have the same {@code hashCode}) each keep their own fold.
     */
    @Test
    void aRecentFoldIsTheWordsOwnEvenWhenAnotherSharesItsSlot() {
        assertThat("Éa".hashCode()).isEqualTo("ÊB".hashCode());
        for (int i = 0; i < 3; i++) {
            assertThat(SearchText.fold("Éa")).isEqualTo("éa");
            assertThat(SearchText.fold("Éa")).isEqualTo("éa");
            assertThat(SearchText.fold("ÊB")).isEqualTo("êb");
        }
        assertThat(SearchText.queryWords("✨ ✨ ÊB Éa")).containsExactly("✨", "êb", "éa");
    }

    @Test
    void aTextSplitsIntoWordsAndSymbols() {
        assertThat(SearchText.queryWords("Hello, WORLD 🦊 hello Zoë")).containsExactly("hello", "world", "🦊", "zoë");
    }

    /**
     * ASCII takes a shorter path (no normaliser, one pass of case): every index written before it must still be
     * found, so it must give what the general fold gives. Every ASCII character, alone and inside words, and random
     * ASCII words, against NFKC then upper then lower case, as the class documents the fold.
     */
    @Test
    void theAsciiPathFoldsAsTheGeneralOne() {
        Random random = new Random(14);
        List<String> words = new ArrayList<>();
        for (char c = 0; c < 0x80; c++) {
            words.add(String.valueOf(c));
            words.add("Ab" + c + "Yz");
        }
        for (int i = 0; i < 10_000; i++) {
            char[] w = new char[1 + random.nextInt(80)];
            for (int j = 0; j < w.length; j++) {
                w[j] = (char) random.nextInt(0x80);
            }
            words.add(new String(w));
        }
        for (String w : words) {
            String general = Normalizer.normalize(w, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT)
                    .toLowerCase(Locale.ROOT);
            assertThat(SearchText.fold(w)).as(w).isEqualTo(general.substring(0, Math.min(64, general.length())));
        }
    }

    /** The ASCII path of the tokenizer: letters and digits make words; no other ASCII character is a word. */
    @Test
    void asciiCharactersSplitAsUnicodeClassifiesThem() {
        for (char c = 0; c < 0x80; c++) {
            List<String> expected = Character.isLetterOrDigit(c) ? List.of("a" + Character.toLowerCase(c) + "b")
                    : Character.getType(c) == Character.OTHER_SYMBOL ? List.of("a", String.valueOf(c), "b")
                    : List.of("a", "b");
            assertThat(SearchText.queryWords("a" + c + "b")).as("character %d", (int) c)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(SearchText.queryWords("Café—Zoë's 42nd ✨ tale")).containsExactly("café", "zoë", "s", "42nd", "✨",
                "tale");
    }
}
