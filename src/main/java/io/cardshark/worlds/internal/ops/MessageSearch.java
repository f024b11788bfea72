package io.cardshark.worlds.internal.ops;

import io.cardshark.worlds.internal.rows.WorldKeys;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.SearchHit;
import io.cardshark.worlds.SearchPage;
import io.cardshark.worlds.SearchQuery;
import io.cardshark.worlds.internal.doc.ChatDocuments;
import io.cardshark.worlds.internal.doc.StoredJson;
import io.cardshark.worlds.internal.engine.Access;
import io.cardshark.worlds.internal.index.IndexReader;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.rows.MessageRows;
import io.cardshark.worlds.internal.rows.WorldRows;
import io.cardshark.worlds.internal.search.SearchPostings;
import io.cardshark.worlds.internal.search.SearchText;
import io.cardshark.worlds.internal.search.Snippets;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.cardshark.worlds.internal.db.Tables.CHAT;
import static io.cardshark.worlds.internal.db.Tables.CHAT_MESSAGE;
import static io.cardshark.worlds.internal.db.Tables.WORLD;

/**
 * {@link io.cardshark.worlds.Chats#search}: the messages holding every word of the query, scored by the sum of
 * the words' weights in them, best first. The pending messages are read and scored here; in each segment the
 * words' postings are intersected. The best candidates are then checked against their rows (the message still
 * there, the role and time filters) in order until the page is full. The cost grows with how often the query's
 * words occur, not with the size of the store.
 */
final class MessageSearch {

    private static final Pattern CURSOR = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
    /** Candidates checked against their rows at a time. */
    private static final int CHECKED = 64;

    private final Access access;

    MessageSearch(Access access) {
        this.access = access;
    }

    SearchPage search(SearchQuery query) {
        List<String> words = validate(query);
        String world = query.worldId();
        long[] after = query.cursor() == null ? null : cursor(world, query.cursor());
        return access.readSnapshot(world, dsl -> {
            if (world != null) {
                WorldRows.requireWorld(dsl, world);
            }
            Condition chats = chatFilter(query);
            Set<Long> chatKeys = chats == null ? null : new HashSet<>(dsl.select(CHAT.CHAT_KEY).from(CHAT).where(chats)
                    .fetch(CHAT.CHAT_KEY));
            List<long[]> pending = new ArrayList<>();
            for (IndexReader.PendingMessage p : IndexReader.pending(dsl, chats)) {
                Map<String, Integer> weights = SearchText.weights(ChatDocuments.messageContent(p.document()));
                if (weights.keySet().containsAll(words)) {
                    pending.add(new long[] {words.stream().mapToInt(weights::get).sum(), p.chatKey(), p.seq()});
                }
            }
            List<Map<Long, List<SearchPostings.Part>>> parts = new ArrayList<>();
            for (String word : words) {
                parts.add(IndexReader.parts(dsl, word));
            }
            return page(dsl, query, words, capacity -> collect(capacity, after, chatKeys, pending, parts));
        });
    }

    private static List<String> validate(SearchQuery query) {
        if (query == null) {
            throw new InvalidInputException(null, "search query: expected a query, found null");
        }
        String world = query.worldId();
        if (world != null) {
            Checks.worldId(world);
        }
        Checks.nonEmpty(world, "search text", query.text(), Checks.MAX_NAME);
        Checks.optional(world, "search location", query.locationId(), Checks.MAX_TEXT);
        Checks.optional(world, "search role", query.role(), Checks.MAX_TEXT);
        List<String> words = SearchText.queryWords(query.text());
        if (words.isEmpty()) {
            throw new InvalidInputException(world, Checks.where(world) + "search text: \"" + query.text()
                    + "\" holds no word to search for (letters, digits or symbols)");
        }
        if (words.size() > SearchQuery.MAX_WORDS) {
            throw new InvalidInputException(world, Checks.where(world) + "search text: expected at most "
                    + SearchQuery.MAX_WORDS + " words, found " + words.size());
        }
        if (query.limit() < 1 || query.limit() > SearchQuery.MAX_LIMIT) {
            throw new InvalidInputException(world, Checks.where(world) + "search limit: expected 1 to "
                    + SearchQuery.MAX_LIMIT + ", found " + query.limit());
        }
        return words;
    }

    /** A cursor's (score, chat key, sequence number): where a page continues, after that hit. */
    private static long[] cursor(String world, String text) {
        Matcher m = CURSOR.matcher(text);
        try {
            if (m.matches()) {
                return new long[] {Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
            }
        } catch (NumberFormatException tooLarge) {
            // refused below
        }
        throw new InvalidInputException(world, Checks.where(world) + "search cursor: \"" + text
                + "\" is not a cursor that a search returned");
    }

    /** The chats a query is limited to, as a condition on {@code CHAT}; null when it is not. */
    private static Condition chatFilter(SearchQuery query) {
        List<Condition> on = new ArrayList<>();
        if (query.worldId() != null) {
            on.add(CHAT.WORLD_KEY.eq(WorldKeys.field(query.worldId())));
        }
        if (query.locationId() != null) {
            on.add(CHAT.LOCATION_ID.eq(query.locationId()));
        }
        return on.isEmpty() ? null : DSL.and(on);
    }

    /** The best candidates of a query, at most {@code capacity}. */
    private interface Matches {
        SearchCandidates collect(int capacity);
    }

    /** The pending messages that matched, then each segment's matches (the newest segment first). */
    private static SearchCandidates collect(int capacity, long[] after, Set<Long> chatKeys, List<long[]> pending,
                                            List<Map<Long, List<SearchPostings.Part>>> parts) {
        SearchCandidates top = new SearchCandidates(capacity, after, chatKeys);
        pending.forEach(p -> top.add((int) p[0], p[1], p[2]));
        List<Long> segments = new ArrayList<>(parts.get(0).keySet());
        Collections.reverse(segments);
        for (Long segment : segments) {
            List<List<SearchPostings.Part>> inSegment = parts.stream().map(p -> p.get(segment)).toList();
            if (!inSegment.contains(null)) {
                SegmentMatches.collect(inSegment, top);
            }
        }
        return top;
    }

    /**
     * The page: the best candidates in order, each checked against its rows, until one more than the page
     * holds has passed (then there is a next page) or none is left. Most pages need only the best few
     * candidates; when the filters refuse most of them, eight times as many are ordered again.
     */
    private static SearchPage page(DSLContext dsl, SearchQuery query, List<String> words, Matches matches) {
        List<SearchHit> hits = new ArrayList<>();
        // A message the indexer moved from pending into a segment while this search read is a candidate twice,
        // with the same score and key: the two are next to each other in the order, and the second is skipped.
        Set<String> seen = new HashSet<>();
        long[] lastHit = null;
        Map<Long, Record> chatRows = new HashMap<>();
        int capacity = 2 * query.limit() + CHECKED;
        SearchCandidates candidates = matches.collect(capacity);
        int[] order = candidates.bestFirst();
        int checked = 0;
        while (hits.size() <= query.limit()) {
            if (checked == order.length) {
                if (!candidates.truncated()) {
                    break;
                }
                // The filters refused too many: the best of more candidates (the first ones are the same).
                capacity *= 8;
                candidates = matches.collect(capacity);
                order = candidates.bestFirst();
                continue;
            }
            int[] batch = Arrays.copyOfRange(order, checked, Math.min(order.length, checked + CHECKED));
            chats(dsl, candidates, batch, chatRows);
            Map<String, Record> messages = messages(dsl, candidates, batch, chatRows);
            for (int c : batch) {
                checked++;
                if (hits.size() > query.limit() || !seen.add(candidates.chatKey(c) + "." + candidates.seq(c))) {
                    continue;
                }
                SearchHit hit = hit(query, words, candidates, c, chatRows.get(candidates.chatKey(c)),
                        messages.get(candidates.chatKey(c) + "." + candidates.seq(c)));
                if (hit != null) {
                    if (hits.size() < query.limit()) {
                        lastHit = new long[] {candidates.score(c), candidates.chatKey(c), candidates.seq(c)};
                    }
                    hits.add(hit);
                }
            }
        }
        if (hits.size() <= query.limit()) {
            return new SearchPage(hits, null);
        }
        hits.remove(hits.size() - 1);
        return new SearchPage(hits, lastHit[0] + "." + lastHit[1] + "." + lastHit[2]);
    }

    /** A candidate made a hit, or null when its message is gone or a filter on its row refuses it. */
    private static SearchHit hit(SearchQuery query, List<String> words, SearchCandidates candidates, int c, Record chat,
                                 Record message) {
        if (chat == null || message == null) {
            return null;
        }
        if (query.role() != null && !query.role().equals(message.get(CHAT_MESSAGE.ROLE))) {
            return null;
        }
        JsonObject document = StoredJson.parseObject(message.get(CHAT_MESSAGE.DOCUMENT));
        Long sentAt = ChatDocuments.messageTime(document);
        if (query.since() != null && (sentAt == null || sentAt < query.since().toEpochMilli())) {
            return null;
        }
        return new SearchHit(chat.get(WORLD.ID), chat.get(CHAT.CHAT_ID), chat.get(CHAT.LOCATION_ID),
                candidates.seq(c), message.get(CHAT_MESSAGE.MESSAGE_ID), message.get(CHAT_MESSAGE.ROLE),
                sentAt == null ? null : Instant.ofEpochMilli(sentAt),
                Snippets.of(ChatDocuments.messageContent(document), words), candidates.score(c));
    }

    /**
     * The rows of a batch of candidates' messages, by "chatKey.seq": one statement, {@code (WORLD_KEY, CHAT_KEY,
     * SEQ) IN (...)}, which H2 answers from the primary key (for {@code CHAT_KEY = ? AND SEQ IN (...)} it scans the
     * chat). A candidate whose chat is gone (not in {@code chats}, its chat rows) has no row.
     */
    private static Map<String, Record> messages(DSLContext dsl, SearchCandidates candidates, int[] batch,
                                                Map<Long, Record> chats) {
        Set<Long> worldKeys = new HashSet<>();
        List<Long> keys = new ArrayList<>(batch.length);
        for (int c : batch) {
            Record chat = chats.get(candidates.chatKey(c));
            if (chat != null) {
                worldKeys.add(chat.get(CHAT.WORLD_KEY));
                keys.add(MessageRows.key(candidates.chatKey(c), candidates.seq(c)));
            }
        }
        Map<String, Record> rows = new HashMap<>();
        if (keys.isEmpty()) {
            return rows;
        }
        // The message key alone names a message; the worlds' keys let PostgreSQL's key (world first) find them.
        dsl.select(CHAT_MESSAGE.CHAT_KEY, CHAT_MESSAGE.SEQ, CHAT_MESSAGE.MESSAGE_ID, CHAT_MESSAGE.ROLE, CHAT_MESSAGE.DOCUMENT)
                .from(CHAT_MESSAGE)
                .where(CHAT_MESSAGE.WORLD_KEY.in(worldKeys), CHAT_MESSAGE.MESSAGE_KEY.in(keys)).fetch()
                .forEach(r -> rows.put(r.get(CHAT_MESSAGE.CHAT_KEY) + "." + r.get(CHAT_MESSAGE.SEQ), r));
        return rows;
    }

    /** Adds the chat rows of a batch's candidates not read yet to {@code rows}. */
    private static void chats(DSLContext dsl, SearchCandidates candidates, int[] batch, Map<Long, Record> rows) {
        Set<Long> keys = new HashSet<>();
        for (int c : batch) {
            if (!rows.containsKey(candidates.chatKey(c))) {
                keys.add(candidates.chatKey(c));
            }
        }
        if (!keys.isEmpty()) {
            dsl.select(CHAT.CHAT_KEY, CHAT.WORLD_KEY, WORLD.ID, CHAT.CHAT_ID, CHAT.LOCATION_ID).from(CHAT)
                    .join(WORLD).on(WORLD.WORLD_KEY.eq(CHAT.WORLD_KEY)).where(CHAT.CHAT_KEY.in(keys))
                    .fetch().forEach(r -> rows.put(r.get(CHAT.CHAT_KEY), r));
        }
    }
}
