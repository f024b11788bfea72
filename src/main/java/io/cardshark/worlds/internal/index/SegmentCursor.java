package io.cardshark.worlds.internal.index;

import io.cardshark.worlds.internal.search.PostingList;
import io.cardshark.worlds.internal.search.SearchPostings;
import org.jooq.DSLContext;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static io.cardshark.worlds.internal.db.Tables.SEARCH_POSTING;

/**
 * The words of one segment with their postings, in key order, read a page of words at a time: a merge or a
 * verify walks segments of millions of postings in a bounded heap.
 */
final class SegmentCursor {

    /** Words read at a time. */
    private static final int PAGE = 256;

    private final DSLContext dsl;
    private final long segmentId;
    private final Deque<Row> rows = new ArrayDeque<>();
    private String after = "";
    private boolean exhausted;
    private String word;
    private PostingList postings;

    SegmentCursor(DSLContext dsl, long segmentId) {
        this.dsl = dsl;
        this.segmentId = segmentId;
    }

    /** Moves to the next word; false after the last. */
    boolean next() {
        if (rows.isEmpty() && !exhausted) {
            readPage();
        }
        if (rows.isEmpty()) {
            word = null;
            postings = null;
            return false;
        }
        word = rows.peek().word();
        postings = new PostingList();
        while (!rows.isEmpty() && rows.peek().word().equals(word)) {
            Row row = rows.poll();
            int before = postings.size();
            SearchPostings.decode(row.part().bytes(), postings);
            check(row, before);
        }
        return true;
    }

    /** One stored part of a word. */
    private record Row(String word, int number, SearchPostings.Part part) {
    }

    /** A part's columns must say what its bytes hold: a merge and a search trust them. */
    private void check(Row row, int before) {
        SearchPostings.Part p = row.part();
        int last = postings.size() - 1;
        int maxWeight = 0;
        for (int i = before; i <= last; i++) {
            maxWeight = Math.max(maxWeight, postings.weight(i));
        }
        if (postings.size() - before != p.count() || p.count() == 0 || maxWeight != p.maxWeight()
                || postings.chatKey(before) != p.firstChatKey() || postings.seq(before) != p.firstSeq()
                || postings.chatKey(last) != p.lastChatKey() || postings.seq(last) != p.lastSeq()) {
            throw new IllegalArgumentException("part " + row.number() + " holds " + (postings.size() - before)
                    + " postings, not the " + p.count() + " from " + p.firstChatKey() + "." + p.firstSeq() + " to "
                    + p.lastChatKey() + "." + p.lastSeq() + " with a highest weight of " + p.maxWeight() + " its row says");
        }
    }

    /** The current word. */
    String word() {
        return word;
    }

    /** The current word's postings. */
    PostingList postings() {
        return postings;
    }

    /** The next page of whole words: their first parts name them, then every part of them is read. */
    private void readPage() {
        List<String> words = dsl.select(SEARCH_POSTING.WORD).from(SEARCH_POSTING)
                .where(SEARCH_POSTING.SEGMENT_ID.eq(segmentId), SEARCH_POSTING.WORD.gt(after), SEARCH_POSTING.PART.eq(0))
                .orderBy(SEARCH_POSTING.SEGMENT_ID, SEARCH_POSTING.WORD, SEARCH_POSTING.PART)
                .limit(PAGE).fetch(SEARCH_POSTING.WORD);
        if (words.size() < PAGE) {
            exhausted = true;
        }
        if (words.isEmpty()) {
            return;
        }
        after = words.get(words.size() - 1);
        dsl.select(SEARCH_POSTING.WORD, SEARCH_POSTING.PART, SEARCH_POSTING.PART_POSTINGS, SEARCH_POSTING.FIRST_CHAT_KEY,
                        SEARCH_POSTING.FIRST_SEQ, SEARCH_POSTING.LAST_CHAT_KEY, SEARCH_POSTING.LAST_SEQ, SEARCH_POSTING.MAX_WEIGHT, SEARCH_POSTING.POSTINGS)
                .from(SEARCH_POSTING)
                .where(SEARCH_POSTING.SEGMENT_ID.eq(segmentId), SEARCH_POSTING.WORD.between(words.get(0), after))
                .orderBy(SEARCH_POSTING.SEGMENT_ID, SEARCH_POSTING.WORD, SEARCH_POSTING.PART)
                .fetch().forEach(r -> rows.add(new Row(r.value1(), r.value2(), new SearchPostings.Part(r.value3(),
                        r.value4(), r.value5(), r.value6(), r.value7(), r.value8(), r.value9()))));
    }
}
