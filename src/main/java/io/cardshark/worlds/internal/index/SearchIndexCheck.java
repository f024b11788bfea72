package io.cardshark.worlds.internal.index;

import io.cardshark.worlds.internal.doc.ChatDocuments;
import io.cardshark.worlds.internal.engine.StoreEngine;
import io.cardshark.worlds.internal.rows.MessageRows;
import io.cardshark.worlds.internal.search.PostingList;
import io.cardshark.worlds.internal.search.SearchText;
import org.jooq.DSLContext;
import org.jooq.Record2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import static io.cardshark.worlds.internal.db.Tables.CHAT;
import static io.cardshark.worlds.internal.db.Tables.CHAT_MESSAGE;
import static io.cardshark.worlds.internal.db.Tables.WORLD;
import static io.cardshark.worlds.internal.db.Tables.SEARCH_PROGRESS;
import static io.cardshark.worlds.internal.db.Tables.SEARCH_POSTING;
import static io.cardshark.worlds.internal.db.Tables.SEARCH_SEGMENT;

/**
 * {@code verify}'s check of the search index against the messages, on one snapshot of the store (the indexer
 * may merge meanwhile). Every message before its chat's mark (not pending) must have exactly the postings its text gives (each word with
 * its weight) in the segments, and no live message a posting it does not give. Compared first as one sum of a
 * hash of every posting per chat, from the messages and from the segments, each read once in a flat heap; only a
 * chat whose sums differ is read again, message by message, to say what differs. Postings of deleted messages
 * (left until a merge) are not counted. Each segment's parts must decode, and hold as many postings as its row
 * says.
 */
public final class SearchIndexCheck {

    /** Messages read at a time. */
    private static final int CHUNK = 1000;
    /** Messages of one chat reported at most. */
    private static final int MOST_PER_CHAT = 20;

    /** Where a mismatch is reported: the world (may be null), and what differs. */
    public interface Failures {
        void fail(String worldId, String detail);
    }

    private record ChatRow(long worldKey, String worldId, String chatId, long messageCount) {
    }

    private SearchIndexCheck() {
    }

    /** Runs the check; returns how many messages it checked. */
    public static long run(StoreEngine engine, Failures failures) {
        return engine.snapshot(null, tx -> {
            DSLContext dsl = tx.dsl();
            Map<Long, ChatRow> chats = new HashMap<>();
            dsl.select(CHAT.CHAT_KEY, CHAT.WORLD_KEY, WORLD.ID, CHAT.CHAT_ID, CHAT.MESSAGE_COUNT).from(CHAT)
                    .join(WORLD).on(WORLD.WORLD_KEY.eq(CHAT.WORLD_KEY)).fetch()
                    .forEach(r -> chats.put(r.value1(), new ChatRow(r.value2(), r.value3(), r.value4(), r.value5())));
            Map<Long, Long> expected = new HashMap<>();
            Set<String> unparsable = new HashSet<>();
            long checked = messages(dsl, chats, unparsable,
                    (key, words) -> expected.merge(key[0], hash(key, words), Long::sum));
            Map<Long, Long> found = new HashMap<>();
            postings(dsl, chats, failures, (key, posting) -> {
                if (unparsable.isEmpty() || !unparsable.contains(key[0] + "." + key[1])) {
                    found.merge(key[0], hash(key, posting), Long::sum);
                }
            });
            for (Map.Entry<Long, ChatRow> chat : chats.entrySet()) {
                long chatKey = chat.getKey();
                if (expected.getOrDefault(chatKey, 0L).longValue() != found.getOrDefault(chatKey, 0L).longValue()) {
                    describe(dsl, chatKey, chat.getValue(), chats, failures);
                }
            }
            return checked;
        });
    }

    /**
     * Gives every message not pending as (chat key, seq) and its postings; adds those whose document does not
     * parse (which the JSON check reports, and whose postings cannot be judged) to {@code unparsable} as
     * "chatKey.seq". Returns how many messages it read.
     */
    private static long messages(DSLContext dsl, Map<Long, ChatRow> chats, Set<String> unparsable,
                                 BiConsumer<long[], Map<String, Integer>> out) {
        Map<Long, Long> indexed = new HashMap<>();
        dsl.select(SEARCH_PROGRESS.CHAT_KEY, SEARCH_PROGRESS.INDEXED).from(SEARCH_PROGRESS).fetch()
                .forEach(r -> indexed.put(r.value1(), r.value2()));
        long read = 0;
        for (long chatKey : new java.util.TreeSet<>(chats.keySet())) {
            long after = -1;
            while (true) {
                List<Record2<Long, String>> chunk = dsl.select(CHAT_MESSAGE.SEQ, CHAT_MESSAGE.DOCUMENT)
                        .from(CHAT_MESSAGE)
                        .where(MessageRows.after(chats.get(chatKey).worldKey(), chatKey, after))
                        .orderBy(MessageRows.keyOrder(true)).limit(CHUNK).fetch();
                for (Record2<Long, String> m : chunk) {
                    if (m.value1() < indexed.getOrDefault(chatKey, 0L)) {
                        Map<String, Integer> words = wordsOf(m.value2());
                        if (words != null) {
                            out.accept(new long[] {chatKey, m.value1()}, words);
                        } else {
                            unparsable.add(chatKey + "." + m.value1());
                        }
                    }
                    after = m.value1();
                }
                read += chunk.size();
                if (chunk.size() < CHUNK) {
                    break;
                }
            }
        }
        return read;
    }

    /** A message's postings; null for a document that does not parse, which the JSON check reports. */
    private static Map<String, Integer> wordsOf(String document) {
        try {
            return SearchText.weights(ChatDocuments.messageContent(document));
        } catch (RuntimeException unparsable) {
            return null;
        }
    }

    /**
     * Gives every posting of a live message in the segments, one word at a time; reports parts that do not
     * decode and segments whose count is not what they hold.
     */
    private static void postings(DSLContext dsl, Map<Long, ChatRow> chats, Failures failures,
                                 BiConsumer<long[], Map<String, Integer>> out) {
        for (var segment : dsl.select(SEARCH_SEGMENT.SEGMENT_ID, SEARCH_SEGMENT.POSTINGS).from(SEARCH_SEGMENT)
                .orderBy(SEARCH_SEGMENT.SEGMENT_ID).fetch()) {
            SegmentCursor cursor = new SegmentCursor(dsl, segment.value1());
            long held = 0;
            try {
                while (cursor.next()) {
                    PostingList list = cursor.postings();
                    held += list.size();
                    for (int i = 0; i < list.size(); i++) {
                        ChatRow chat = chats.get(list.chatKey(i));
                        if (chat != null && list.seq(i) < chat.messageCount()) {
                            out.accept(new long[] {list.chatKey(i), list.seq(i)}, Map.of(cursor.word(), list.weight(i)));
                        }
                    }
                }
            } catch (IllegalArgumentException damaged) {
                failures.fail(null, "search segment " + segment.value1() + ": " + damaged.getMessage());
                continue;
            }
            if (held != segment.value2()) {
                failures.fail(null, "search segment " + segment.value1() + " holds " + held + " postings, its row says "
                        + segment.value2());
            }
        }
        int orphans = dsl.fetchCount(dsl.selectDistinct(SEARCH_POSTING.SEGMENT_ID).from(SEARCH_POSTING)
                .whereNotExists(dsl.selectOne().from(SEARCH_SEGMENT).where(SEARCH_SEGMENT.SEGMENT_ID.eq(SEARCH_POSTING.SEGMENT_ID))));
        if (orphans > 0) {
            failures.fail(null, orphans + " search segment(s) have postings but no segment row");
        }
    }

    /** Reads one chat again, message by message, and reports each message whose postings differ. */
    private static void describe(DSLContext dsl, long chatKey, ChatRow chat, Map<Long, ChatRow> chats, Failures failures) {
        Map<Long, List<String>> expected = new TreeMap<>();
        Set<String> unparsable = new HashSet<>();
        messages(dsl, Map.of(chatKey, chat), unparsable, (key, words) -> words.forEach((w, weight) ->
                expected.computeIfAbsent(key[1], s -> new ArrayList<>()).add(w + "=" + weight)));
        Map<Long, List<String>> found = new TreeMap<>();
        postings(dsl, Map.of(chatKey, chat), (world, detail) -> { }, (key, posting) -> posting.forEach((w, weight) ->
                found.computeIfAbsent(key[1], s -> new ArrayList<>()).add(w + "=" + weight)));
        int reported = 0;
        for (long seq = 0; seq < chat.messageCount() && reported < MOST_PER_CHAT; seq++) {
            List<String> want = sorted(expected.get(seq));
            List<String> have = sorted(found.get(seq));
            if (!want.equals(have) && !unparsable.contains(chatKey + "." + seq)) {
                reported++;
                failures.fail(chat.worldId(), "chat " + chat.chatId() + " message " + seq + ": the index holds "
                        + have + ", its text gives " + want);
            }
        }
    }

    private static List<String> sorted(List<String> list) {
        return list == null ? List.of() : list.stream().sorted().toList();
    }

    /** A hash of a message's postings: the sum of a mix of each (word, weight) with the message's key. */
    private static long hash(long[] key, Map<String, Integer> words) {
        long sum = 0;
        for (Map.Entry<String, Integer> w : words.entrySet()) {
            long x = w.getKey().hashCode() * 0x9E3779B97F4A7C15L + key[0] * 0xC2B2AE3D27D4EB4FL
                    + key[1] * 0x165667B19E3779F9L + w.getValue();
            x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
            x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
            sum += x ^ (x >>> 31);
        }
        return sum;
    }
}
