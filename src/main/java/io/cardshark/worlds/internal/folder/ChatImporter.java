package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.internal.db.tables.records.ChatRecord;
import io.cardshark.worlds.internal.doc.StoredJson;
import io.cardshark.worlds.internal.doc.TimeTokens;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.rows.ChatRows;
import io.cardshark.worlds.internal.rows.MessageRows;
import io.cardshark.worlds.internal.rows.SearchRows;
import io.cardshark.worlds.internal.rows.WorldKeys;
import org.jooq.DSLContext;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Imports the chats of one world folder (format spec §5) into the import's transaction. A {@link ChatReader} on
 * a thread of its own reads, checks and prepares them ({@link ReadAhead}), a bounded number of parts ahead;
 * this class, on the import's thread, writes them: the chat rows, the messages in JDBC batches, and the search
 * index's segments (bounded in size: {@link SearchRows#MOST_PER_SEGMENT} messages). A failure of either side
 * fails the import, with the reader's error as it would have been read on one thread.
 */
final class ChatImporter {

    /** How many parts the reader may be ahead of the writer: enough to keep it busy while the writer commits a batch. */
    private static final int PARTS_AHEAD = 8;

    private final DSLContext dsl;
    private final FolderScan scan;
    private final Set<String> locationIds;
    private final List<String> warnings;
    private final OriginalBytes originals;
    /** The search index of the world's messages, written as segments (bounded in size) as they come. */
    private final SearchRows.Segments index;
    private final ProgressMeter meter;
    int chats;
    long messages;
    long bytes;

    /** The chat being written, between its start and its end. */
    private ChatPart.Start chat;
    private long chatKey;
    private MessageRows.Batch batch;

    ChatImporter(DSLContext dsl, FolderScan scan, Set<String> locationIds, List<String> warnings, OriginalBytes originals,
                 ProgressMeter meter) {
        this.meter = meter;
        this.dsl = dsl;
        this.scan = scan;
        this.locationIds = locationIds;
        this.warnings = warnings;
        this.originals = originals;
        this.index = SearchRows.segments(dsl);
    }

    /** Imports the chat files {@code rels} in order, then writes the last segment of the search index. */
    void importAll(List<String> rels) throws IOException {
        try (ReadAhead<ChatPart> parts = new ReadAhead<>("cardshark-worlds-import-reader", PARTS_AHEAD,
                sink -> new ChatReader(scan, sink).readAll(rels))) {
            for (ChatPart part = parts.next(); part != null; part = parts.next()) {
                write(part);
                bytes += part.bytes();
                meter.add(part.bytes());
            }
        } finally {
            if (batch != null) {
                batch.close();
            }
        }
        index.finish();
    }

    private void write(ChatPart part) {
        if (part instanceof ChatPart.Start start) {
            begin(start);
        } else if (part instanceof ChatPart.Messages some) {
            some.messages().forEach(batch::add);
        } else {
            end();
        }
    }

    private void begin(ChatPart.Start start) {
        String style = start.origin().equals("JSONL") ? null
                : originals.styleOrKeep(start.rel(), start.style(), start.original());
        ChatRecord r = newChat(start.rel(), start.chatId(), start.header(), start.origin());
        r.setMessagesIndex(start.messagesIndex());
        r.setStyle(style);
        r.setMessageCount(start.messageCount() == null ? 0L : start.messageCount());
        chat = start;
        chatKey = ChatRows.insert(dsl, r);
        batch = MessageRows.batch(dsl, r.getWorldKey(), chatKey, start.chatId(), index);
    }

    private void end() {
        batch.finish();
        long count = batch.count();
        batch.close();
        batch = null;
        if (chat.messageCount() == null) {
            ChatRows.setMessageCount(dsl, chatKey, count);
        }
        chats++;
        messages += count;
    }

    /** A chat row from its chat-level object; title, location and times found as format spec §5.3 says. */
    private ChatRecord newChat(String rel, String chatId, JsonObject header, String origin) {
        String location = firstStringOnly(header, "location_id", "metadata.location_id", "chat_metadata.location_id");
        if (location != null && location.isEmpty()) {
            location = null;
        }
        if (location != null && !locationIds.contains(location)) {
            warnings.add(rel + ": the chat names location \"" + location + "\", which the world does not have; kept");
        }
        Json created = first(header, "created", "created_at", "metadata.created_at", "create_date",
                "chat_metadata.created_timestamp", "timestamp");
        Json updated = first(header, "updated", "updated_at", "metadata.updated_at");
        ChatRecord r = new ChatRecord();
        r.setWorldKey(WorldKeys.of(dsl, scan.worldId()));
        r.setChatId(chatId);
        r.setLocationId(location);
        r.setTitle(firstString(header, "title", "metadata.title", "chat_metadata.title"));
        r.setCreatedToken(token(created));
        r.setUpdatedToken(token(updated));
        r.setHeader(StoredJson.compact(header));
        r.setOrigin(origin);
        r.setOriginPath(rel);
        r.setCreatedAt(instantOf(created));
        return r;
    }

    /** The first of the dotted paths that holds a string or number. */
    static Json first(JsonObject o, String... paths) {
        for (String path : paths) {
            Json v = at(o, path);
            if (v instanceof JsonString || v instanceof JsonNumber) {
                return v;
            }
        }
        return null;
    }

    static String firstString(JsonObject o, String... paths) {
        Json v = first(o, paths);
        return v instanceof JsonString s ? s.value() : v instanceof JsonNumber n ? n.token() : null;
    }

    /**
     * The chat id a JSONL header names: the first <em>string</em> among {@code chat_id}, {@code id},
     * {@code metadata.chat_id}, {@code chat_metadata.chat_id} (format spec §5.3), else {@code null}. A
     * number there is data, not an id. The exporter asks the same question of the headers it writes.
     */
    static String chatIdOf(JsonObject header) {
        return firstStringOnly(header, "chat_id", "id", "metadata.chat_id", "chat_metadata.chat_id");
    }

    private static String firstStringOnly(JsonObject o, String... paths) {
        for (String path : paths) {
            if (at(o, path) instanceof JsonString s) {
                return s.value();
            }
        }
        return null;
    }

    private static Json at(JsonObject o, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return o.get(path);
        }
        return o.get(path.substring(0, dot)) instanceof JsonObject inner ? inner.get(path.substring(dot + 1)) : null;
    }

    private static String token(Json v) {
        if (v == null) {
            return null;
        }
        return StoredJson.compact(v);
    }

    /** A sortable time for a chat: its token read as {@link TimeTokens} reads it; now when it reads as none. */
    private static OffsetDateTime instantOf(Json v) {
        Instant at = v == null ? null : TimeTokens.instant(StoredJson.compact(v)).orElse(null);
        if (at == null || at.isBefore(Instant.parse("0001-01-01T00:00:00Z")) || at.isAfter(Instant.parse("9999-01-01T00:00:00Z"))) {
            at = Instant.now();
        }
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
