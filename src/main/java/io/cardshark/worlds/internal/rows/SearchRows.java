package io.cardshark.worlds.internal.rows;

import io.cardshark.worlds.internal.engine.Engine;
import io.cardshark.worlds.internal.search.MergePolicy;
import io.cardshark.worlds.internal.search.SearchBlocks;
import io.cardshark.worlds.internal.search.SearchPostings;
import io.cardshark.worlds.internal.search.SegmentSeries;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static io.cardshark.worlds.internal.db.Tables.SEARCH_INDEX;
import static io.cardshark.worlds.internal.db.Tables.SEARCH_PROGRESS;
import static io.cardshark.worlds.internal.db.Tables.SEARCH_POSTING;
import static io.cardshark.worlds.internal.db.Tables.SEARCH_SEGMENT;

/**
 * The one writer of the search index ({@code SEARCH_PROGRESS}, {@code SEARCH_SEGMENT}, {@code SEARCH_POSTING}
 * and {@code SEARCH_INDEX}; schemas V4 and V5 say how it is built). A message an append or a branch writes is pending
 * (after its chat's mark) until the indexer moves it into a segment and the mark past it, in one transaction; an
 * import writes its messages' segments and marks in its own ({@link #importSegments}). The index thus commits, rolls
 * back and survives a kill with its messages, and an append writes nothing for it.
 *
 * <p>Why not H2's full-text search: its native one keeps its index through a trigger and its functions through
 * aliases, Java code that H2 loads when it opens the file, which is what the store refuses to find in a store
 * it is given ({@code SchemaGuard}); it also ranks nothing. Its Lucene one keeps the index in files outside the
 * database, which a kill leaves out of step with the rows and a backup does not hold.
 */
public final class SearchRows {

    private static final Compiled INSERT_POSTING = Compiled.statement(DSL.insertInto(SEARCH_POSTING,
                    SEARCH_POSTING.SEGMENT_ID, SEARCH_POSTING.LAST_WORD, SEARCH_POSTING.FIRST_WORD, SEARCH_POSTING.PART,
                    SEARCH_POSTING.WORDS, SEARCH_POSTING.PART_POSTINGS, SEARCH_POSTING.FIRST_CHAT_KEY,
                    SEARCH_POSTING.FIRST_SEQ, SEARCH_POSTING.LAST_CHAT_KEY, SEARCH_POSTING.LAST_SEQ,
                    SEARCH_POSTING.MAX_WEIGHT, SEARCH_POSTING.POSTINGS)
            .values(Compiled.bind(SEARCH_POSTING.SEGMENT_ID), Compiled.bind(SEARCH_POSTING.LAST_WORD),
                    Compiled.bind(SEARCH_POSTING.FIRST_WORD), Compiled.bind(SEARCH_POSTING.PART),
                    Compiled.bind(SEARCH_POSTING.WORDS), Compiled.bind(SEARCH_POSTING.PART_POSTINGS),
                    Compiled.bind(SEARCH_POSTING.FIRST_CHAT_KEY), Compiled.bind(SEARCH_POSTING.FIRST_SEQ),
                    Compiled.bind(SEARCH_POSTING.LAST_CHAT_KEY), Compiled.bind(SEARCH_POSTING.LAST_SEQ),
                    Compiled.bind(SEARCH_POSTING.MAX_WEIGHT), Compiled.bind(SEARCH_POSTING.POSTINGS)));
    /**
     * A word whose postings take fewer bytes (some sixty postings) goes into a block with its neighbours: most
     * distinct words of a segment are that rare, and a row each would make writing a segment write a row per
     * message (schema V5).
     */
    static final int SMALL_WORD = 256;
    /** A block is written once its words take this many bytes: a few of H2's pages, read whole by a search. */
    static final int BLOCK = 4_096;
    private static final int BATCH = 1000;
    /** Most messages one segment of an import takes ({@link MergePolicy#MOST_POSTINGS} bounds its postings). */
    public static final int MOST_PER_SEGMENT = MergePolicy.LARGEST;

    private SearchRows() {
    }

    /**
     * The index of an import's messages, given in (chat key, sequence number) order: segments of at most
     * {@link #MOST_PER_SEGMENT} messages in this database's word order, which the import writes
     * ({@link #insertSegment(DSLContext, SegmentSeries.Segment)}) in its own transaction, with its chats' marks
     * ({@link #indexed}). The import already holds each message parsed, so it needs neither pending marks nor the
     * indexer's second reading of a million messages.
     */
    public static SegmentSeries importSegments(DSLContext dsl) {
        return new SegmentSeries(MOST_PER_SEGMENT, MergePolicy.MOST_POSTINGS, Engine.of(dsl).wordOrder());
    }

    /**
     * Writes a segment (of an import, of the indexer's flush) and returns its id; {@code null} when no message
     * held a word (a segment would hold nothing).
     */
    public static Long insertSegment(DSLContext dsl, SegmentSeries.Segment segment) {
        if (segment.words().isEmpty()) {
            return null;
        }
        try (SegmentWriter writer = segment(dsl, segment.messages())) {
            for (SegmentSeries.Word word : segment.words()) {
                writer.add(word.word(), word.parts());
            }
            return writer.finish();
        }
    }

    /**
     * Begins a step of the indexer: takes the index's lock (the one row of {@code SEARCH_INDEX}) until the
     * transaction ends, so that steps run one at a time across threads and processes.
     */
    public static void beginStep(DSLContext dsl) {
        dsl.update(SEARCH_INDEX).set(SEARCH_INDEX.STEPS, SEARCH_INDEX.STEPS.plus(1)).execute();
    }

    /** Records that messages 0 to {@code indexed - 1} of a chat are in segments. */
    public static void indexed(DSLContext dsl, long worldKey, long chatKey, long indexed) {
        dsl.mergeInto(SEARCH_PROGRESS).using(DSL.selectOne())
                .on(SEARCH_PROGRESS.WORLD_KEY.eq(worldKey), SEARCH_PROGRESS.CHAT_KEY.eq(chatKey))
                .whenMatchedThenUpdate().set(SEARCH_PROGRESS.INDEXED, indexed)
                .whenNotMatchedThenInsert(SEARCH_PROGRESS.WORLD_KEY, SEARCH_PROGRESS.CHAT_KEY, SEARCH_PROGRESS.INDEXED)
                .values(worldKey, chatKey, indexed)
                .execute();
    }

    /** Deletes a chat's mark; {@link ChatRows#delete} calls this. */
    static void deleteMark(DSLContext dsl, long worldKey, long chatKey) {
        holdIndex(dsl);
        dsl.deleteFrom(SEARCH_PROGRESS)
                .where(SEARCH_PROGRESS.WORLD_KEY.eq(worldKey), SEARCH_PROGRESS.CHAT_KEY.eq(chatKey)).execute();
    }

    /** Deletes the marks of a world's chats; {@link ChatRows#deleteWorld} calls this. */
    static void deleteMarks(DSLContext dsl, long worldKey) {
        holdIndex(dsl);
        WorldRows.deleteRowsOf(dsl, worldKey, SEARCH_PROGRESS.WORLD_KEY);
    }

    /**
     * Takes the search index's lock, as a step of the indexer does ({@link #beginStep}), until the transaction
     * ends. A step writes the marks of the chats it read, and on H2 no foreign key refuses a mark of a chat that
     * is gone (schema V10). With the lock, a step that runs while chats are deleted either commits first, and
     * the delete then finds its marks, or begins after, and does not find the chats. {@code RestartSoakTest}
     * found a mark of a deleted world without it.
     */
    private static void holdIndex(DSLContext dsl) {
        dsl.selectOne().from(SEARCH_INDEX).forUpdate().fetch();
    }

    /** A new segment, written word by word in key order: a merge's output, too large to hold in memory. */
    public static SegmentWriter segment(DSLContext dsl, long messages) {
        return new SegmentWriter(dsl, messages);
    }

    /**
     * See {@link #segment}. The segment's row is written first, its counts by {@link #finish()}. Rare words are
     * gathered into blocks ({@link #SMALL_WORD}, {@link SearchBlocks}); a block ends at {@link #BLOCK} bytes or
     * before a word with rows of its own, so that every row covers consecutive words of the segment.
     */
    public static final class SegmentWriter implements AutoCloseable {

        private final DSLContext dsl;
        private final long id;
        private final StatementBatch rows;
        private final List<SearchBlocks.Entry> block = new ArrayList<>();
        private int blockBytes;
        private long postings;

        private SegmentWriter(DSLContext dsl, long messages) {
            this.dsl = dsl;
            this.id = dsl.insertInto(SEARCH_SEGMENT, SEARCH_SEGMENT.MESSAGES, SEARCH_SEGMENT.POSTINGS)
                    .values(messages, 0L).returning(SEARCH_SEGMENT.SEGMENT_ID).fetchOne(SEARCH_SEGMENT.SEGMENT_ID);
            this.rows = new StatementBatch(dsl, INSERT_POSTING.sql(dsl), "writing search segment " + id, BATCH);
        }

        /** Adds the postings of the next word (after the last one added, in the key's order), encoded. */
        public void add(String word, List<SearchPostings.Part> parts) {
            if (parts.size() == 1 && parts.get(0).bytes().length < SMALL_WORD) {
                block.add(new SearchBlocks.Entry(word, parts.get(0)));
                blockBytes += word.length() + parts.get(0).bytes().length;
                if (blockBytes >= BLOCK) {
                    writeBlock();
                }
                return;
            }
            writeBlock();
            for (int i = 0; i < parts.size(); i++) {
                row(word, word, i, 1, parts.get(i));
            }
        }

        private void writeBlock() {
            if (block.size() == 1) {
                row(block.get(0).word(), block.get(0).word(), 0, 1, block.get(0).part());
            } else if (block.size() > 1) {
                row(block.get(0).word(), block.get(block.size() - 1).word(), 0, block.size(),
                        SearchBlocks.summary(block, SearchBlocks.encode(block)));
            }
            block.clear();
            blockBytes = 0;
        }

        private void row(String firstWord, String lastWord, int part, int words, SearchPostings.Part p) {
            rows.add(id, lastWord, firstWord, part, words, p.count(), p.firstChatKey(), p.firstSeq(), p.lastChatKey(),
                    p.lastSeq(), p.maxWeight(), p.bytes());
            postings += p.count();
        }

        /** Sends what is left and records the count of postings; returns the segment's id. */
        public long finish() {
            writeBlock();
            rows.send();
            dsl.update(SEARCH_SEGMENT).set(SEARCH_SEGMENT.POSTINGS, postings)
                    .where(SEARCH_SEGMENT.SEGMENT_ID.eq(id)).execute();
            return id;
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    /** Deletes segments (after a merge wrote the one that replaces them). */
    public static void deleteSegments(DSLContext dsl, Collection<Long> ids) {
        dsl.deleteFrom(SEARCH_POSTING).where(SEARCH_POSTING.SEGMENT_ID.in(ids)).execute();
        dsl.deleteFrom(SEARCH_SEGMENT).where(SEARCH_SEGMENT.SEGMENT_ID.in(ids)).execute();
    }
}
