package io.cardshark.worlds.internal.search;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The postings of a new segment, gathered in memory from messages given in (chat key, sequence number) order.
 * The caller bounds how many messages one builder takes (the heap it needs grows with them).
 */
public final class SegmentBuilder {

    private final Map<String, PostingList> words = new HashMap<>();
    private long messages;
    private long postings;

    /** Adds the words of one message's text (which may hold none). */
    public void add(long chatKey, long seq, String text) {
        Map<String, Integer> weights = SearchText.weights(text);
        weights.forEach((word, weight) -> words.computeIfAbsent(word, w -> new PostingList()).add(chatKey, seq, weight));
        messages++;
        postings += weights.size();
    }

    /** How many messages were added, with or without words. */
    public long messages() {
        return messages;
    }

    /** How many postings the segment holds. */
    public long postings() {
        return postings;
    }

    /** The postings by word, in the order of the index's key ({@code order}, the database's). */
    public TreeMap<String, PostingList> words(WordOrder order) {
        TreeMap<String, PostingList> sorted = new TreeMap<>(order);
        sorted.putAll(words);
        return sorted;
    }
}
