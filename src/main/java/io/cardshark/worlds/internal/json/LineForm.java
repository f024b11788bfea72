package io.cardshark.worlds.internal.json;

/**
 * Whether a JSONL line is already in the form {@link JsonWriter} gives its value in {@link JsonStyle#JSONL_LINE}
 * (Python's {@code json.dumps(obj, ensure_ascii=False)}, format §9.4), newline aside. CardShark writes its lines
 * so, and that form is also how the store keeps a document: an import can then keep a line's text instead of
 * writing its model out again (430 ns of the 3.7 µs the import's reading thread spent on a message of the
 * benchmark's world; this check takes some 170).
 *
 * <p>The form, for text already known to be valid JSON: no whitespace outside strings but one space after each
 * {@code ,} and {@code :}; in strings, only the escapes the writer makes: the seven short ones,
 * <code>&#92;u00XX</code> in lower case for the other characters below U+0020, and <code>&#92;udXXX</code> for a
 * surrogate without its partner. Any other text (<code>&#92;/</code>, <code>&#92;u00e9</code>, upper-case hex, an
 * escaped pair, a tab between members) is valid JSON in another form, and is answered {@code false}; its reader
 * writes the model instead. A number is kept as written ({@link JsonNumber}), so every number is in the form.
 */
final class LineForm {

    private LineForm() {
    }

    /**
     * Whether {@code text[off, off+len)} is exactly what the writer gives for its value, if it is valid JSON: the
     * answer means nothing for text that is not (it does not fail on it), so a caller parses the text as well.
     */
    static boolean isWritten(char[] text, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; i++) {
            char c = text[i];
            if (c == '"') {
                i = closingQuote(text, i + 1, end);
                if (i < 0) {
                    return false;
                }
            } else if (c == ',' || c == ':') {
                if (++i == end || text[i] != ' ') {
                    return false; // whitespace right after this space is caught as any other
                }
            } else if (c <= ' ') {
                return false; // outside strings, JSON's whitespace; inside them the writer escapes controls
            }
        }
        return true;
    }

    /**
     * The index of the closing quote of the string whose contents start at {@code from}, or -1 when it holds an
     * escape the writer would not make (or does not end: not JSON).
     */
    private static int closingQuote(char[] text, int from, int end) {
        int afterHighEscape = -1; // the index right after an escaped high surrogate
        for (int i = from; i < end; i++) {
            char c = text[i];
            if (c == '"') {
                return i;
            }
            if (c != '\\') {
                continue;
            }
            if (i + 1 == end) {
                return -1;
            }
            char kind = text[i + 1];
            if (kind != 'u') {
                if ("\"\\\\bfnrt".indexOf(kind) < 0) {
                    return -1; // "\/", the one other escape JSON has
                }
                i++;
                continue;
            }
            int unit = unitAt(text, i, end);
            if (!isEscapedByWriter(unit, i == afterHighEscape)) {
                return -1;
            }
            i += 5;
            afterHighEscape = Character.isHighSurrogate((char) unit) ? i + 1 : -1;
        }
        return -1;
    }

    /**
     * Whether the writer escapes {@code unit} (-1: not an escape it makes) as <code>&#92;uXXXX</code>: a control
     * without a short escape, or a lone surrogate. Strictly decoded UTF-8 holds surrogates in whole pairs only, so an
     * escaped surrogate is lone unless it is half of a pair of escapes, high then low, which the writer writes raw.
     */
    private static boolean isEscapedByWriter(int unit, boolean afterHighEscape) {
        if (unit < 0) {
            return false;
        }
        if (unit < 0x20) {
            return "\b\f\n\r\t".indexOf(unit) < 0;
        }
        if (Character.isLowSurrogate((char) unit)) {
            return !afterHighEscape;
        }
        return Character.isHighSurrogate((char) unit);
    }

    /** The unit of the escape <code>&#92;uXXXX</code> at {@code at} with lower-case digits, else -1. */
    private static int unitAt(char[] text, int at, int end) {
        if (at + 6 > end || text[at] != '\\' || text[at + 1] != 'u') {
            return -1;
        }
        return lowerHex(text, at + 2);
    }

    /** The four lower-case hex digits at {@code at} as a number, or -1 when they are not that. */
    private static int lowerHex(char[] text, int at) {
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            char c = text[i];
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
