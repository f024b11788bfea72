package io.cardshark.worlds.internal.index;

import io.cardshark.worlds.internal.db.tables.SearchPosting;
import io.cardshark.worlds.internal.rows.Compiled;
import io.cardshark.worlds.internal.rows.MessageRows;
import io.cardshark.worlds.internal.search.SearchBlocks;
import io.cardshark.worlds.internal.search.SearchPostings;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.cardshark.worlds.internal.db.Tables.CHAT;
import static io.cardshark.worlds.internal.db.Tables.CHAT_MESSAGE;
import static io.cardshark.worlds.internal.db.Tables.SEARCH_PROGRESS;
import static io.cardshark.worlds.internal.db.Tables.SEARCH_POSTING;
import static io.cardshark.worlds.internal.db.Tables.SEARCH_SEGMENT;

/**
 * What a search reads of the index: the pending messages, then each word's postings. A search reads them all in
 * one snapshot ({@code Access.readSnapshot}), so that a step of the indexer that commits meanwhile (moving pending
 * messages into a segment, or merging segments) is either wholly seen or not at all.
 */
public final class IndexReader {

    private IndexReader() {
    }

    /** A pending message with its stored document. */
    public record PendingMessage(long chatKey, long seq, String document) {
    }

    /** A chat's pending messages: from {@code indexed} (its mark) to {@code messages} (its count). */
    public record PendingRange(long worldKey, long chatKey, long indexed, long messages) {
    }

    /** How far a chat is indexed: its mark, or 0 when it has none. */
    static Field<Long> mark() {
        return DSL.coalesce(SEARCH_PROGRESS.INDEXED, DSL.inline(0L));
    }

    /** The chats with pending messages, by chat key. */
    public static List<PendingRange> pendingRanges(DSLContext dsl) {
        return dsl.select(CHAT.WORLD_KEY, CHAT.CHAT_KEY, mark(), CHAT.MESSAGE_COUNT).from(CHAT).leftJoin(SEARCH_PROGRESS)
                .on(markOf()).where(CHAT.MESSAGE_COUNT.gt(mark()))
                .orderBy(CHAT.CHAT_KEY).fetch(r -> new PendingRange(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Joins a chat to its mark, by the mark's whole key. */
    private static Condition markOf() {
        return SEARCH_PROGRESS.WORLD_KEY.eq(CHAT.WORLD_KEY).and(SEARCH_PROGRESS.CHAT_KEY.eq(CHAT.CHAT_KEY));
    }

    /** How many messages are pending. */
    public static long pendingCount(DSLContext dsl) {
        Long n = dsl.select(DSL.sum(CHAT.MESSAGE_COUNT.minus(mark()))).from(CHAT).leftJoin(SEARCH_PROGRESS)
                .on(markOf()).where(CHAT.MESSAGE_COUNT.gt(mark()))
                .fetchOne(0, Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Pending messages of one chat, from its mark on, at most {@code limit}, in order. Read straight from JDBC
     * ({@link Compiled#forEachRow}): the indexer reads every message once, and a jOOQ record per message was a
     * twelfth of its work.
     */
    public static List<PendingMessage> pending(DSLContext dsl, PendingRange range, int limit) {
        List<PendingMessage> found = new ArrayList<>(limit);
        Compiled.forEachRow(dsl, dsl.select(CHAT_MESSAGE.SEQ, CHAT_MESSAGE.DOCUMENT).from(CHAT_MESSAGE)
                        .where(MessageRows.after(range.worldKey(), range.chatKey(), range.indexed() - 1))
                        .orderBy(MessageRows.keyOrder(true)).limit(limit),
                rs -> found.add(new PendingMessage(range.chatKey(), rs.getLong(1), rs.getString(2))));
        return found;
    }

    /**
     * The pending messages of the chats {@code chats} selects (null for all), in one statement, so that they are
     * one moment's: each chat's messages from its mark on.
     */
    public static List<PendingMessage> pending(DSLContext dsl, Condition chats) {
        Condition pending = CHAT.MESSAGE_COUNT.gt(mark());
        List<PendingMessage> found = new ArrayList<>();
        Compiled.forEachRow(dsl, dsl.select(CHAT_MESSAGE.CHAT_KEY, CHAT_MESSAGE.SEQ, CHAT_MESSAGE.DOCUMENT).from(CHAT)
                        .leftJoin(SEARCH_PROGRESS).on(markOf())
                        .join(CHAT_MESSAGE).on(MessageRows.ofChat(CHAT.WORLD_KEY, CHAT.CHAT_KEY, mark()))
                        .where(chats == null ? pending : pending.and(chats)),
                rs -> found.add(new PendingMessage(rs.getLong(1), rs.getLong(2), rs.getString(3))));
        return found;
    }

    /**
     * The stored parts of {@code word} in every segment that has it, by segment id, each segment's in order: in
     * each segment the rows of the first key not below the word (its own parts, or the block that would hold it),
     * in one statement. A word found in a block is given as the one part it is there.
     */
    public static Map<Long, List<SearchPostings.Part>> parts(DSLContext dsl, String word) {
        SearchPosting next = SEARCH_POSTING.as("next");
        Field<String> covering = DSL.field(DSL.select(next.LAST_WORD).from(next)
                .where(next.SEGMENT_ID.eq(SEARCH_SEGMENT.SEGMENT_ID), next.LAST_WORD.ge(word))
                .orderBy(next.SEGMENT_ID, next.LAST_WORD, next.PART).limit(1));
        // No ORDER BY: H2 would then rather walk the whole table in its key's order than start from the segments.
        Map<Long, List<SearchPostings.Part>> bySegment = new TreeMap<>();
        dsl.select(SEARCH_POSTING.SEGMENT_ID, SEARCH_POSTING.PART, SEARCH_POSTING.WORDS, SEARCH_POSTING.PART_POSTINGS,
                        SEARCH_POSTING.FIRST_CHAT_KEY, SEARCH_POSTING.FIRST_SEQ, SEARCH_POSTING.LAST_CHAT_KEY,
                        SEARCH_POSTING.LAST_SEQ, SEARCH_POSTING.MAX_WEIGHT, SEARCH_POSTING.POSTINGS)
                .from(SEARCH_SEGMENT).join(SEARCH_POSTING)
                .on(SEARCH_POSTING.SEGMENT_ID.eq(SEARCH_SEGMENT.SEGMENT_ID), SEARCH_POSTING.LAST_WORD.eq(covering),
                        SEARCH_POSTING.FIRST_WORD.le(word))
                .fetch().sortAsc(SEARCH_POSTING.PART).forEach(r -> {
                    SearchPostings.Part part = r.value3() > 1 ? SearchBlocks.find(r.value10(), word)
                            : new SearchPostings.Part(r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                            r.value9(), r.value10());
                    if (part != null) {
                        bySegment.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(part);
                    }
                });
        return bySegment;
    }
}
