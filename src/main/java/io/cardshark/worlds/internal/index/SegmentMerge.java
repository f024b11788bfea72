package io.cardshark.worlds.internal.index;

import io.cardshark.worlds.internal.search.PostingList;
import io.cardshark.worlds.internal.search.WordOrder;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BiConsumer;

/**
 * Reads several segments word by word, all in key order at once, and gives each word once with its postings
 * from every segment merged, keeping those {@code keep} accepts; a word left with none is skipped. Segments are
 * given oldest first, so that a message found in two (only in a damaged store) keeps its newer posting.
 */
final class SegmentMerge {

    private final List<SegmentCursor> cursors = new ArrayList<>();
    private final PostingList.Keep keep;
    private final Runnable betweenWords;

    SegmentMerge(DSLContext dsl, List<Long> segmentIds, PostingList.Keep keep, Runnable betweenWords) {
        segmentIds.forEach(id -> cursors.add(new SegmentCursor(dsl, id)));
        this.keep = keep;
        this.betweenWords = betweenWords;
    }

    void run(BiConsumer<String, PostingList> out) {
        // By word, then by age: the oldest segment's postings of a word are merged first.
        PriorityQueue<Integer> heads = new PriorityQueue<>(Comparator.<Integer, String>comparing(i -> cursors.get(i).word(),
                cursors.isEmpty() ? WordOrder.UTF16 : cursors.get(0).order()).thenComparing(i -> i));
        for (int i = 0; i < cursors.size(); i++) {
            if (cursors.get(i).next()) {
                heads.add(i);
            }
        }
        while (!heads.isEmpty()) {
            betweenWords.run();
            String word = cursors.get(heads.peek()).word();
            PostingList merged = new PostingList(0);
            while (!heads.isEmpty() && cursors.get(heads.peek()).word().equals(word)) {
                int i = heads.poll();
                merged = PostingList.merge(merged, cursors.get(i).postings(), keep);
                if (cursors.get(i).next()) {
                    heads.add(i);
                }
            }
            if (merged.size() > 0) {
                out.accept(word, merged);
            }
        }
    }
}
