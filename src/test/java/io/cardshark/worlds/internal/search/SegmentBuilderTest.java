package io.cardshark.worlds.internal.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A segment built message by message holds, for each message, exactly the words and weights that
 * {@link SearchText#weights} gives its text: the builder counts a message's words in its posting lists instead of
 * in maps of its own, and the search index's check ({@code verify}) and a query's scores read the weights back.
 */
class SegmentBuilderTest {

    @Test
    void eachMessageHasTheWordsAndWeightsOfItsText() {
        List<String> texts = new ArrayList<>(List.of("", "   ", "Hello", "hello HELLO Hello, world",
                "Straße strasse STRASSE 🦊 🦊 fox", "Zoë zoë ZOË e\u0301cole école", "a".repeat(70) + " " + "A".repeat(80)));
        Random random = new Random(7);
        String[] vocabulary = {"elara", "Key", "KEY", "door", "🗝", "Bär", "bar", "ＥＬＡＲＡ", "ﬁre", "fire", "x"};
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = random.nextInt(120); w > 0; w--) {
                text.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextBoolean() ? " " : ", ");
            }
            texts.add(text.toString());
        }
        SegmentBuilder builder = new SegmentBuilder();
        for (int i = 0; i < texts.size(); i++) {
            builder.add(i < 100 ? 3 : 4, i, texts.get(i));
        }

        Map<Integer, Map<String, Integer>> found = new HashMap<>();
        for (Map.Entry<String, PostingList> word : builder.words(WordOrder.UTF16)) {
            PostingList list = word.getValue();
            for (int p = 0; p < list.size(); p++) {
                found.computeIfAbsent((int) list.seq(p), m -> new HashMap<>()).put(word.getKey(), list.weight(p));
            }
        }
        long postings = 0;
        for (int i = 0; i < texts.size(); i++) {
            Map<String, Integer> expected = SearchText.weights(texts.get(i));
            assertThat(found.getOrDefault(i, Map.of())).as("message %d: %s", i, texts.get(i)).isEqualTo(expected);
            postings += expected.size();
        }
        assertThat(builder.messages()).isEqualTo(texts.size());
        assertThat(builder.postings()).isEqualTo(postings);
    }

    @Test
    void theWordsComeInTheIndexsOrder() {
        SegmentBuilder builder = new SegmentBuilder();
        builder.add(1, 0, "zeta alpha Émile émile 🦊 beta");
        List<String> words = builder.words(WordOrder.UTF16).stream().map(Map.Entry::getKey).toList();
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(WordOrder.UTF16);
        assertThat(words).isEqualTo(sorted).hasSize(5);
    }
}
