package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.folder.FolderFormatException;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonLine;
import io.cardshark.worlds.internal.json.JsonLinesReader;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonPointer;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonSyntaxException;
import io.cardshark.worlds.internal.rows.MessageRows;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the chat files of one world folder, {@code chats/*.json} in shapes A and B (format spec §5.2) and JSONL
 * streamed a line at a time (§5.1), checks them, and hands them on as {@link ChatPart}s: a chat's start, its
 * messages prepared for writing ({@link MessageRows.Prepared}) in parts of bounded size, its end. It touches no
 * database, so it can run ahead of the thread that writes ({@link ReadAhead}). A chat of a million JSONL
 * messages needs memory for the parts in flight, not for the chat; a JSON chat is one document and is read whole.
 */
final class ChatReader {

    /** The most messages in one part. */
    static final int MOST_PER_PART = 256;
    /** A part ends once its documents hold this many characters, so that long messages make short parts. */
    static final int MOST_CHARS_PER_PART = 256 * 1024;

    private static final Set<String> MESSAGE_KEYS = Set.of("role", "content", "mes", "is_user");

    private final FolderScan scan;
    private final ReadAhead.Sink<ChatPart> sink;
    private final Map<String, String> fileOfChat = new HashMap<>();
    private long unreported;

    ChatReader(FolderScan scan, ReadAhead.Sink<ChatPart> sink) {
        this.scan = scan;
        this.sink = sink;
    }

    /** Reads the chat files {@code rels}, in order. */
    void readAll(List<String> rels) throws IOException {
        for (String rel : rels) {
            if (rel.endsWith(".jsonl")) {
                readJsonLines(rel);
            } else {
                readJson(rel);
            }
        }
    }

    private FolderFormatException reject(String rel, String position, String what) {
        return new FolderFormatException(scan.worldId(), scan.folder(), rel,
                scan.folder() + ": " + rel + " " + position + ": " + what);
    }

    /** A syntax error, whose message starts with its position ({@code line 3 column 5: expected ...}). */
    private FolderFormatException reject(String rel, JsonSyntaxException e) {
        return new FolderFormatException(scan.worldId(), scan.folder(), rel, scan.folder() + ": " + rel + " " + e.getMessage());
    }

    private void readJson(String rel) throws IOException {
        byte[] content = Files.readAllBytes(scan.folder().resolve(rel));
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
        Optional<JsonStyle> style = JsonStyle.detect(content, value, origin.equals("B"));
        checkId(rel, "at the top", chatId);
        sink.put(new ChatPart.Start(rel, chatId, chat.without("messages"), origin, messagesIndex, style,
                style.isPresent() ? null : content, (long) list.size(), content.length));
        Parts parts = new Parts();
        for (Json m : list.elements()) {
            parts.add((JsonObject) m);
        }
        parts.end();
    }

    private void readJsonLines(String rel) throws IOException {
        String name = rel.substring("chats/".length());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(scan.folder().resolve(rel)), 1 << 16);
             JsonLinesReader lines = new JsonLinesReader(new CountingStream(in, n -> unreported += n))) {
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
            String chatId = ChatImporter.chatIdOf(header);
            if (chatId == null) {
                chatId = name.substring(0, name.length() - ".jsonl".length());
            }
            checkId(rel, "line " + first.lineNumber(), chatId);
            sink.put(new ChatPart.Start(rel, chatId, header, "JSONL", null,
                    Optional.empty(), null, null, takeBytes()));
            Parts parts = new Parts();
            for (JsonLine line = lines.next(); line != null; line = lines.next()) {
                parts.add(lineObject(rel, line));
            }
            parts.end();
        }
    }

    /** A chat id must be unique in the world and not empty. */
    private void checkId(String rel, String position, String chatId) {
        String earlier = fileOfChat.putIfAbsent(chatId, rel);
        if (earlier != null) {
            throw reject(rel, position, "expected chat ids unique in the world, found chat id \"" + chatId
                    + "\" in " + earlier + " too");
        }
        if (chatId.isEmpty()) {
            throw reject(rel, position, "expected a non-empty chat id, found \"\"");
        }
    }

    private JsonObject lineObject(String rel, JsonLine line) {
        if (!line.isValid()) {
            throw reject(rel, line.error());
        }
        return line.object();
    }

    /** The bytes read since the last part, which the next part reports. */
    private long takeBytes() {
        long n = unreported;
        unreported = 0;
        return n;
    }

    /** Gathers a chat's prepared messages into parts of bounded size. */
    private final class Parts {

        private List<MessageRows.Prepared> messages = new ArrayList<>();
        private long chars;

        void add(JsonObject message) throws IOException {
            MessageRows.Prepared prepared = MessageRows.Prepared.of(message);
            messages.add(prepared);
            chars += prepared.document().length();
            if (messages.size() == MOST_PER_PART || chars >= MOST_CHARS_PER_PART) {
                send();
            }
        }

        void end() throws IOException {
            send();
            sink.put(new ChatPart.End(takeBytes()));
        }

        private void send() throws IOException {
            if (!messages.isEmpty()) {
                sink.put(new ChatPart.Messages(messages, takeBytes()));
                messages = new ArrayList<>();
                chars = 0;
            }
        }
    }
}
