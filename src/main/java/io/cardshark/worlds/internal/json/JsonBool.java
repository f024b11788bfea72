package io.cardshark.worlds.internal.json;

/** {@code true} or {@code false}. */
public record JsonBool(boolean value) implements Json {

    public static final JsonBool TRUE = new JsonBool(true);
    public static final JsonBool FALSE = new JsonBool(false);

    public static JsonBool of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public String describe() {
        return "a boolean";
    }
}
