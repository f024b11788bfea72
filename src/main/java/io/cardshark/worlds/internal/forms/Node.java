package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.folder.FolderFormatException;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonPointer;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonSyntaxException;

import java.util.ArrayList;
import java.util.List;

/**
 * A value inside a source document together with where it is (file, entry, chunk and JSON pointer), so that a
 * converter can ask for "a string here" and a wrong value is refused with its exact position (format §10.3:
 * {@code ... at /rooms/0/id: expected a string, found null}).
 *
 * @param value the value, or Java {@code null} when the key is absent
 */
record Node(Origin origin, JsonPointer at, Json value) {

    static Node root(Origin origin, Json value) {
        return new Node(origin, JsonPointer.ROOT, value);
    }

    /** Parses a JSON document (strict UTF-8 JSON, format §9.3); invalid JSON is refused with line and column. */
    static Node parse(byte[] bytes, Origin origin) {
        try {
            return root(origin, JsonReader.read(bytes).value());
        } catch (JsonSyntaxException e) {
            throw origin.refuse("not valid JSON: " + e.getMessage());
        }
    }

    /** The member {@code key}; absent when this is not an object or has no such key. */
    Node get(String key) {
        Json v = value instanceof JsonObject o ? o.get(key) : null;
        return new Node(origin, at.child(key), v);
    }

    boolean isAbsent() {
        return value == null;
    }

    boolean isNullOrAbsent() {
        return value == null || value instanceof JsonNull;
    }

    JsonObject object() {
        if (value instanceof JsonObject o) {
            return o;
        }
        throw refuse("an object");
    }

    /** The elements of an array, each with its position; absent or null is an empty list. */
    List<Node> elementsOrEmpty() {
        if (isNullOrAbsent()) {
            return List.of();
        }
        if (!(value instanceof JsonArray a)) {
            throw refuse("an array");
        }
        List<Node> nodes = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            nodes.add(new Node(origin, at.child(i), a.get(i)));
        }
        return nodes;
    }

    String string() {
        if (value instanceof JsonString s) {
            return s.value();
        }
        throw refuse("a string");
    }

    /** The string, or {@code null} when absent or null. */
    String stringOrNull() {
        return isNullOrAbsent() ? null : string();
    }

    /** The string, or {@code fallback} when absent or null. */
    String stringOr(String fallback) {
        return isNullOrAbsent() ? fallback : string();
    }

    /** An integer number token (no fraction, no exponent) that fits 64 bits; no coercion from strings. */
    JsonNumber integer() {
        if (value instanceof JsonNumber n && n.isInteger()) {
            try {
                n.longValueExact();
                return n;
            } catch (ArithmeticException tooLarge) {
                throw refuse("an integer that fits 64 bits");
            }
        }
        throw refuse("an integer");
    }

    /** The integer, or {@code fallback} when absent or null. */
    JsonNumber integerOr(JsonNumber fallback) {
        return isNullOrAbsent() ? fallback : integer();
    }

    /** {@code expected X, found Y}, at this position. */
    FolderFormatException refuse(String expected) {
        return problem("expected " + expected + ", found " + describe(value));
    }

    /** Any problem with this value, at its position. */
    FolderFormatException problem(String detail) {
        return origin.refuseAt(at.text(), detail);
    }

    static String describe(Json value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof JsonNumber n) {
            return "the number " + n.token();
        }
        if (value instanceof JsonString s) {
            String text = s.value().length() > 40 ? s.value().substring(0, 40) + "…" : s.value();
            return "the string \"" + text + "\"";
        }
        return value.describe();
    }
}
