package io.cardshark.worlds.internal.doc;

import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonLine;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonSyntaxException;
import io.cardshark.worlds.internal.json.JsonWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * The store's compact lossless form of JSON, in which the tables keep documents, key lists and arrays: how
 * it is written and read, and how a caller's JSON text is checked on the way in.
 */
public final class StoredJson {

    public static final String EMPTY_OBJECT = "{}";

    private StoredJson() {
    }

    /**
     * The stored form: one line, {@code ", "} and {@code ": "} as in a JSONL line, raw UTF-8 so that SQL
     * shows text as text; only an unpaired surrogate, which UTF-8 cannot carry, is escaped.
     */
    private static final JsonStyle STORED = new JsonStyle(JsonStyle.JSONL_LINE.indent(), JsonStyle.JSONL_LINE.ensureAscii(),
            JsonStyle.JSONL_LINE.crlf(), false);

    public static String compact(Json value) {
        return JsonWriter.toString(value, STORED);
    }

    /**
     * The stored form of a JSONL line's object. The stored form is a JSONL line's without the line break, so a
     * line written so (CardShark's, format §9.4) is kept as it was read, and any other is written from its model.
     */
    public static String compact(JsonLine line) {
        return line.written() != null ? line.written() : compact(line.objectOrThrow());
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

    public static String intArray(int... values) {
        List<Json> items = new ArrayList<>(values.length);
        for (int v : values) {
            items.add(JsonNumber.of(v));
        }
        return compact(new JsonArray(items));
    }

    public static String stringArray(List<String> values) {
        return KeyOrders.keyOrder(values);
    }

    public static List<String> stringList(String stored) {
        JsonArray array = (JsonArray) parse(stored);
        List<String> result = new ArrayList<>(array.elements().size());
        for (Json item : array.elements()) {
            result.add(((JsonString) item).value());
        }
        return result;
    }

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

    /** One member of a stored object as JSON text, or {@code null} when absent. */
    public static String memberText(String document, String key) {
        JsonObject o = parseObject(document);
        return o.has(key) ? compact(o.get(key)) : null;
    }

    public static String stringMember(JsonObject o, String key) {
        return o.firstString(key);
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
