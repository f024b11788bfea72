package io.cardshark.worlds.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jackson's parse errors into {@link JsonSyntaxException}s with a short reason and a position an editor
 * shows (line by LF, column in code points), since Jackson's own messages name its configuration features and
 * count columns in bytes.
 */
final class ParseErrors {

    private static final Pattern CODE = Pattern.compile("\\(code (\\d+)\\)");
    private static final Pattern QUOTED = Pattern.compile("'(.*?)'(?::|$)");
    private static final String DUPLICATE = "Duplicate field '";
    private static final int MAX_SHOWN_TOKEN = 20;

    private ParseErrors() {
    }

    static JsonSyntaxException translate(JsonProcessingException e, JsonParser p, byte[] b, int off, int len) {
        JsonLocation loc = e.getLocation();
        // Limit errors carry no location; the parser's position is where the limit was crossed.
        long at = loc != null && loc.getByteOffset() >= 0 ? loc.getByteOffset() : p.currentLocation().getByteOffset();
        int pos = (int) Math.max(0, Math.min(len, at));
        String pointer = p.getParsingContext().pathAsPointer().toString();
        return at(b, off, pos, reason(e, b, off, pos), pointer, e);
    }

    /** An error at byte {@code pos} of the text that starts at {@code off}. */
    static JsonSyntaxException at(byte[] b, int off, int pos, String reason, String pointer, Throwable cause) {
        long line = 1;
        int lineStart = off;
        for (int i = off; i < off + pos; i++) {
            if (b[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1;
        for (int i = lineStart; i < off + pos; i++) {
            if (!Utf8Text.isContinuation(b[i])) {
                column++;
            }
        }
        return new JsonSyntaxException(line, column, reason, pointer, cause);
    }

    /** An error at char {@code index} of a Java string. */
    static JsonSyntaxException inText(String s, int index, String reason) {
        int lineStart = s.lastIndexOf('\n', index - 1) + 1;
        long line = 1 + s.substring(0, lineStart).chars().filter(c -> c == '\n').count();
        int column = 1 + s.codePointCount(lineStart, index);
        return new JsonSyntaxException(line, column, reason, "", null);
    }

    /**
     * Jackson guesses UTF-16 or UTF-32 from a zero byte or a UTF-16/32 byte order mark in the first four bytes,
     * and would then parse what is, read as UTF-8, invalid. None of 00, FE, FF can open valid UTF-8 JSON, so
     * such input is refused before Jackson sees it. Returns the offending index, or -1.
     */
    static int firstByteJacksonWouldMisread(byte[] b, int off, int len) {
        for (int i = 0; i < Math.min(4, len); i++) {
            int v = b[off + i] & 0xFF;
            if (v == 0x00 || v == 0xFE || v == 0xFF) {
                return i;
            }
        }
        // Jackson also skips a byte order mark silently; only JsonReader.read(byte[]) may do that, once.
        return Utf8Text.startsWithBom(b, off, len) ? 0 : -1;
    }

    static String describeRefusedByte(byte b) {
        return b == 0 ? "unexpected U+0000" : b == (byte) 0xEF ? "unexpected byte order mark" : "invalid UTF-8";
    }

    private static String reason(JsonProcessingException e, byte[] b, int off, int pos) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "invalid JSON";
        }
        if (e instanceof StreamConstraintsException) {
            return m.contains("nesting depth") ? "nesting deeper than " + JsonReader.MAX_DEPTH : firstLine(m);
        }
        if (m.startsWith(DUPLICATE) && m.endsWith("'")) {
            String key = m.substring(DUPLICATE.length(), m.length() - 1);
            return "duplicate key " + JsonWriter.quote(key, true);
        }
        if (m.contains("Invalid UTF-8")) {
            return "invalid UTF-8";
        }
        if (m.contains("end-of-input")) {
            boolean inString = m.contains("VALUE_STRING") || m.contains("FIELD_NAME") || m.contains("escape sequence");
            return inString ? "unterminated string" : "unexpected end of input";
        }
        if (m.startsWith("Non-standard token")) {
            return quotedToken(m) + " is not JSON";
        }
        if (m.contains("comment")) {
            return "comments are not allowed";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "unescaped control character in string";
        }
        if (m.startsWith("Unrecognized character escape") || m.contains("character escape sequence")) {
            return "invalid escape";
        }
        if (m.contains("Leading zeroes")) {
            return "leading zero in number";
        }
        if (m.contains("in numeric value")) {
            return "invalid number";
        }
        if (m.startsWith("Unrecognized token")) {
            return "unexpected '" + quotedToken(m) + "'";
        }
        if (m.startsWith("Unexpected close marker")) {
            return "unexpected " + describeChar(m.charAt("Unexpected close marker '".length()));
        }
        Matcher code = CODE.matcher(m);
        if (m.startsWith("Unexpected character") && code.find()) {
            return unexpectedCharacter(Integer.parseInt(code.group(1)), m, b, off, pos);
        }
        return firstLine(m);
    }

    private static String unexpectedCharacter(int c, String m, byte[] b, int off, int pos) {
        if ((c == ']' || c == '}') && previousSignificantByte(b, off, pos) == ',') {
            return "trailing comma";
        }
        if (c == '\'') {
            return "single quotes are not allowed";
        }
        String expected = m.contains("start field name") ? "a key in double quotes"
                : m.contains("colon") ? "':'"
                : m.contains("Array entries") ? "',' or ']'"
                : m.contains("Object entries") ? "',' or '}'"
                : "a value";
        return "unexpected " + describeChar(c) + ", expected " + expected;
    }

    private static int previousSignificantByte(byte[] b, int off, int pos) {
        for (int i = off + pos - 1; i >= off; i--) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
        }
        return -1;
    }

    private static String describeChar(int c) {
        return c > ' ' && c < 0x7F ? "'" + (char) c + "'" : String.format("U+%04X", c);
    }

    private static String quotedToken(String m) {
        Matcher q = QUOTED.matcher(firstLine(m));
        String token = q.find() ? q.group(1) : "?";
        return token.length() > MAX_SHOWN_TOKEN ? token.substring(0, MAX_SHOWN_TOKEN) + "…" : token;
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
