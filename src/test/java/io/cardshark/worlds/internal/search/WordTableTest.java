package io.cardshark.worlds.internal.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The segment builder's table finds a word's one list whichever way the word comes: in place in a text (ASCII,
 * any case) or as a folded string, before and after the table grows.
 */
class WordTableTest {

    @Test
    void aWordInPlaceAndItsFoldedStringShareOneList() {
        WordTable table = new WordTable();
        String text = "Elara ELARA elara";
        PostingList first = table.ascii(text, 0, 5);
        assertThat(table.ascii(text, 6, 11)).isSameAs(first);
        assertThat(table.get("elara")).isSameAs(first);
        assertThat(table.get(SearchText.fold("ＥＬＡＲＡ"))).isSameAs(first);
        assertThat(table.get("elar")).isNotSameAs(first);
        assertThat(table.ascii("Elarax", 0, 6)).isNotSameAs(first);
    }

    @Test
    void aLongWordIsItsFirstSixtyFourChars() {
        WordTable table = new WordTable();
        String text = "A".repeat(70) + " " + "a".repeat(64) + "b";
        PostingList list = table.ascii(text, 0, 70);
        assertThat(table.ascii(text, 71, 136)).isSameAs(list);
        assertThat(table.get("a".repeat(64))).isSameAs(list);
        assertThat(table.sorted(WordOrder.UTF16)).extracting(Map.Entry::getKey).containsExactly("a".repeat(64));
    }

    @Test
    void everyWordKeepsItsListAsTheTableGrows() {
        WordTable table = new WordTable();
        Map<PostingList, String> lists = new IdentityHashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String word = "Word" + Integer.toString(i, 36).toUpperCase(Locale.ROOT);
            words.add(word);
            String text = "x " + word + " y";
            lists.put(table.ascii(text, 2, 2 + word.length()), word);
        }
        assertThat(lists).hasSize(words.size());
        for (String word : words) {
            String folded = word.toLowerCase(Locale.ROOT);
            assertThat(lists.get(table.get(folded))).isEqualTo(word);
        }
        List<String> sorted = table.sorted(WordOrder.UTF16).stream().map(Map.Entry::getKey).toList();
        assertThat(sorted).hasSize(words.size()).isSorted()
                .containsExactlyInAnyOrderElementsOf(words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
    }
}
