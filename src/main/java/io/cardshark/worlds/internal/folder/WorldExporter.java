package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.internal.rows.WorldKeys;
import io.cardshark.worlds.internal.rows.Compiled;
import io.cardshark.worlds.internal.rows.MessageRows;
import io.cardshark.worlds.internal.rows.MetadataRows;
import io.cardshark.worlds.NotFoundException;
import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.folder.ExportResult;
import io.cardshark.worlds.folder.FolderFormatException;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.folder.Progress;
import io.cardshark.worlds.internal.doc.StoredJson;
import io.cardshark.worlds.internal.engine.StoreEngine;
import io.cardshark.worlds.internal.db.tables.records.ChatRecord;
import io.cardshark.worlds.internal.db.tables.records.WorldRecord;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonWriter;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

import static io.cardshark.worlds.internal.db.Tables.CHAT;
import static io.cardshark.worlds.internal.db.Tables.CHAT_MESSAGE;
import static io.cardshark.worlds.internal.db.Tables.WORLD;
import static io.cardshark.worlds.internal.db.Tables.WORLD_BACKUP;
import static io.cardshark.worlds.internal.db.Tables.WORLD_DIRECTORY;
import static io.cardshark.worlds.internal.db.Tables.WORLD_EVENT;
import static io.cardshark.worlds.internal.db.Tables.WORLD_FILE;
import static io.cardshark.worlds.internal.db.Tables.WORLD_METADATA;
import static io.cardshark.worlds.internal.db.Tables.WORLD_ORIGINAL;

/**
 * Exports one world into a folder, atomically ({@link AtomicFolder}), in the {@code documented} or the
 * {@code cardshark} layout (format spec §9). Reads under a lock on the world's row, so the folder is one
 * consistent state of the world; chats are streamed a message at a time.
 */
final class WorldExporter {

    private static final Logger log = LoggerFactory.getLogger(WorldExporter.class);
    private static final List<String> STANDARD_DIRECTORIES = List.of("chats", "events", "images/backgrounds", "images/objects");

    private final StoreEngine engine;

    WorldExporter(StoreEngine engine) {
        this.engine = engine;
    }

    /**
     * Exports in a transaction of its own that reads one moment of the store (a snapshot): writers of the world
     * go on meanwhile, and the folder shows the world as it was when the export began.
     */
    ExportResult export(String worldId, Path targetDir, Layout layout, Progress progress) {
        WorldIds.requireValidId(worldId);
        return engine.snapshot(worldId, tx -> tx.read(worldId, dsl -> {
            try {
                return write(dsl, worldId, targetDir, layout, progress);
            } catch (IOException e) {
                throw IoFailure.of(worldId, "export to", targetDir.resolve(worldId), e);
            }
        }));
    }

    /** Exports within the caller's transaction, so the folder shows what that transaction sees. */
    ExportResult exportWithin(DSLContext dsl, String worldId, Path targetDir, Layout layout) throws IOException {
        return write(dsl, worldId, targetDir, layout, Progress.NONE);
    }

    /**
     * An export under way: counts what was written, remembers what to verify before the rename, and holds the
     * thread that reads the chats' documents from the store ahead of the writing ({@link #forEachMessage}).
     */
    private static final class Written implements AutoCloseable {
        final ProgressMeter meter;
        final ReadAhead reader = new ReadAhead("cardshark-worlds-export-reader");
        int files;
        long bytes;
        int chats;
        long messages;
        /** The CRC-32C of each file made from bytes the export wrote itself (documents and chats), by path. */
        final Map<String, Long> checksums = new HashMap<>();
        /** The stored SHA-256 of each file copied from the store's stored files and backups, by path. */
        final Map<String, String> digests = new HashMap<>();

        Written(ProgressMeter meter) {
            this.meter = meter;
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    private ExportResult write(DSLContext dsl, String worldId, Path targetDir, Layout layout, Progress progress)
            throws IOException {
        WorldRecord world = dsl.selectFrom(WORLD).where(WORLD.ID.eq(worldId)).fetchOne();
        if (world == null) {
            throw new NotFoundException(worldId, "world " + worldId + " does not exist");
        }
        boolean cardshark = layout == Layout.CARDSHARK;
        long key = world.getWorldKey();
        long messages = dsl.select(DSL.coalesce(DSL.sum(CHAT.MESSAGE_COUNT), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(CHAT).where(CHAT.WORLD_KEY.eq(key)).fetchSingle().value1().longValue();
        Set<String> taken = new HashSet<>(dsl.select(WORLD_FILE.PATH).from(WORLD_FILE)
                .where(WORLD_FILE.WORLD_KEY.eq(key)).fetch(WORLD_FILE.PATH));
        taken.addAll(dsl.select(WORLD_BACKUP.PATH).from(WORLD_BACKUP).where(WORLD_BACKUP.WORLD_KEY.eq(key))
                .fetch(WORLD_BACKUP.PATH));
        try (Written w = new Written(new ProgressMeter(progress, worldId, messages));
             AtomicFolder folder = AtomicFolder.begin(targetDir, worldId)) {
            JsonObject state = StateDocument.of(dsl, world);
            JsonStyle stateDefault = cardshark ? JsonStyle.CARDSHARK : JsonStyle.DOCUMENTED;
            writeDocument(dsl, folder, w, worldId, FolderScan.STATE, state, cardshark, world.getStateStyle(), stateDefault);
            var metadata = dsl.select(WORLD_METADATA.DOCUMENT, WORLD_METADATA.STYLE).from(WORLD_METADATA)
                    .where(WORLD_METADATA.WORLD_KEY.eq(key), WORLD_METADATA.SOURCE.eq(MetadataRows.FILE)).fetchOne();
            if (metadata != null) {
                writeDocument(dsl, folder, w, worldId, FolderScan.METADATA, StoredJson.parse(metadata.value1()), cardshark,
                        metadata.value2(), stateDefault);
            }
            writeChats(dsl, folder, w, worldId, cardshark, taken);
            for (var e : dsl.select(WORLD_EVENT.EVENT_ID, WORLD_EVENT.DOCUMENT, WORLD_EVENT.STYLE).from(WORLD_EVENT)
                    .where(WORLD_EVENT.WORLD_KEY.eq(key)).orderBy(WORLD_EVENT.EVENT_ID).fetch()) {
                writeDocument(dsl, folder, w, worldId, "events/" + e.value1() + ".json", StoredJson.parse(e.value2()), cardshark,
                        e.value3(), stateDefault);
            }
            writeBlobs(dsl, folder, w, worldId);
            for (String dir : dsl.select(WORLD_DIRECTORY.PATH).from(WORLD_DIRECTORY)
                    .where(WORLD_DIRECTORY.WORLD_KEY.eq(key)).fetch(WORLD_DIRECTORY.PATH)) {
                folder.directory(dir);
            }
            if (!cardshark) {
                for (String dir : STANDARD_DIRECTORIES) {
                    folder.directory(dir);
                }
            }
            verify(folder, worldId, w);
            boolean replaced = folder.commit();
            w.meter.finish();
            log.info("world {}: exported to {} ({}, {} files, {} bytes)", worldId, targetDir.resolve(worldId), layout,
                    w.files, w.bytes);
            return new ExportResult(worldId, targetDir.resolve(worldId), layout, w.files, w.bytes, w.chats, w.messages, replaced);
        }
    }

    /**
     * A JSON document: in the documented style, or in cardshark layout as imported (the original bytes while
     * the document is unchanged, else its recorded style, else the kind's default).
     */
    private static void writeDocument(DSLContext dsl, AtomicFolder folder, Written w, String worldId, String path, Json value,
                                      boolean cardshark, String recordedStyle, JsonStyle fallback) throws IOException {
        byte[] bytes = null;
        if (cardshark) {
            byte[] original = dsl.select(WORLD_ORIGINAL.CONTENT).from(WORLD_ORIGINAL)
                    .where(WORLD_ORIGINAL.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)), WORLD_ORIGINAL.PATH.eq(path))
                    .fetchOne(WORLD_ORIGINAL.CONTENT);
            if (original != null && value.equals(JsonReader.read(original).value())) {
                bytes = original;
            } else {
                bytes = JsonWriter.toBytes(value, recordedStyle == null ? fallback : JsonStyle.parse(recordedStyle));
            }
        } else {
            bytes = JsonWriter.toBytes(value, JsonStyle.DOCUMENTED);
        }
        ChecksummedOutput checked;
        try (OutputStream file = folder.create(path)) {
            checked = new ChecksummedOutput(file);
            checked.write(bytes);
        }
        checked.record(w, path);
    }

    private static void writeChats(DSLContext dsl, AtomicFolder folder, Written w, String worldId, boolean cardshark,
                                   Set<String> taken) throws IOException {
        List<ChatRecord> chats = dsl.selectFrom(CHAT).where(CHAT.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)))
                .orderBy(CHAT.CHAT_ID).fetch();
        Map<String, Integer> perLocation = new HashMap<>();
        for (ChatRecord c : chats) {
            if (c.getLocationId() != null) {
                perLocation.merge(c.getLocationId(), 1, Integer::sum);
            }
        }
        for (ChatRecord c : chats) {
            JsonObject header = StoredJson.parseObject(c.getHeader());
            if (cardshark) {
                writeCardsharkChat(dsl, folder, w, worldId, c, header, taken);
            } else {
                String name = c.getLocationId() != null && perLocation.get(c.getLocationId()) == 1
                        ? ChatFileNames.locationChat(c.getLocationId()) : null;
                if (name == null) {
                    name = ChatFileNames.otherChat(c.getChatId());
                }
                writeJsonLines(dsl, folder, w, worldId, c, "chats/" + name, withChatId(header, c.getChatId()));
            }
            w.chats++;
        }
    }

    /**
     * A JSONL header must let the §5.3 lookup find the chat's id on the next import. When it does (the
     * usual case) the header is written exactly as imported. When it does not, {@code "chat_id": <id>} becomes
     * the first key (format spec §5.1). A {@code chat_id} the header already has is then not the chat's id (a
     * number, or another string, with the id taken from the file name): it moves first and takes the id,
     * since an object holds one {@code chat_id} and the lookup reads it before anything else.
     */
    private static JsonObject withChatId(JsonObject header, String chatId) {
        if (chatId.equals(ChatImporter.chatIdOf(header))) {
            return header;
        }
        JsonObject.Builder b = JsonObject.builder().put("chat_id", new JsonString(chatId));
        header.without("chat_id").asMap().forEach(b::put);
        return b.build();
    }

    private static void writeJsonLines(DSLContext dsl, AtomicFolder folder, Written w, String worldId, ChatRecord c,
                                       String path, JsonObject header) throws IOException {
        ChecksummedOutput checked;
        try (OutputStream file = folder.create(path)) {
            checked = new ChecksummedOutput(file);
            LineWriter lines = new LineWriter(new OutputStreamWriter(new BufferedOutputStream(checked, 1 << 16),
                    StandardCharsets.UTF_8));
            lines.write(JsonWriter.toString(header, JsonStyle.JSONL_LINE));
            forEachMessage(dsl, w.reader, worldId, c, document -> {
                // The single-line form stored in columns is a JSONL line without its LF (format spec §9.4).
                lines.write(document);
                lines.write("\n");
                w.messages++;
                w.meter.add(1);
            });
            lines.flush();
        }
        checked.record(w, path);
    }

    /**
     * Hands text to a writer through one reused char array. {@code Writer.write(String)} copies each string into a
     * new array, as {@code String.getBytes} would: per message, that was most of the export's garbage.
     */
    private static final class LineWriter {
        private final Writer out;
        private char[] chars = new char[1024];

        LineWriter(Writer out) {
            this.out = out;
        }

        void write(String text) throws IOException {
            int length = text.length();
            if (length > chars.length) {
                chars = new char[Math.max(length, 2 * chars.length)];
            }
            text.getChars(0, length, chars, 0);
            out.write(chars, 0, length);
        }

        void flush() throws IOException {
            out.flush();
        }
    }

    /** Takes the message documents of a chat, one at a time. */
    private interface MessageSink {
        void accept(String document) throws IOException;
    }

    /**
     * A chat's documents in the primary key's order ({@link MessageRows#keyOrder}), which H2 reads and hands out as
     * it goes (its plan says "index sorted"); rendered for the store's engine.
     */
    private static final Compiled MESSAGES = Compiled.select(DSL.select(CHAT_MESSAGE.DOCUMENT).from(CHAT_MESSAGE)
            .where(MessageRows.ofBoundChat())
            .orderBy(MessageRows.keyOrder(true)), CHAT_MESSAGE.DOCUMENT);

    /**
     * Streams the message documents of a chat in order to {@code sink}, a fetch of 1,000 at a time, through plain
     * JDBC on the transaction's connection (as {@link #writeBlobs} does): a jOOQ record per message is work the
     * export does not need. The cursor is read on the export's second thread ({@link ReadAhead}) while this one
     * writes the documents before them: H2's reading and decoding of the rows is most of an export's work. The
     * connection is the second thread's alone meanwhile; the sink runs on this one.
     */
    private static void forEachMessage(DSLContext dsl, ReadAhead reader, String worldId, ChatRecord chat,
                                       MessageSink sink) throws IOException {
        // The transaction's own connection: jOOQ's connectionResult hands it out without closing it.
        Connection connection = dsl.connectionResult(c -> c);
        try (PreparedStatement st = connection.prepareStatement(MESSAGES.sql(dsl))) {
            st.setFetchSize(1000);
            Object[] bounds = MessageRows.chatBounds(chat.getWorldKey(), chat.getChatKey());
            for (int i = 0; i < bounds.length; i++) {
                st.setObject(i + 1, bounds[i]);
            }
            try (ResultSet rs = st.executeQuery();
                 ReadAhead.Values<String> documents = reader.start(() -> nextDocument(rs, worldId, chat), String::length)) {
                for (String document = documents.next(); document != null; document = documents.next()) {
                    sink.accept(document);
                }
            }
        } catch (SQLException e) {
            throw readFailed(worldId, chat, e);
        }
    }

    /** On the second thread: the cursor's next document, or {@code null} after the last. */
    private static String nextDocument(ResultSet rs, String worldId, ChatRecord chat) {
        try {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw readFailed(worldId, chat, e);
        }
    }

    private static DataAccessException readFailed(String worldId, ChatRecord chat, SQLException e) {
        return new DataAccessException("world " + worldId + ": reading the messages of chat " + chat.getChatId()
                + " failed: " + e.getMessage(), e);
    }

    /**
     * Shape A or B at its original path; a chat with no .json origin becomes shape A (format spec §9.2). The
     * messages are streamed from a lazy cursor into the file one at a time, so a chat is never held whole; only
     * a chat whose imported bytes are kept (no style reproduced them, §9.3) is built whole, to compare it with them.
     */
    private static void writeCardsharkChat(DSLContext dsl, AtomicFolder folder, Written w, String worldId, ChatRecord c,
                                           JsonObject header, Set<String> taken) throws IOException {
        boolean json = c.getOrigin().equals("A") || c.getOrigin().equals("B");
        // The document's members in order; the null value marks where "messages" goes.
        List<Map.Entry<String, Json>> members = new ArrayList<>();
        String path;
        if (json) {
            List<String> keys = new ArrayList<>(header.keys());
            int at = c.getMessagesIndex() == null ? keys.size() : Math.min(c.getMessagesIndex(), keys.size());
            for (int i = 0; i <= keys.size(); i++) {
                if (i == at) {
                    members.add(new java.util.AbstractMap.SimpleEntry<>("messages", null));
                }
                if (i < keys.size()) {
                    members.add(Map.entry(keys.get(i), header.get(keys.get(i))));
                }
            }
            path = c.getOriginPath();
        } else {
            members.add(Map.entry("id", new JsonString(c.getChatId())));
            boolean placed = false;
            for (String key : header.keys()) {
                if (key.equals("chat_id") || key.equals("id")) {
                    continue;
                }
                members.add(Map.entry(key, header.get(key)));
                if (key.equals("updated")) {
                    members.add(new java.util.AbstractMap.SimpleEntry<>("messages", null));
                    placed = true;
                }
            }
            if (!placed) {
                members.add(new java.util.AbstractMap.SimpleEntry<>("messages", null));
            }
            path = "chats/" + ChatFileNames.cardsharkChat(c.getChatId(), taken::contains);
        }
        taken.add(path);
        JsonStyle fallback = "B".equals(c.getOrigin()) ? new JsonStyle(2, false, false, false) : JsonStyle.CARDSHARK;
        boolean keptBytes = dsl.fetchExists(WORLD_ORIGINAL,
                WORLD_ORIGINAL.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)), WORLD_ORIGINAL.PATH.eq(path));
        if (keptBytes) {
            List<Json> list = new ArrayList<>();
            forEachMessage(dsl, w.reader, worldId, c, document -> {
                list.add(StoredJson.parse(document));
                w.meter.add(1);
            });
            JsonObject.Builder doc = JsonObject.builder();
            for (Map.Entry<String, Json> member : members) {
                doc.put(member.getKey(), member.getValue() == null ? new JsonArray(list) : member.getValue());
            }
            writeDocument(dsl, folder, w, worldId, path, doc.build(), true, c.getStyle(), fallback);
            w.messages += list.size();
            return;
        }
        JsonStyle style = c.getStyle() == null ? fallback : JsonStyle.parse(c.getStyle());
        ChecksummedOutput checked;
        try (OutputStream file = folder.create(path)) {
            checked = new ChecksummedOutput(file);
            Writer text = new OutputStreamWriter(new BufferedOutputStream(checked, 1 << 16), StandardCharsets.UTF_8);
            JsonWriter.Streaming doc = JsonWriter.streaming(style, text).beginObject();
            for (Map.Entry<String, Json> member : members) {
                doc.name(member.getKey());
                if (member.getValue() != null) {
                    doc.value(member.getValue());
                    continue;
                }
                doc.beginArray();
                forEachMessage(dsl, w.reader, worldId, c, document -> {
                    doc.value(StoredJson.parse(document));
                    w.messages++;
                    w.meter.add(1);
                });
                doc.end();
            }
            doc.end().finish(); // flushes the writer, and so the buffer below it
        }
        checked.record(w, path);
    }

    /**
     * Counts and checksums what goes through it to a file the export writes (a document, a chat). A chat is too large
     * to read back whole, and parsing a million lines back cost as much as writing them: each file is verified by its
     * checksum instead. CRC-32C, not the SHA-256 of the stored files: the check is against a file changed on its way
     * to the disk, not against an adversary, and a CPU computes it some fifteen times faster (SHA-256 of each chat
     * written and read back was a tenth of an export). Goes below the buffer, so the checksum takes whole chunks.
     */
    private static final class ChecksummedOutput extends FilterOutputStream {
        private final CRC32C checksum = new CRC32C();
        private long count;

        ChecksummedOutput(OutputStream file) {
            super(file);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            checksum.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            checksum.update(b, off, len);
            count += len;
        }

        /** Counts the finished file, and remembers its checksum for {@link #verify}. */
        void record(Written w, String path) {
            w.files++;
            w.bytes += count;
            w.checksums.put(path, checksum.getValue());
        }
    }

    /**
     * Opaque files and backups, byte for byte, with their digests kept for verification. Each blob is copied
     * from the database's stream to the file; none is held in memory whole, however large.
     */
    private static void writeBlobs(DSLContext dsl, AtomicFolder folder, Written w, String worldId) throws IOException {
        // The transaction's own connection: jOOQ's connectionResult hands it out without closing it.
        Connection connection = dsl.connectionResult(c -> c);
        for (String table : List.of(WORLD_FILE.getName(), WORLD_BACKUP.getName())) {
            try (PreparedStatement st = connection.prepareStatement("SELECT " + WORLD_FILE.PATH.getName() + ", "
                    + WORLD_FILE.SHA256.getName() + ", " + WORLD_FILE.CONTENT.getName() + " FROM " + table
                    + " WHERE " + WORLD_FILE.WORLD_KEY.getName() + " = ? ORDER BY " + WORLD_FILE.PATH.getName())) {
                st.setFetchSize(100);
                st.setLong(1, WorldKeys.of(dsl, worldId));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String path = rs.getString(1);
                        long size;
                        try (OutputStream out = folder.create(path); InputStream in = rs.getBinaryStream(3)) {
                            size = in.transferTo(out);
                        }
                        w.files++;
                        w.bytes += size;
                        w.digests.put(path, rs.getString(2));
                    }
                }
            } catch (SQLException e) {
                throw new DataAccessException("world " + worldId + ": reading the stored files of " + table + " failed: "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * The design document's "validate the temporary file": every file read back holds the bytes written (their
     * CRC-32C), or for a stored file the bytes stored (its SHA-256). A JSON document is not parsed again: its bytes
     * came from the store's own writer or are the original bytes it imported (parsing back the state document of
     * 10,000 locations was a twelfth of an export), and a checksum catches a file changed on its way to the disk as
     * well as a parse.
     */
    private static void verify(AtomicFolder folder, String worldId, Written w) throws IOException {
        Path temp = folder.temp();
        for (Map.Entry<String, Long> c : w.checksums.entrySet()) {
            long actual = crc32c(temp.resolve(c.getKey()));
            if (actual != c.getValue()) {
                throw new FolderFormatException(worldId, temp, c.getKey(), String.format("world %s: %s: %s: expected"
                        + " CRC-32C %08x, found %08x after writing", worldId, temp, c.getKey(), c.getValue(), actual));
            }
        }
        for (Map.Entry<String, String> d : w.digests.entrySet()) {
            String actual = sha256(temp.resolve(d.getKey()));
            if (!actual.equals(d.getValue())) {
                throw new FolderFormatException(worldId, temp, d.getKey(), "world " + worldId + ": " + temp + ": " + d.getKey()
                        + ": expected SHA-256 " + d.getValue() + ", found " + actual + " after writing");
            }
        }
    }

    /** The CRC-32C of a file, read as a stream. */
    private static long crc32c(Path file) throws IOException {
        CRC32C checksum = new CRC32C();
        try (InputStream in = new CheckedInputStream(Files.newInputStream(file), checksum)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return checksum.getValue();
    }

    /** The SHA-256 of a file, read as a stream. */
    private static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
