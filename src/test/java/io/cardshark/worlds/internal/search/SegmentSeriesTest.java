package io.cardshark.worlds.internal.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import's segments end at a number of messages or, for long messages, at a number of postings (the heap a
 * segment takes while it is built grows with its postings); every message is in exactly one segment, its words
 * in the index's order.
 */
class SegmentSeriesTest {

    /** Adds {@code texts} as messages 0, 1, ... of chat 7; the segments that came out, the last one included. */
    static List<SegmentSeries.Segment> cut(SegmentSeries series, List<String> texts) {
        List<SegmentSeries.Segment> segments = new ArrayList<>();
        for (int seq = 0; seq < texts.size(); seq++) {
            SegmentSeries.Segment done = series.add(7, seq, texts.get(seq));
            if (done != null) {
                segments.add(done);
            }
        }
        SegmentSeries.Segment last = series.finish();
        if (last != null) {
            segments.add(last);
        }
        return segments;
    }

    static long postings(SegmentSeries.Segment segment) {
        return segment.words().stream().flatMap(w -> w.parts().stream()).mapToLong(SearchPostings.Part::count).sum();
    }

    @Test
    void shortMessagesAreCutByCount() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            texts.add("door key");
        }
        List<SegmentSeries.Segment> segments = cut(new SegmentSeries(4, 1_000, WordOrder.UTF16), texts);
        assertThat(segments).extracting(SegmentSeries.Segment::messages).containsExactly(4L, 4L, 2L);
        assertThat(segments.get(0).words()).extracting(SegmentSeries.Word::word).containsExactly("door", "key");
    }

    @Test
    void longMessagesAreCutByPostingsAtTheMessageThatReachesTheBound() {
        // Three distinct words a message: a bound of 10 postings ends a segment at its fourth message (12).
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            texts.add("w" + i + "a w" + i + "b w" + i + "c w" + i + "a");
        }
        List<SegmentSeries.Segment> segments = cut(new SegmentSeries(1_000, 10, WordOrder.UTF16), texts);
        assertThat(segments).extracting(SegmentSeries.Segment::messages).containsExactly(4L, 4L, 1L);
        assertThat(segments).extracting(SegmentSeriesTest::postings).containsExactly(12L, 12L, 3L);
        List<String> words = segments.get(1).words().stream().map(SegmentSeries.Word::word).toList();
        assertThat(words).isSorted().hasSize(12).contains("w4a", "w7c").doesNotContain("w3a", "w8a");
    }

    @Test
    void nothingAddedIsNoSegment() {
        assertThat(cut(new SegmentSeries(4, 10, WordOrder.UTF16), List.of())).isEmpty();
    }
}
