package io.cardshark.worlds.internal.search;

import java.util.Arrays;

/**
 * The postings of one word: the messages holding it, as (chat key, sequence number) in ascending order, each
 * with the word's weight there. A growable list of primitives: a common word of a large segment has a million
 * postings, which boxed objects would make ten times larger. A posting's message is one {@code long}, the chat
 * key in its high half and the number in its low half, as the schema's message key is ({@code MessageRows.key}):
 * twelve bytes a posting instead of twenty, which an import's segment of 65,536 messages (a million postings and
 * more, built in the heap) needs.
 */
public final class PostingList {

    /** The most messages a chat holds ({@code MessageRows.SEQ_LIMIT}): a number takes the key's low half. */
    private static final long SEQ_LIMIT = 1L << 32;

    private long[] messages;
    private int[] weights;
    private int size;

    public PostingList() {
        this(2);
    }

    public PostingList(int capacity) {
        messages = new long[Math.max(1, capacity)];
        weights = new int[messages.length];
    }

    /** Adds a posting, which must come after the last one in (chat key, sequence number) order. */
    public void add(long chatKey, long seq, int weight) {
        if (chatKey < 0 || chatKey > Integer.MAX_VALUE || seq < 0 || seq >= SEQ_LIMIT) {
            throw new IllegalArgumentException("posting " + chatKey + "." + seq + " names no message");
        }
        long message = chatKey * SEQ_LIMIT + seq;
        if (size > 0 && message <= messages[size - 1]) {
            throw new IllegalArgumentException("posting " + chatKey + "." + seq + " does not follow "
                    + chatKey(size - 1) + "." + seq(size - 1));
        }
        if (weight <= 0) {
            throw new IllegalArgumentException("posting " + chatKey + "." + seq + " has weight " + weight);
        }
        if (size == messages.length) {
            messages = Arrays.copyOf(messages, size * 2);
            weights = Arrays.copyOf(weights, size * 2);
        }
        messages[size] = message;
        weights[size] = weight;
        size++;
    }

    public int size() {
        return size;
    }

    /** Whether the last posting is of message ({@code chatKey}, {@code seq}). */
    public boolean endsWith(long chatKey, long seq) {
        return size > 0 && messages[size - 1] == chatKey * SEQ_LIMIT + seq;
    }

    /** Adds one to the last posting's weight: a builder counting a word's occurrences in a message there. */
    public void countLast() {
        weights[size - 1]++;
    }

    /** Sets the last posting's weight, once its message's words are counted. */
    public void weighLast(int weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("posting " + chatKey(size - 1) + "." + seq(size - 1) + " has weight " + weight);
        }
        weights[size - 1] = weight;
    }

    public long chatKey(int i) {
        return messages[i] / SEQ_LIMIT;
    }

    public long seq(int i) {
        return messages[i] % SEQ_LIMIT;
    }

    public int weight(int i) {
        return weights[i];
    }

    /** The order of postings: by chat key, then sequence number. */
    public static int compare(long chatKeyA, long seqA, long chatKeyB, long seqB) {
        int byChat = Long.compare(chatKeyA, chatKeyB);
        return byChat != 0 ? byChat : Long.compare(seqA, seqB);
    }

    /**
     * Both lists in one, in order, keeping only the postings {@code keep} accepts; a message in both (which
     * separate segments never hold, unless a store was damaged) keeps the posting of {@code b}, the newer.
     */
    public static PostingList merge(PostingList a, PostingList b, Keep keep) {
        PostingList out = new PostingList(a.size + b.size);
        int i = 0;
        int j = 0;
        while (i < a.size || j < b.size) {
            int c = i == a.size ? 1 : j == b.size ? -1 : Long.compare(a.messages[i], b.messages[j]);
            if (c < 0) {
                out.addIfKept(a, i++, keep);
            } else {
                out.addIfKept(b, j++, keep);
                if (c == 0) {
                    i++;
                }
            }
        }
        return out;
    }

    private void addIfKept(PostingList from, int i, Keep keep) {
        if (keep.test(from.chatKey(i), from.seq(i))) {
            add(from.chatKey(i), from.seq(i), from.weights[i]);
        }
    }

    /** Which postings a merge keeps: those of messages still in the store. */
    @FunctionalInterface
    public interface Keep {
        boolean test(long chatKey, long seq);
    }
}
