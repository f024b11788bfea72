package io.cardshark.worlds.internal.ops;

import java.util.Arrays;
import java.util.Set;

/**
 * The messages a search found in the index, with their scores, in primitive arrays (a query of two common
 * words finds hundreds of thousands). Those outside the query's chats or not after its cursor are left out as
 * they come. {@link #best} orders the best few without sorting the rest.
 */
final class SearchCandidates {

    private final int afterScore;
    private final long afterChatKey;
    private final long afterSeq;
    private final boolean hasCursor;
    private final Set<Long> chats;
    private int[] scores = new int[64];
    private long[] chatKeys = new long[64];
    private long[] seqs = new long[64];
    private int size;

    /**
     * @param cursor the last hit of the page before, as (score, chat key, seq), or null for the first page
     * @param chats  the chat keys a query is limited to, or null for every chat
     */
    SearchCandidates(long[] cursor, Set<Long> chats) {
        this.hasCursor = cursor != null;
        this.afterScore = hasCursor ? (int) cursor[0] : 0;
        this.afterChatKey = hasCursor ? cursor[1] : 0;
        this.afterSeq = hasCursor ? cursor[2] : 0;
        this.chats = chats;
    }

    void add(int score, long chatKey, long seq) {
        if (chats != null && !chats.contains(chatKey)) {
            return;
        }
        if (hasCursor && compare(score, chatKey, seq, afterScore, afterChatKey, afterSeq) <= 0) {
            return;
        }
        if (size == scores.length) {
            scores = Arrays.copyOf(scores, size * 2);
            chatKeys = Arrays.copyOf(chatKeys, size * 2);
            seqs = Arrays.copyOf(seqs, size * 2);
        }
        scores[size] = score;
        chatKeys[size] = chatKey;
        seqs[size] = seq;
        size++;
    }

    int size() {
        return size;
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

    /**
     * The order of hits, as a comparison where greater comes first: higher score, then the later chat key, then
     * the later message (newer chats and messages first among equals).
     */
    private static int compare(int scoreA, long chatA, long seqA, int scoreB, long chatB, long seqB) {
        int c = Integer.compare(scoreB, scoreA);
        if (c == 0) {
            c = Long.compare(chatB, chatA);
        }
        return c != 0 ? c : Long.compare(seqB, seqA);
    }

    private int compare(int a, int b) {
        return compare(scores[a], chatKeys[a], seqs[a], scores[b], chatKeys[b], seqs[b]);
    }

    /**
     * The indexes of the best {@code count} candidates (or all), best first: a bounded heap, then a sort of it.
     * Candidates mostly come in ascending key order and many share a score, so they are taken last first: each
     * one that ties with those kept is then worse than all of them, and costs one comparison.
     */
    int[] best(int count) {
        int k = Math.min(count, size);
        int[] heap = new int[k];
        int filled = 0;
        for (int i = size - 1; i >= 0; i--) {
            if (filled < k) {
                heap[filled] = i;
                siftUp(heap, filled++);
            } else if (k > 0 && compare(i, heap[0]) < 0) {
                heap[0] = i;
                siftDown(heap, k);
            }
        }
        Integer[] sorted = new Integer[k];
        for (int i = 0; i < k; i++) {
            sorted[i] = heap[i];
        }
        Arrays.sort(sorted, this::compare);
        return Arrays.stream(sorted).mapToInt(Integer::intValue).toArray();
    }

    /** The heap keeps its worst candidate at the root. */
    private void siftUp(int[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (compare(heap[i], heap[parent]) <= 0) {
                return;
            }
            swap(heap, i, parent);
            i = parent;
        }
    }

    private void siftDown(int[] heap, int n) {
        int i = 0;
        while (true) {
            int worst = i;
            for (int child = 2 * i + 1; child <= 2 * i + 2 && child < n; child++) {
                if (compare(heap[child], heap[worst]) > 0) {
                    worst = child;
                }
            }
            if (worst == i) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
