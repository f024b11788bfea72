package io.cardshark.worlds.internal.json;

import java.util.Objects;

/**
 * A JSON string as a Java string. It may hold unpaired surrogates: JSON can escape them ({@code "\ud800"}),
 * CardShark's Python can write them, and they must come back out unchanged.
 */
public record JsonString(String value) implements Json {

    public JsonString {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String describe() {
        return "a string";
    }
}
