package io.cardshark.worlds.internal.json;

/**
 * One non-blank line of a JSONL file: its object, or why it is not one. Exactly one of {@code object} and
 * {@code error} is non-null.
 *
 * @param lineNumber 1-based, counting blank lines too, as an editor shows it
 */
public record JsonLine(long lineNumber, JsonObject object, JsonSyntaxException error) {

    public JsonLine {
        if ((object == null) == (error == null)) {
            throw new IllegalArgumentException("a JSON line holds an object or an error");
        }
    }

    public boolean isValid() {
        return object != null;
    }

    /** The object, or the line's error thrown. */
    public JsonObject objectOrThrow() {
        if (error != null) {
            throw error;
        }
        return object;
    }
}
