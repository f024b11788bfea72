package io.cardshark.worlds.internal.json;

/**
 * One non-blank line of a JSONL file: its object, or why it is not one. Exactly one of {@code object} and
 * {@code error} is non-null.
 *
 * @param lineNumber 1-based, counting blank lines too, as an editor shows it
 * @param written    the line's text (without its line break) when it is exactly what {@link JsonWriter} gives
 *                   for {@code object} in {@link JsonStyle#JSONL_LINE}, as CardShark writes its lines; else
 *                   {@code null} (see {@link LineForm})
 */
public record JsonLine(long lineNumber, JsonObject object, String written, JsonSyntaxException error) {

    public JsonLine {
        if ((object == null) == (error == null)) {
            throw new IllegalArgumentException("a JSON line holds an object or an error");
        }
        if (written != null && object == null) {
            throw new IllegalArgumentException("only a line holding an object has its text kept");
        }
    }

    /** A line that is not one JSON object. */
    public static JsonLine invalid(long lineNumber, JsonSyntaxException error) {
        return new JsonLine(lineNumber, null, null, error);
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
