package io.cardshark.worlds.internal.json;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a JSON file is laid out, as far as Python's {@code json.dump} lets it vary (format §9.3): indentation,
 * {@code ensure_ascii}, line ending, final newline. Recorded on import so that an unchanged document exports
 * byte for byte; stored in a column as {@link #asString()}.
 *
 * @param indent 2 (CardShark's {@code indent=2}) or {@link #NO_INDENT} for one line (Python's
 *     {@code indent=None}, the JSONL and compact forms)
 * @param ensureAscii whether every non-ASCII character is escaped
 * @param crlf whether newlines are CR LF (Python in text mode on Windows), else LF; on one line this only
 *     concerns the final newline
 * @param finalNewline whether the text ends with a newline (json.dump writes none; a JSONL line has one)
 */
public record JsonStyle(int indent, boolean ensureAscii, boolean crlf, boolean finalNewline) {

    public static final int NO_INDENT = 0;

    /** A JSONL line (format §9.4): {@code json.dumps(obj, ensure_ascii=False)} and LF. */
    public static final JsonStyle JSONL_LINE = new JsonStyle(NO_INDENT, false, false, true);

    /**
     * The single-line form for documents stored in columns. {@code ensure_ascii} so that it is plain ASCII
     * and unpaired surrogates survive any column type or driver.
     */
    public static final JsonStyle COMPACT = new JsonStyle(NO_INDENT, true, false, false);

    /** The {@code documented} export layout's JSON files (format §9.1). */
    public static final JsonStyle DOCUMENTED = new JsonStyle(2, false, false, false);

    /** {@code json.dump(obj, f, indent=2)} as CardShark calls it, the default for a changed document (§9.2). */
    public static final JsonStyle CARDSHARK = new JsonStyle(2, true, false, false);

    private static final String[] KEYS = {"indent", "ascii", "eol", "final"};

    public JsonStyle {
        if (indent != NO_INDENT && indent != 2) {
            throw new IllegalArgumentException("indent must be 2 or none, was " + indent);
        }
    }

    /** The newline this style writes. */
    public String newline() {
        return crlf ? "\r\n" : "\n";
    }

    /** The stored form, for example {@code indent=2;ascii=true;eol=LF;final=false} ({@code indent=none}). */
    public String asString() {
        return "indent=" + (indent == NO_INDENT ? "none" : indent) + ";ascii=" + ensureAscii
                + ";eol=" + (crlf ? "CRLF" : "LF") + ";final=" + finalNewline;
    }

    @Override
    public String toString() {
        return asString();
    }

    /**
     * Reads {@link #asString()}'s form back; exactly that form (all four keys, in order) is accepted.
     *
     * @throws IllegalArgumentException naming the text when it is not such a form
     */
    public static JsonStyle parse(String text) {
        String[] parts = text.split(";", -1);
        String[] values = new String[KEYS.length];
        if (parts.length != KEYS.length) {
            throw invalid(text);
        }
        for (int i = 0; i < KEYS.length; i++) {
            if (!parts[i].startsWith(KEYS[i] + "=")) {
                throw invalid(text);
            }
            values[i] = parts[i].substring(KEYS[i].length() + 1);
        }
        if (!Arrays.asList("2", "none").contains(values[0]) || !isBoolean(values[1])
                || !Arrays.asList("LF", "CRLF").contains(values[2]) || !isBoolean(values[3])) {
            throw invalid(text);
        }
        return new JsonStyle(values[0].equals("none") ? NO_INDENT : 2, values[1].equals("true"),
                values[2].equals("CRLF"), values[3].equals("true"));
    }

    /**
     * The indent-2 style whose output of {@code parsed} equals {@code original} byte for byte, or empty when
     * none does (a BOM, other spacing, sorted keys, …): then the original bytes must be kept.
     *
     * <p>Of the eight styles, the bytes themselves decide two choices: a final newline ends in LF, and in a
     * reproducible file a CR only appears before LF, since strings never hold a raw one. Only
     * {@code ensure_ascii} needs trying. When both of its values reproduce the file (a pure-ASCII value), true
     * is chosen, unless {@code preferAsciiFalse} (shape-B chats, which CardShark writes raw).
     */
    public static Optional<JsonStyle> detect(byte[] original, Json parsed, boolean preferAsciiFalse) {
        int n = original.length;
        boolean finalNewline = n > 0 && original[n - 1] == '\n';
        boolean crlf = containsCrLf(original);
        for (boolean ensureAscii : new boolean[] {!preferAsciiFalse, preferAsciiFalse}) {
            JsonStyle style = new JsonStyle(2, ensureAscii, crlf, finalNewline);
            if (Arrays.equals(JsonWriter.toBytes(parsed, style), original)) {
                return Optional.of(style);
            }
        }
        return Optional.empty();
    }

    private static boolean containsCrLf(byte[] b) {
        for (int i = 1; i < b.length; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r') {
                return true;
            }
        }
        return false;
    }

    private static boolean isBoolean(String s) {
        return s.equals("true") || s.equals("false");
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(
                "invalid JSON style \"" + text + "\": expected indent=2|none;ascii=true|false;eol=LF|CRLF;final=true|false");
    }
}
