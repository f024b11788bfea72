package io.cardshark.worlds.internal.json;

import java.util.List;

/** A JSON array; the list is an unmodifiable copy, so the value stays immutable. */
public record JsonArray(List<Json> elements) implements Json {

    public static final JsonArray EMPTY = new JsonArray(List.of());

    public JsonArray {
        elements = List.copyOf(elements); // also rejects null elements: JSON null is JsonNull.INSTANCE
    }

    public static JsonArray of(Json... elements) {
        return new JsonArray(List.of(elements));
    }

    public Json get(int index) {
        return elements.get(index);
    }

    public int size() {
        return elements.size();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    @Override
    public String describe() {
        return "an array";
    }
}
