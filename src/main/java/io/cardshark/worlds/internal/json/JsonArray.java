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

    // Written out rather than generated: the record's generated equals goes through List.equals and method
    // handles, several frames per level, and overflowed the stack on values nested 1000 deep (the reader's
    // limit). One frame per level here.
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JsonArray other) || other.elements.size() != elements.size()) {
            return false;
        }
        for (int i = 0; i < elements.size(); i++) {
            if (!elements.get(i).equals(other.elements.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Json e : elements) {
            h = 31 * h + e.hashCode();
        }
        return h;
    }
}
