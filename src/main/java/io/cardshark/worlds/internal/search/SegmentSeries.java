package io.cardshark.worlds.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An import's messages, given in (chat key, sequence number) order, cut into segments of at most a given number
 * of messages, each with its words in the index's key order and their postings encoded, ready to write. No
 * database: the import builds them on the thread that parses its chats, and its own thread writes them.
 */
public final class SegmentSeries {

    /** A segment of {@code messages} messages whose words are {@code words}, in the index's key order. */
    public record Segment(long messages, List<Word> words) {
    }

    /** A word of a segment and its postings, encoded ({@link SearchPostings#encode}). */
    public record Word(String word, List<SearchPostings.Part> parts) {
    }

    private final int mostMessages;
    private final long mostPostings;
    private final WordOrder order;
    private SegmentBuilder builder = new SegmentBuilder();

    /**
     * Segments of at most {@code mostMessages} messages, ended too by the message that takes them to
     * {@code mostPostings} postings or more (the heap a segment takes grows with its postings); words in
     * {@code order}.
     */
    public SegmentSeries(int mostMessages, long mostPostings, WordOrder order) {
        if (mostMessages < 1 || mostPostings < 1) {
            throw new IllegalArgumentException("a segment holds at least one message and one posting, not "
                    + mostMessages + " and " + mostPostings);
        }
        this.mostMessages = mostMessages;
        this.mostPostings = mostPostings;
        this.order = order;
    }

    /** Adds one message's text (which may hold no word); returns the segment it completed, else {@code null}. */
    public Segment add(long chatKey, long seq, String text) {
        builder.add(chatKey, seq, text);
        return builder.messages() == mostMessages || builder.postings() >= mostPostings ? finish() : null;
    }

    /** The segment of the messages added since the last one, {@code null} when there are none; call at the end. */
    public Segment finish() {
        if (builder.messages() == 0) {
            return null;
        }
        Segment done = segment(builder, order);
        builder = new SegmentBuilder();
        return done;
    }

    /** The segment of what {@code builder} took, its words in {@code order}: the indexer's flush makes one so. */
    public static Segment segment(SegmentBuilder builder, WordOrder order) {
        List<Map.Entry<String, PostingList>> postings = builder.words(order);
        List<Word> words = new ArrayList<>(postings.size());
        for (Map.Entry<String, PostingList> word : postings) {
            words.add(new Word(word.getKey(), SearchPostings.encode(word.getValue())));
        }
        return new Segment(builder.messages(), words);
    }
}
