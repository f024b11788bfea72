package io.cardshark.worlds.internal.search;

import java.util.Arrays;

/**
 * The postings of one word: the messages holding it, as (chat key, sequence number) in ascending order, each
 * with the word's weight there. A growable list of primitives: a common word of a large segment has a million
 * postings, which boxed objects would make ten times larger.
 */
public final class PostingList {

    private long[] chatKeys;
    private long[] seqs;
    private int[] weights;
    private int size;

    public PostingList() {
        this(8);
    }

    public PostingList(int capacity) {
        chatKeys = new long[Math.max(1, capacity)];
        seqs = new long[chatKeys.length];
        weights = new int[chatKeys.length];
    }

    /** Adds a posting, which must come after the last one in (chat key, sequence number) order. */
    public void add(long chatKey, long seq, int weight) {
        if (size > 0 && compare(chatKey, seq, chatKeys[size - 1], seqs[size - 1]) <= 0) {
            throw new IllegalArgumentException("posting " + chatKey + "." + seq + " does not follow "
                    + chatKeys[size - 1] + "." + seqs[size - 1]);
        }
        if (weight <= 0) {
            throw new IllegalArgumentException("posting " + chatKey + "." + seq + " has weight " + weight);
        }
        if (size == chatKeys.length) {
            int capacity = size * 2;
            chatKeys = Arrays.copyOf(chatKeys, capacity);
            seqs = Arrays.copyOf(seqs, capacity);
            weights = Arrays.copyOf(weights, capacity);
        }
        chatKeys[size] = chatKey;
        seqs[size] = seq;
        weights[size] = weight;
        size++;
    }

    public int size() {
        return size;
    }

    /** Whether the last posting is of message ({@code chatKey}, {@code seq}). */
    public boolean endsWith(long chatKey, long seq) {
        return size > 0 && chatKeys[size - 1] == chatKey && seqs[size - 1] == seq;
    }

    /** Adds one to the last posting's weight: a builder counting a word's occurrences in a message there. */
    public void countLast() {
        weights[size - 1]++;
    }

    /** Sets the last posting's weight, once its message's words are counted. */
    public void weighLast(int weight) {
        if (weight <= 0) {
            throw new IllegalArgumentException("posting " + chatKeys[size - 1] + "." + seqs[size - 1] + " has weight " + weight);
        }
        weights[size - 1] = weight;
    }

    public long chatKey(int i) {
        return chatKeys[i];
    }

    public long seq(int i) {
        return seqs[i];
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
            int c = i == a.size ? 1 : j == b.size ? -1 : compare(a.chatKeys[i], a.seqs[i], b.chatKeys[j], b.seqs[j]);
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
        if (keep.test(from.chatKeys[i], from.seqs[i])) {
            add(from.chatKeys[i], from.seqs[i], from.weights[i]);
        }
    }

    /** Which postings a merge keeps: those of messages still in the store. */
    @FunctionalInterface
    public interface Keep {
        boolean test(long chatKey, long seq);
    }
}
