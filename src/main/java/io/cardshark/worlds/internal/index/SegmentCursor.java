package io.cardshark.worlds.internal.index;

import io.cardshark.worlds.internal.engine.Engine;
import io.cardshark.worlds.internal.search.PostingList;
import io.cardshark.worlds.internal.search.SearchBlocks;
import io.cardshark.worlds.internal.search.SearchPostings;
import io.cardshark.worlds.internal.search.WordOrder;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static io.cardshark.worlds.internal.db.Tables.SEARCH_POSTING;

/**
 * The words of one segment with their postings, in key order, read a page of rows at a time: a merge or a verify
 * walks segments of millions of postings in a bounded heap. It checks what it reads: each row's columns against
 * its bytes, and the words in strictly ascending order (a merge relies on both).
 */
final class SegmentCursor {

    /** Rows read at a time: single-word rows and blocks of rare words. */
    private static final int PAGE = 256;

    private final DSLContext dsl;
    private final long segmentId;
    private final WordOrder order;
    private final Deque<Word> words = new ArrayDeque<>();
    private String after = "";
    private boolean exhausted;
    private Word current;

    SegmentCursor(DSLContext dsl, long segmentId) {
        this.dsl = dsl;
        this.segmentId = segmentId;
        this.order = Engine.of(dsl).wordOrder();
    }

    /** The order of the words, the database's. */
    WordOrder order() {
        return order;
    }

    /** One word with its postings. */
    private record Word(String word, PostingList postings) {
    }

    /** Moves to the next word; false after the last. */
    boolean next() {
        if (words.isEmpty() && !exhausted) {
            readPage();
        }
        Word next = words.poll();
        if (next != null && current != null && order.compare(next.word(), current.word()) <= 0) {
            throw new IllegalArgumentException("the word \"" + next.word() + "\" does not follow \"" + current.word() + "\"");
        }
        current = next;
        return next != null;
    }

    /** The current word. */
    String word() {
        return current == null ? null : current.word();
    }

    /** The current word's postings. */
    PostingList postings() {
        return current == null ? null : current.postings();
    }

    /** The next page of rows: the first parts of whole words and blocks name them, then every row of them is read. */
    private void readPage() {
        List<String> keys = dsl.select(SEARCH_POSTING.LAST_WORD).from(SEARCH_POSTING)
                .where(SEARCH_POSTING.SEGMENT_ID.eq(segmentId), SEARCH_POSTING.LAST_WORD.gt(after), SEARCH_POSTING.PART.eq(0))
                .orderBy(SEARCH_POSTING.SEGMENT_ID, SEARCH_POSTING.LAST_WORD, SEARCH_POSTING.PART)
                .limit(PAGE).fetch(SEARCH_POSTING.LAST_WORD);
        if (keys.size() < PAGE) {
            exhausted = true;
        }
        if (keys.isEmpty()) {
            return;
        }
        after = keys.get(keys.size() - 1);
        dsl.select(SEARCH_POSTING.FIRST_WORD, SEARCH_POSTING.LAST_WORD, SEARCH_POSTING.PART, SEARCH_POSTING.WORDS,
                        SEARCH_POSTING.PART_POSTINGS, SEARCH_POSTING.FIRST_CHAT_KEY, SEARCH_POSTING.FIRST_SEQ,
                        SEARCH_POSTING.LAST_CHAT_KEY, SEARCH_POSTING.LAST_SEQ, SEARCH_POSTING.MAX_WEIGHT, SEARCH_POSTING.POSTINGS)
                .from(SEARCH_POSTING)
                .where(SEARCH_POSTING.SEGMENT_ID.eq(segmentId), SEARCH_POSTING.LAST_WORD.between(keys.get(0), after))
                .orderBy(SEARCH_POSTING.SEGMENT_ID, SEARCH_POSTING.LAST_WORD, SEARCH_POSTING.PART)
                .fetch().forEach(this::add);
    }

    /** Adds the words of a row; a row that is not what it should be is named in the exception. */
    private void add(Record r) {
        try {
            addWords(r);
        } catch (IllegalArgumentException damaged) {
            String first = r.get(SEARCH_POSTING.FIRST_WORD);
            String last = r.get(SEARCH_POSTING.LAST_WORD);
            throw new IllegalArgumentException((first.equals(last) ? "word \"" + last + "\" part " + r.get(SEARCH_POSTING.PART)
                    : "block of words \"" + first + "\" to \"" + last + "\"") + ": " + damaged.getMessage(), damaged);
        }
    }

    private void addWords(Record r) {
        String firstWord = r.get(SEARCH_POSTING.FIRST_WORD);
        String lastWord = r.get(SEARCH_POSTING.LAST_WORD);
        int part = r.get(SEARCH_POSTING.PART);
        SearchPostings.Part columns = new SearchPostings.Part(r.get(SEARCH_POSTING.PART_POSTINGS),
                r.get(SEARCH_POSTING.FIRST_CHAT_KEY), r.get(SEARCH_POSTING.FIRST_SEQ), r.get(SEARCH_POSTING.LAST_CHAT_KEY),
                r.get(SEARCH_POSTING.LAST_SEQ), r.get(SEARCH_POSTING.MAX_WEIGHT), r.get(SEARCH_POSTING.POSTINGS));
        if (r.get(SEARCH_POSTING.WORDS) > 1) {
            List<SearchBlocks.Entry> entries = SearchBlocks.decode(columns.bytes(), order);
            check("it", SearchBlocks.summary(entries, columns.bytes()), columns);
            if (entries.size() != r.get(SEARCH_POSTING.WORDS) || !entries.get(0).word().equals(firstWord)
                    || !entries.get(entries.size() - 1).word().equals(lastWord)) {
                throw new IllegalArgumentException("it holds " + entries.size()
                        + " words from \"" + entries.get(0).word() + "\" to \"" + entries.get(entries.size() - 1).word()
                        + "\", not the " + r.get(SEARCH_POSTING.WORDS) + " its row says");
            }
            for (SearchBlocks.Entry e : entries) {
                PostingList list = new PostingList();
                SearchPostings.decode(e.part().bytes(), list);
                words.add(new Word(e.word(), list));
            }
            return;
        }
        check("it", SearchPostings.describe(columns.bytes()), columns);
        Word last = words.peekLast();
        if (part > 0 && last != null && last.word().equals(lastWord)) {
            SearchPostings.decode(columns.bytes(), last.postings());
        } else if (part == 0) {
            PostingList list = new PostingList();
            SearchPostings.decode(columns.bytes(), list);
            words.add(new Word(lastWord, list));
        } else {
            throw new IllegalArgumentException("it follows no part 0 of its word");
        }
    }

    /** A row's columns must say what its bytes hold: a merge and a search trust them. */
    private static void check(String row, SearchPostings.Part held, SearchPostings.Part columns) {
        if (held.count() != columns.count() || held.maxWeight() != columns.maxWeight()
                || held.firstChatKey() != columns.firstChatKey() || held.firstSeq() != columns.firstSeq()
                || held.lastChatKey() != columns.lastChatKey() || held.lastSeq() != columns.lastSeq()) {
            throw new IllegalArgumentException(row + " holds " + held.count() + " postings from " + held.firstChatKey()
                    + "." + held.firstSeq() + " to " + held.lastChatKey() + "." + held.lastSeq() + " with a highest weight of "
                    + held.maxWeight() + ", not the " + columns.count() + " from " + columns.firstChatKey() + "."
                    + columns.firstSeq() + " to " + columns.lastChatKey() + "." + columns.lastSeq()
                    + " with a highest weight of " + columns.maxWeight() + " its row says");
        }
    }
}
