package io.cardshark.worlds.internal.json;

import java.util.HashMap;
import java.util.Map;

/**
 * Lets object keys hold escaped unpaired surrogates, which Jackson 2.23 refuses in keys ("Broken surrogate
 * pair in field name") though it keeps them in values. Python writes such keys ({@code {"\ud800": 1}}) and
 * the format keeps them (§9.3).
 *
 * <p>Before parsing, every surrogate escape in such a key is turned into a private-use one ({@code \uD800}
 * becomes {@code \uE800}: the same length, so every position an error reports stays true), and the real key is
 * decoded here, for the reader to use in place of Jackson's by the key's offset. Only keys are touched, and
 * the scan only runs when the text holds a surrogate escape at all.
 */
final class SurrogateKeys {

    private SurrogateKeys() {
    }

    /**
     * Patches {@code text[off, off+len)} in place, which must be the caller's own copy.
     *
     * @return the real keys by the offset (relative to {@code off}) of their opening quote; empty when none
     */
    static Map<Integer, String> patch(char[] text, int off, int len) {
        int end = off + len;
        if (!mayHoldSurrogateEscape(text, off, end)) {
            return Map.of();
        }
        Map<Integer, String> realKeys = new HashMap<>();
        int i = off;
        while (i < end) {
            if (text[i] != '"') {
                i++;
                continue;
            }
            int close = closingQuote(text, i + 1, end);
            if (close < 0) {
                break; // unterminated: Jackson reports it
            }
            if (isKey(text, close + 1, end)) {
                String real = unescape(text, i + 1, close); // null on a bad escape, which Jackson reports
                // Decoded UTF-8 only holds whole pairs, so an unpaired surrogate here came from an escape.
                if (real != null && Utf8Text.indexOfUnpairedSurrogate(real) >= 0) {
                    flipSurrogateEscapes(text, i + 1, close);
                    realKeys.put(i - off, real);
                }
            }
            i = close + 1;
        }
        return realKeys;
    }

    private static boolean mayHoldSurrogateEscape(char[] t, int from, int end) {
        for (int i = from; i + 3 < end; i++) {
            if (t[i] == '\\' && t[i + 1] == 'u' && (t[i + 2] == 'd' || t[i + 2] == 'D')
                    && Character.digit(t[i + 3], 16) >= 8) {
                return true;
            }
        }
        return false;
    }

    private static int closingQuote(char[] t, int from, int end) {
        for (int i = from; i < end; i++) {
            if (t[i] == '\\') {
                i++; // the escaped character; \\u's hex digits are plain characters
            } else if (t[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isKey(char[] t, int from, int end) {
        int i = from;
        while (i < end && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) {
            i++;
        }
        return i < end && t[i] == ':';
    }

    /** The code unit of the {@code \}{@code uXXXX} escape at {@code i}, or -1 when there is none. */
    private static int unicodeEscape(char[] t, int i, int end) {
        if (i + 6 > end || t[i] != '\\' || t[i + 1] != 'u') {
            return -1;
        }
        int unit = 0;
        for (int k = 2; k < 6; k++) {
            int digit = Character.digit(t[i + k], 16);
            if (digit < 0) {
                return -1;
            }
            unit = unit * 16 + digit;
        }
        return unit;
    }

    private static void flipSurrogateEscapes(char[] t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t[i] != '\\') {
                continue;
            }
            int unit = unicodeEscape(t, i, to);
            if (unit < 0) {
                i++;
                continue;
            }
            if (Character.isSurrogate((char) unit)) {
                t[i + 2] = t[i + 2] == 'd' ? 'e' : 'E'; // D800-DFFF becomes E800-EFFF
            }
            i += 5;
        }
    }

    /** The key's characters, or null on an escape JSON does not have. */
    private static String unescape(char[] t, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = t[i];
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            int unit = unicodeEscape(t, i, to);
            if (unit >= 0) {
                sb.append((char) unit);
                i += 5;
                continue;
            }
            if (i + 1 >= to) {
                return null;
            }
            char e = t[++i];
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                default -> {
                    return null;
                }
            }
        }
        return sb.toString();
    }
}
