package io.cardshark.worlds.internal.doc;

import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The documents of chats and their messages: the headers and messages the store makes, and what it reads from them. */
public final class ChatDocuments {

    /** Where a message keeps its text, in the order looked at: the one rule of both {@code messageContent}s. */
    private static final String[] TEXT_KEYS = {"content", "mes"};

    private ChatDocuments() {
    }

    /** The canonical header of a chat the store creates (format spec §5.1); times in epoch milliseconds. */
    public static String newChatHeader(String chatId, String title, String locationId, long nowMillis) {
        return StoredJson.compact(JsonObject.EMPTY
                .with("chat_id", new JsonString(chatId))
                .with("title", title == null ? JsonNull.INSTANCE : new JsonString(title))
                .with("location_id", new JsonString(locationId == null ? "" : locationId))
                .with("created", JsonNumber.of(nowMillis))
                .with("updated", JsonNumber.of(nowMillis)));
    }

    /** A changed header and the new "updated" token text ({@code null} when the header has no such value). */
    public record Touched(String header, String token) {
    }

    /**
     * Moves a chat's "updated" value to now, in the type it already has: epoch milliseconds stay integers,
     * float epoch seconds stay floats, naive ISO strings stay naive ISO strings. No key is added.
     */
    public static Touched touchUpdated(String header, long nowMillis) {
        JsonObject o = StoredJson.parseObject(header);
        for (String key : List.of("updated", "updated_at")) {
            if (o.has(key)) {
                Json fresh = freshTime(o.get(key), nowMillis);
                if (fresh != null) {
                    return new Touched(StoredJson.compact(o.with(key, fresh)), StoredJson.compact(fresh));
                }
            }
        }
        if (o.get("metadata") instanceof JsonObject meta && meta.has("updated_at")) {
            Json fresh = freshTime(meta.get("updated_at"), nowMillis);
            if (fresh != null) {
                return new Touched(StoredJson.compact(o.with("metadata", meta.with("updated_at", fresh))), StoredJson.compact(fresh));
            }
        }
        return new Touched(header, null);
    }

    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private static Json freshTime(Json old, long nowMillis) {
        if (old instanceof JsonNumber n) {
            if (n.isInteger()) {
                return JsonNumber.of(nowMillis);
            }
            return new JsonNumber(String.format(java.util.Locale.ROOT, "%d.%03d", nowMillis / 1000, nowMillis % 1000));
        }
        if (old instanceof JsonString) {
            LocalDateTime local = LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(nowMillis), ZoneId.systemDefault());
            return new JsonString(local.format(ISO_MICROS));
        }
        return null;
    }

    /** A message of the design document's shape {@code {id, role, content, timestamp}}. */
    public static JsonObject newMessage(String id, String role, String content, long timestamp) {
        // One map filled in order (each with() copies the members: four maps per message of a batch).
        return JsonObject.builder()
                .put("id", new JsonString(id))
                .put("role", new JsonString(role))
                .put("content", new JsonString(content))
                .put("timestamp", JsonNumber.of(timestamp))
                .build();
    }

    /**
     * The text of a stored message: {@code content}, or {@code mes} in CardShark's character-chat shape (read
     * without the document's model).
     */
    public static String messageContent(String document) {
        return JsonReader.stringMember(document, TEXT_KEYS);
    }

    /** {@link #messageContent(String)} of a parsed message. */
    public static String messageContent(JsonObject message) {
        return message.firstString(TEXT_KEYS);
    }

    /**
     * When a message was written: its {@code timestamp}, or {@code send_date} in CardShark's character-chat
     * shape, read as {@link TimeTokens} reads time tokens; {@code null} when neither is a time.
     */
    public static Long messageTime(JsonObject message) {
        for (String key : List.of("timestamp", "send_date")) {
            if (message.has(key)) {
                java.util.Optional<java.time.Instant> t = TimeTokens.instant(StoredJson.compact(message.get(key)));
                if (t.isPresent()) {
                    return t.get().toEpochMilli();
                }
            }
        }
        return null;
    }
}
