package io.cardshark.worlds.internal.search;

import org.junit.jupiter.api.Test;

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

    @Test
    void aTextSplitsIntoWordsAndSymbols() {
        assertThat(SearchText.queryWords("Hello, WORLD 🦊 hello Zoë")).containsExactly("hello", "world", "🦊", "zoë");
    }
}
