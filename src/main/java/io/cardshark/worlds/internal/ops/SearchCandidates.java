package io.cardshark.worlds.internal.ops;

import java.util.Arrays;
import java.util.Set;

/**
 * The best candidates a search found, at most {@code capacity} of them: a heap in primitive arrays whose root is
 * the worst kept, so that a query of two common words (a million matches) keeps only what a page can use. Those
 * outside the query's chats or not after its cursor are left out as they come. {@link #truncated()} says whether
 * anything was dropped or skipped, so that a larger capacity could find more.
 */
final class SearchCandidates {

    private final boolean hasCursor;
    private final int afterScore;
    private final long afterChatKey;
    private final long afterSeq;
    private final Set<Long> chats;
    private final int[] scores;
    private final long[] chatKeys;
    private final long[] seqs;
    private int size;
    private boolean truncated;

    /**
     * @param capacity how many to keep
     * @param cursor   the last hit of the page before, as (score, chat key, seq), or null for the first page
     * @param chats    the chat keys a query is limited to, or null for every chat
     */
    SearchCandidates(int capacity, long[] cursor, Set<Long> chats) {
        this.hasCursor = cursor != null;
        this.afterScore = hasCursor ? (int) cursor[0] : 0;
        this.afterChatKey = hasCursor ? cursor[1] : 0;
        this.afterSeq = hasCursor ? cursor[2] : 0;
        this.chats = chats;
        this.scores = new int[capacity];
        this.chatKeys = new long[capacity];
        this.seqs = new long[capacity];
    }

    /** Whether a message of this chat may be a hit at all (the query's chats). */
    boolean inChats(long chatKey) {
        return chats == null || chats.contains(chatKey);
    }

    void add(int score, long chatKey, long seq) {
        if (!inChats(chatKey) || hasCursor && compare(score, chatKey, seq, afterScore, afterChatKey, afterSeq) <= 0) {
            return;
        }
        if (size < scores.length) {
            set(size, score, chatKey, seq);
            siftUp(size++);
        } else if (scores.length > 0 && compare(score, chatKey, seq, scores[0], chatKeys[0], seqs[0]) < 0) {
            set(0, score, chatKey, seq);
            siftDown();
            truncated = true;
        } else {
            truncated = true;
        }
    }

    /**
     * Whether no message of a block can be kept: the heap is full and the block's best possible score is below
     * the worst kept, or equal to it with every message of the block before the worst kept (ties go to later
     * messages). Marks the result truncated when so, since a larger capacity would take them.
     */
    boolean cannotBeat(int bestScore, long lastChatKey, long lastSeq) {
        boolean beaten = size == scores.length && (bestScore < scores[0] || bestScore == scores[0]
                && compare(bestScore, lastChatKey, lastSeq, scores[0], chatKeys[0], seqs[0]) > 0);
        truncated |= beaten;
        return beaten;
    }

    boolean truncated() {
        return truncated;
    }

    int score(int i) {
        return scores[i];
    }

    long chatKey(int i) {
        return chatKeys[i];
    }

    long seq(int i) {
        return seqs[i];
    }

    /** The indexes of the candidates kept, best first. */
    int[] bestFirst() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, this::compare);
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The order of hits, as a comparison where the better comes first: higher score, then the later chat key,
     * then the later message (newer chats and messages first among equals).
     */
    static int compare(int scoreA, long chatA, long seqA, int scoreB, long chatB, long seqB) {
        int c = Integer.compare(scoreB, scoreA);
        if (c == 0) {
            c = Long.compare(chatB, chatA);
        }
        return c != 0 ? c : Long.compare(seqB, seqA);
    }

    private int compare(int a, int b) {
        return compare(scores[a], chatKeys[a], seqs[a], scores[b], chatKeys[b], seqs[b]);
    }

    private void set(int i, int score, long chatKey, long seq) {
        scores[i] = score;
        chatKeys[i] = chatKey;
        seqs[i] = seq;
    }

    private void swap(int a, int b) {
        int score = scores[a];
        long chatKey = chatKeys[a];
        long seq = seqs[a];
        set(a, scores[b], chatKeys[b], seqs[b]);
        set(b, score, chatKey, seq);
    }

    /** The heap keeps its worst candidate at the root. */
    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (compare(i, parent) <= 0) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown() {
        int i = 0;
        while (true) {
            int worst = i;
            for (int child = 2 * i + 1; child <= 2 * i + 2 && child < size; child++) {
                if (compare(child, worst) > 0) {
                    worst = child;
                }
            }
            if (worst == i) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }
}
