package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.internal.doc.ChatDocuments;
import io.cardshark.worlds.internal.doc.TimeTokens;
import io.cardshark.worlds.internal.search.SegmentSeries;
import io.cardshark.worlds.internal.rows.MessageRows;
import io.cardshark.worlds.internal.rows.SearchRows;
import io.cardshark.worlds.internal.rows.ChatRows;
import io.cardshark.worlds.folder.FolderFormatException;
import io.cardshark.worlds.internal.doc.StoredJson;
import io.cardshark.worlds.internal.db.tables.records.ChatRecord;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonLine;
import io.cardshark.worlds.internal.json.JsonLinesReader;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonPointer;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonSyntaxException;
import org.jooq.DSLContext;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static io.cardshark.worlds.internal.db.Tables.CHAT;
import static io.cardshark.worlds.internal.db.Tables.CHAT_MESSAGE;

/**
 * Imports the chats of one world folder: {@code chats/*.json} in shapes A and B (format spec §5.2) and
 * JSONL, streamed a line at a time (§5.1), so a chat of a million messages needs memory for a few blocks of
 * messages ({@link ReadAhead}) and the search index's postings of at most {@link SearchRows#MOST_PER_SEGMENT}.
 *
 * <p>A chat's messages are parsed, made rows and indexed on a second thread ({@link ReadAhead}), a few blocks
 * ahead of this one, which writes them: on two cores the import takes the longer of the two instead of their
 * sum. Only this thread touches the database and the progress callback.
 *
 * <p>The chats are written under the import's world key before the world's row exists, and committed in steps
 * ({@link ImportSteps}). A chat's message count is set at its end, with its search mark, so that neither the
 * indexer nor verify takes a chat for whole before it is. Which chats name a location the world does not have is
 * known only once the state's rows are written: {@link #locationWarnings} says it then.
 */
final class ChatImporter implements AutoCloseable {

    private static final Set<String> MESSAGE_KEYS = Set.of("role", "content", "mes", "is_user");

    private final DSLContext dsl;
    private final FolderScan scan;
    private final long worldKey;
    private final ImportSteps steps;
    /** Each chat's file and the location it names, in the order of the chats. */
    private final Map<String, String> locationOfFile = new LinkedHashMap<>();
    private final Map<String, String> fileOfChat = new HashMap<>();
    private final OriginalBytes originals;
    /** The search index of the world's messages, cut into segments on the reading thread. */
    private final SegmentSeries index;
    private final ReadAhead reader = new ReadAhead("cardshark-worlds-import-reader");
    /** Bytes of chat files read, by either thread; {@link #reported} of them told to the meter. */
    private final AtomicLong read = new AtomicLong();
    private long reported;
    int chats;
    long messages;

    private final ProgressMeter meter;

    ChatImporter(DSLContext dsl, FolderScan scan, long worldKey, ImportSteps steps, OriginalBytes originals,
                 ProgressMeter meter) {
        this.meter = meter;
        this.dsl = dsl;
        this.scan = scan;
        this.worldKey = worldKey;
        this.steps = steps;
        this.originals = originals;
        this.index = SearchRows.importSegments(dsl);
    }

    /** Writes the last segment of the search index; call after the last chat. */
    void finish() {
        write(index.finish());
    }

    /** Bytes of chat files read. */
    long bytes() {
        return read.get();
    }

    /** Ends the reading thread. */
    @Override
    public void close() {
        reader.close();
    }

    /** A warning for each chat that names a location the world does not have, in the order of the chats. */
    List<String> locationWarnings(Set<String> locationIds) {
        List<String> warnings = new ArrayList<>();
        locationOfFile.forEach((rel, location) -> {
            if (!locationIds.contains(location)) {
                warnings.add(rel + ": the chat names location \"" + location + "\", which the world does not have; kept");
            }
        });
        return warnings;
    }

    void importChat(String rel) throws IOException {
        if (rel.endsWith(".jsonl")) {
            importJsonLines(rel);
        } else {
            importJson(rel);
        }
        chats++;
    }

    private FolderFormatException reject(String rel, String position, String what) {
        return new FolderFormatException(scan.worldId(), scan.folder(), rel,
                scan.folder() + ": " + rel + " " + position + ": " + what);
    }

    /** A syntax error, whose message starts with its position ({@code line 3 column 5: expected ...}). */
    private FolderFormatException reject(String rel, JsonSyntaxException e) {
        return new FolderFormatException(scan.worldId(), scan.folder(), rel, scan.folder() + ": " + rel + " " + e.getMessage());
    }

    private void importJson(String rel) throws IOException {
        byte[] content = Files.readAllBytes(scan.folder().resolve(rel));
        read.addAndGet(content.length);
        reportProgress();
        Json value;
        try {
            value = JsonReader.read(content).value();
        } catch (JsonSyntaxException e) {
            throw reject(rel, e);
        }
        if (!(value instanceof JsonObject chat)) {
            throw reject(rel, "at the top", "expected a chat object, found " + value.describe());
        }
        if (!(chat.get("messages") instanceof JsonArray list)) {
            throw reject(rel, "at /messages", "expected an array of messages, found "
                    + (chat.has("messages") ? chat.get("messages").describe() : "nothing"));
        }
        String origin;
        if (chat.has("id")) {
            origin = "A";
        } else if (chat.get("metadata") instanceof JsonObject) {
            origin = "B";
        } else {
            throw reject(rel, "at the top", "expected a chat with \"id\" (shape A) or a \"metadata\" object (shape B), found neither");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof JsonObject)) {
                throw reject(rel, "at " + JsonPointer.of("messages").child(i), "expected a message object, found "
                        + list.get(i).describe());
            }
        }
        String chatId = ChatFileNames.jsonChatId(rel.substring("chats/".length()), chat.get("id"));
        int messagesIndex = List.copyOf(chat.keys()).indexOf("messages");
        JsonObject header = chat.without("messages");
        String style = originals.styleOf(rel, content, value, origin.equals("B"));
        ChatRecord r = newChat(rel, "at the top", chatId, header, origin);
        r.setMessagesIndex(messagesIndex);
        r.setStyle(style);
        Iterator<Json> elements = list.elements().iterator();
        insert(r, () -> {
            if (!elements.hasNext()) {
                return null;
            }
            JsonObject m = (JsonObject) elements.next();
            return new Message(m, StoredJson.compact(m));
        });
    }

    private void importJsonLines(String rel) throws IOException {
        String name = rel.substring("chats/".length());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(scan.folder().resolve(rel)), 1 << 16);
             JsonLinesReader lines = new JsonLinesReader(new CountingStream(in, read::addAndGet))) {
            JsonLine first = lines.next();
            if (first == null) {
                throw reject(rel, "line 1", "expected a chat header, found an empty file");
            }
            JsonObject header = lineObject(rel, first);
            for (String key : MESSAGE_KEYS) {
                if (header.has(key)) {
                    throw reject(rel, "line " + first.lineNumber(), "expected a chat header, found a message (it has \""
                            + key + "\")");
                }
            }
            // The header itself is stored as read, a numeric "chat_id" included; only a string names the chat.
            String chatId = chatIdOf(header);
            if (chatId == null) {
                chatId = name.substring(0, name.length() - ".jsonl".length());
            }
            ChatRecord r = newChat(rel, "line " + first.lineNumber(), chatId, header, "JSONL");
            insert(r, () -> {
                JsonLine line = lines.next();
                return line == null ? null : new Message(lineObject(rel, line), StoredJson.compact(line));
            });
        }
    }

    /** A message read, and its stored form. */
    private record Message(JsonObject object, String stored) {
    }

    /** A message made ready on the reading thread: its row, and the search segment it completed, if any. */
    private record Ready(MessageRows.Row row, SegmentSeries.Segment segment) {
    }

    /**
     * Writes the chat and its messages. Its count starts at 0 and is set in the step that writes its last messages
     * and its search mark: a step may end anywhere in the chat.
     */
    private void insert(ChatRecord r, ReadAhead.Source<Message> source) throws IOException {
        r.setMessageCount(0L);
        long chatKey = ChatRows.insert(dsl, r);
        long count = 0;
        try (MessageRows.Batch batch = MessageRows.batch(dsl, r.getChatId());
             ReadAhead.Values<Ready> ready = reader.start(readied(source, chatKey), m -> m.row().document().length())) {
            for (Ready m = ready.next(); m != null; m = ready.next()) {
                batch.add(m.row());
                write(m.segment());
                count++;
                steps.message();
                reportProgress();
            }
            batch.finish();
        }
        SearchRows.indexed(dsl, worldKey, chatKey, count);
        ChatRows.setMessageCount(dsl, chatKey, count);
        messages += count;
    }

    /** On the reading thread: each message of the chat as its row, numbered from 0, and into the index. */
    private ReadAhead.Source<Ready> readied(ReadAhead.Source<Message> source, long chatKey) {
        long[] seq = {0};
        return () -> {
            Message m = source.next();
            if (m == null) {
                return null;
            }
            long n = seq[0]++;
            MessageRows.Row row = MessageRows.Row.of(worldKey, chatKey, n, m.object(), m.stored());
            // H2 looks every string it is given up in its cache of values, by hash, and a String keeps its hash
            // once it is computed: computed here, it is a tenth of the writing thread's work off that thread.
            row.document().hashCode();
            return new Ready(row, index.add(chatKey, n, ChatDocuments.messageContent(m.object())));
        };
    }

    private void write(SegmentSeries.Segment segment) {
        if (segment != null) {
            SearchRows.insertSegment(dsl, segment);
        }
    }

    /** Tells the meter the bytes read since it was last told. */
    private void reportProgress() {
        long now = read.get();
        if (now != reported) {
            meter.add(now - reported);
            reported = now;
        }
    }

    private JsonObject lineObject(String rel, JsonLine line) {
        if (!line.isValid()) {
            throw reject(rel, line.error());
        }
        return line.object();
    }

    /** A chat row from its chat-level object; title, location and times found as format spec §5.3 says. */
    private ChatRecord newChat(String rel, String position, String chatId, JsonObject header, String origin) {
        String earlier = fileOfChat.putIfAbsent(chatId, rel);
        if (earlier != null) {
            throw reject(rel, position, "expected chat ids unique in the world, found chat id \"" + chatId
                    + "\" in " + earlier + " too");
        }
        if (chatId.isEmpty()) {
            throw reject(rel, position, "expected a non-empty chat id, found \"\"");
        }
        String location = firstStringOnly(header, "location_id", "metadata.location_id", "chat_metadata.location_id");
        if (location != null && location.isEmpty()) {
            location = null;
        }
        if (location != null) {
            locationOfFile.put(rel, location);
        }
        Json created = first(header, "created", "created_at", "metadata.created_at", "create_date",
                "chat_metadata.created_timestamp", "timestamp");
        Json updated = first(header, "updated", "updated_at", "metadata.updated_at");
        ChatRecord r = new ChatRecord();
        r.setWorldKey(worldKey);
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
