package io.cardshark.worlds.internal.ops;

import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonSyntaxException;
import io.cardshark.worlds.internal.json.JsonWriter;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The JSON documents and key lists the tables keep, in the store's compact lossless form: what the
 * operations read from them and how new ones are made. New objects follow the format spec's field
 * orders; changed ones keep every key where it stood.
 */
public final class Documents {

    public static final String EMPTY_OBJECT = "{}";

    private Documents() {
    }

    /**
     * The stored form: one line, {@code ", "} and {@code ": "} as in a JSONL line, raw UTF-8 so that SQL
     * shows text as text; only an unpaired surrogate, which UTF-8 cannot carry, is escaped.
     */
    private static final JsonStyle STORED = new JsonStyle(JsonStyle.NO_INDENT, false, false, false);

    public static String compact(Json value) {
        return JsonWriter.toString(value, STORED);
    }

    public static Json parse(String stored) {
        try {
            return JsonReader.read(stored).value();
        } catch (JsonSyntaxException e) {
            throw new IllegalStateException("the store holds a document that does not parse: " + e.getMessage(), e);
        }
    }

    public static JsonObject parseObject(String stored) {
        return (JsonObject) parse(stored);
    }

    // ---- key order and extras -------------------------------------------------------------------

    public static String keyOrder(List<String> keys) {
        List<Json> items = new ArrayList<>(keys.size());
        for (String k : keys) {
            items.add(new JsonString(k));
        }
        return compact(new JsonArray(items));
    }

    public static List<String> keyOrder(String stored) {
        return stringList(stored);
    }

    /** {@code order} with each of {@code keys} it lacks appended, in the order given. */
    public static List<String> appendKeys(List<String> order, List<String> keys) {
        LinkedHashSet<String> all = new LinkedHashSet<>(order);
        all.addAll(keys);
        return List.copyOf(all);
    }

    /** The extras object without {@code keys}; {@code null} when nothing is left. */
    public static String withoutKeys(String extras, List<String> keys) {
        if (extras == null) {
            return null;
        }
        JsonObject o = parseObject(extras);
        for (String k : keys) {
            o = o.without(k);
        }
        return o.isEmpty() ? null : compact(o);
    }

    // ---- arrays of the model --------------------------------------------------------------------

    public static String intArray(int... values) {
        List<Json> items = new ArrayList<>(values.length);
        for (int v : values) {
            items.add(JsonNumber.of(v));
        }
        return compact(new JsonArray(items));
    }

    public static String stringArray(List<String> values) {
        return keyOrder(values);
    }

    public static List<String> stringList(String stored) {
        JsonArray array = (JsonArray) parse(stored);
        List<String> result = new ArrayList<>(array.elements().size());
        for (Json item : array.elements()) {
            result.add(((JsonString) item).value());
        }
        return result;
    }

    // ---- metadata -------------------------------------------------------------------------------

    /** What lists and lookups read from a metadata document, each {@code null} when absent or of another type. */
    public record MetadataFields(String name, String version, Long lastModified, Long createdAt) {
    }

    public static MetadataFields metadataFields(String document) {
        JsonObject o = parseObject(document);
        return new MetadataFields(stringMember(o, "name"), stringMember(o, "version"),
                longMember(o, "last_modified"), longMember(o, "created_at"));
    }

    /** {@code {"version": "1.0", "created_at": s, "last_modified": s, "name": display}} (format spec §3.4). */
    public static String newWorldMetadata(String displayName, long epochSeconds) {
        return compact(JsonObject.EMPTY
                .with("version", new JsonString("1.0"))
                .with("created_at", JsonNumber.of(epochSeconds))
                .with("last_modified", JsonNumber.of(epochSeconds))
                .with("name", new JsonString(displayName)));
    }

    public static String withName(String document, String displayName) {
        return compact(parseObject(document).with("name", new JsonString(displayName)));
    }

    /** Sets {@code last_modified} where the document has one, as CardShark's manager does on every save. */
    public static String touchLastModified(String document, long epochSeconds) {
        JsonObject o = parseObject(document);
        return o.has("last_modified") ? compact(o.with("last_modified", JsonNumber.of(epochSeconds))) : document;
    }

    // ---- caller-supplied JSON -------------------------------------------------------------------

    /** Parses a caller's JSON object strictly; returns the stored form. */
    public static String requireObject(String worldId, String field, String text) {
        Json value = requireJson(worldId, field, text);
        if (!(value instanceof JsonObject)) {
            throw new InvalidInputException(worldId, "world " + worldId + ": " + field + ": expected a JSON object, found "
                    + value.describe());
        }
        return compact(value);
    }

    /** Parses a caller's JSON value strictly; returns the stored form. */
    public static String requireValue(String worldId, String field, String text) {
        return compact(requireJson(worldId, field, text));
    }

    private static Json requireJson(String worldId, String field, String text) {
        if (text == null) {
            throw new InvalidInputException(worldId, "world " + worldId + ": " + field + ": expected JSON text, found null");
        }
        try {
            return JsonReader.read(text).value();
        } catch (JsonSyntaxException e) {
            throw new InvalidInputException(worldId, "world " + worldId + ": " + field + ": " + e.getMessage());
        }
    }

    // ---- chats, messages, events ----------------------------------------------------------------

    /** The canonical header of a chat the store creates (format spec §5.1); times in epoch milliseconds. */
    public static String newChatHeader(String chatId, String title, String locationId, long nowMillis) {
        return compact(JsonObject.EMPTY
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
        JsonObject o = parseObject(header);
        for (String key : List.of("updated", "updated_at")) {
            if (o.has(key)) {
                Json fresh = freshTime(o.get(key), nowMillis);
                if (fresh != null) {
                    return new Touched(compact(o.with(key, fresh)), compact(fresh));
                }
            }
        }
        if (o.get("metadata") instanceof JsonObject meta && meta.has("updated_at")) {
            Json fresh = freshTime(meta.get("updated_at"), nowMillis);
            if (fresh != null) {
                return new Touched(compact(o.with("metadata", meta.with("updated_at", fresh))), compact(fresh));
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
    public static String newMessage(String id, String role, String content, long timestamp) {
        return compact(JsonObject.EMPTY
                .with("id", new JsonString(id))
                .with("role", new JsonString(role))
                .with("content", new JsonString(content))
                .with("timestamp", JsonNumber.of(timestamp)));
    }

    /** The text of a message: {@code content}, or {@code mes} in CardShark's character-chat shape. */
    public static String messageContent(String document) {
        JsonObject o = parseObject(document);
        String content = stringMember(o, "content");
        return content != null ? content : stringMember(o, "mes");
    }

    /** An event record the store creates: {@code id}, then the fields that are set (format spec §6). */
    public static String newEventRecord(String eventId, String definitionId, String locationId, String trigger,
                                 long timestamp, String outcome) {
        JsonObject o = JsonObject.EMPTY.with("id", new JsonString(eventId));
        if (definitionId != null) {
            o = o.with("definition_id", new JsonString(definitionId));
        }
        if (locationId != null) {
            o = o.with("location_id", new JsonString(locationId));
        }
        if (trigger != null) {
            o = o.with("trigger", new JsonString(trigger));
        }
        o = o.with("timestamp", JsonNumber.of(timestamp));
        if (outcome != null) {
            o = o.with("outcome", parse(outcome));
        }
        return compact(o);
    }

    /** One member of a stored object as JSON text, or {@code null} when absent. */
    public static String memberText(String document, String key) {
        JsonObject o = parseObject(document);
        return o.has(key) ? compact(o.get(key)) : null;
    }

    public static String stringMember(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.value() : null;
    }

    public static Long longMember(JsonObject o, String key) {
        if (o.get(key) instanceof JsonNumber n && n.isInteger()) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return null;
            }
        }
        return null;
    }
}
