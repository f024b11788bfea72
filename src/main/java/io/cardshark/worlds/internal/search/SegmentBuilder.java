package io.cardshark.worlds.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The postings of a new segment, gathered in memory from messages given in (chat key, sequence number) order.
 * The caller bounds how many messages one builder takes (the heap it needs grows with them).
 *
 * <p>A message's words go straight into their posting lists, with no map of the message's own: the list of a
 * word seen before in the same message counts it in its last posting's weight, and once the message's words are
 * all in, each of those weights becomes {@link SearchText#weight} of that count. The result is
 * {@link SearchText#weights}' (an import of a million messages spent a third of its time in those maps). The lists
 * are found by word in a {@link WordTable}, an ASCII word without a string of its own.
 */
public final class SegmentBuilder {

    private final WordTable words = new WordTable();
    /** The lists the message being added has a posting in, in the order of its words' first occurrences. */
    private final List<PostingList> touched = new ArrayList<>();
    private final SearchText.Words counter = new SearchText.Words() {
        @Override
        public void word(int start, int end, String word) {
            count(words.get(word));
        }

        @Override
        public void asciiWord(String text, int start, int end) {
            count(words.ascii(text, start, end));
        }
    };
    private long chatKey;
    private long seq;
    private int length;
    private long messages;
    private long postings;

    /** Adds the words of one message's text (which may hold none). */
    public void add(long chatKey, long seq, String text) {
        this.chatKey = chatKey;
        this.seq = seq;
        length = 0;
        touched.clear();
        SearchText.forEachWord(text, counter);
        for (PostingList list : touched) {
            list.weighLast(SearchText.weight(list.weight(list.size() - 1), length));
        }
        messages++;
        postings += touched.size();
    }

    /** One word of the message being added, {@code list} its word's. */
    private void count(PostingList list) {
        length++;
        if (list.endsWith(chatKey, seq)) {
            list.countLast();
        } else {
            list.add(chatKey, seq, 1);
            touched.add(list);
        }
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
    public List<Map.Entry<String, PostingList>> words(WordOrder order) {
        return words.sorted(order);
    }
}
