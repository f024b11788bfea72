package io.cardshark.worlds.internal.index;

import io.cardshark.worlds.internal.search.SearchPostings;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record3;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.cardshark.worlds.internal.db.Tables.CHAT;
import static io.cardshark.worlds.internal.db.Tables.CHAT_MESSAGE;
import static io.cardshark.worlds.internal.db.Tables.SEARCH_PENDING;
import static io.cardshark.worlds.internal.db.Tables.SEARCH_POSTING;
import static io.cardshark.worlds.internal.db.Tables.SEARCH_SEGMENT;

/**
 * What a search reads of the index. A search reads the pending messages first and each word's postings after,
 * each in one statement (which sees one committed state of the store): a message the indexer moves from pending
 * into a segment between the two is then seen twice, never missed.
 */
public final class IndexReader {

    private IndexReader() {
    }

    /** A pending message with its stored document. */
    public record PendingMessage(long chatKey, long seq, String document) {
    }

    /** The pending messages of the chats {@code chats} selects (a condition on {@code CHAT}; null for all). */
    public static List<PendingMessage> pending(DSLContext dsl, Condition chats) {
        var query = dsl.select(SEARCH_PENDING.CHAT_KEY, SEARCH_PENDING.SEQ, CHAT_MESSAGE.DOCUMENT).from(SEARCH_PENDING)
                .join(CHAT_MESSAGE).on(CHAT_MESSAGE.CHAT_KEY.eq(SEARCH_PENDING.CHAT_KEY), CHAT_MESSAGE.SEQ.eq(SEARCH_PENDING.SEQ));
        List<Record3<Long, Long, String>> rows = chats == null ? query.fetch()
                : query.join(CHAT).on(CHAT.CHAT_KEY.eq(SEARCH_PENDING.CHAT_KEY)).where(chats).fetch();
        List<PendingMessage> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(new PendingMessage(r.value1(), r.value2(), r.value3())));
        return out;
    }

    /** The stored parts of {@code word} in every segment that has it, by segment id, each segment's in order. */
    public static Map<Long, List<SearchPostings.Part>> parts(DSLContext dsl, String word) {
        Map<Long, List<SearchPostings.Part>> bySegment = new LinkedHashMap<>();
        dsl.select(SEARCH_POSTING.SEGMENT_ID, SEARCH_POSTING.PART_POSTINGS, SEARCH_POSTING.FIRST_CHAT_KEY,
                        SEARCH_POSTING.FIRST_SEQ, SEARCH_POSTING.LAST_CHAT_KEY, SEARCH_POSTING.LAST_SEQ, SEARCH_POSTING.MAX_WEIGHT, SEARCH_POSTING.POSTINGS)
                .from(SEARCH_SEGMENT).join(SEARCH_POSTING)
                .on(SEARCH_POSTING.SEGMENT_ID.eq(SEARCH_SEGMENT.SEGMENT_ID), SEARCH_POSTING.WORD.eq(word))
                .orderBy(SEARCH_POSTING.SEGMENT_ID, SEARCH_POSTING.PART)
                .fetch().forEach(r -> bySegment.computeIfAbsent(r.value1(), id -> new ArrayList<>())
                        .add(new SearchPostings.Part(r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                                r.value8())));
        return bySegment;
    }
}
