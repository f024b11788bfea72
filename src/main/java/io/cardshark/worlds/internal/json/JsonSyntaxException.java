package io.cardshark.worlds.internal.json;

/**
 * Input that is not valid JSON, or a JSONL line that is not a JSON object.
 *
 * <p>Unchecked, like the store's other errors: callers that can report it (the importer) catch it, and
 * everywhere else it is a bug. Its message is the position part of the importer's error line (format §10.3):
 * {@code line 12 column 5: expected valid JSON (unterminated string)}, or for a whole JSONL line
 * {@code line 3: expected a JSON object, found an array}; the importer prefixes the world and file.
 */
public final class JsonSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final int column;
    private final String reason;
    private final String pointer;

    /**
     * @param line 1-based line (LF-separated)
     * @param column 1-based column counted in code points, or 0 when the whole line is at fault
     * @param reason what is wrong, short and lower-case: "unterminated string", "duplicate key \"x\""
     * @param pointer RFC 6901 pointer to the value being read when the error was found ("" at top level)
     */
    public JsonSyntaxException(long line, int column, String reason, String pointer, Throwable cause) {
        super(message(line, column, reason), cause);
        this.line = line;
        this.column = column;
        this.reason = reason;
        this.pointer = pointer;
    }

    static JsonSyntaxException notAnObject(long line, Json found) {
        return new JsonSyntaxException(line, 0, "expected a JSON object, found " + found.describe(), "", null);
    }

    /** The same error on another line: a JSONL line is parsed on its own, as line 1. */
    JsonSyntaxException atLine(long fileLine) {
        return new JsonSyntaxException(fileLine, column, reason, pointer, getCause());
    }

    public long line() {
        return line;
    }

    /** 1-based, in code points; 0 when the error concerns the whole line. */
    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }

    public String pointer() {
        return pointer;
    }

    private static String message(long line, int column, String reason) {
        return column > 0
                ? "line " + line + " column " + column + ": expected valid JSON (" + reason + ")"
                : "line " + line + ": " + reason;
    }
}
