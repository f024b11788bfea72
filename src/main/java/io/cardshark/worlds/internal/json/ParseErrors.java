package io.cardshark.worlds.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds {@link JsonSyntaxException}s: a short reason instead of Jackson's messages (which name its
 * configuration features), and a position as an editor shows it (line by LF, column in code points).
 */
final class ParseErrors {

    private static final Pattern CODE = Pattern.compile("code (\\d+)");
    private static final Pattern QUOTED = Pattern.compile("'(.*?)'(?::|$)");
    private static final int MAX_SHOWN_TOKEN = 20;

    private ParseErrors() {
    }

    /** Jackson's error while parsing {@code len} characters at {@code off}. */
    static JsonSyntaxException translate(JsonProcessingException e, JsonParser p, char[] text, int off, int len) {
        JsonLocation loc = e.getLocation();
        // Limit errors carry no location; the token being read (the bracket one level too deep) is at fault.
        long at = loc != null && loc.getCharOffset() >= 0
                ? loc.getCharOffset()
                : p.currentTokenLocation().getCharOffset();
        int pos = (int) Math.max(0, Math.min(len, at));
        return at(text, off, pos, reason(e, text, off, pos), pointer(p), e);
    }

    /** Where in the value the parser is, for limit errors especially (format §9.3). */
    static String pointer(JsonParser p) {
        // Jackson's names; a key that SurrogateKeys patched shows its private-use stand-in here.
        return p.getParsingContext().pathAsPointer().toString();
    }

    /** An error at character {@code pos} of the text that starts at {@code off}. */
    static JsonSyntaxException at(char[] text, int off, int pos, String reason, String pointer, Throwable cause) {
        long line = 1;
        int lineStart = off;
        for (int i = off; i < off + pos; i++) {
            if (text[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1;
        for (int i = lineStart; i < off + pos; i++) {
            if (!Character.isLowSurrogate(text[i]) || i == lineStart || !Character.isHighSurrogate(text[i - 1])) {
                column++; // a pair is one code point
            }
        }
        return new JsonSyntaxException(line, column, reason, pointer, cause);
    }

    private static String reason(JsonProcessingException e, char[] text, int off, int pos) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "invalid JSON";
        }
        if (e instanceof StreamConstraintsException) {
            return m.contains("nesting depth") ? "nesting deeper than " + JsonReader.MAX_DEPTH : firstLine(m);
        }
        if (m.contains("end-of-input")) {
            boolean inString = m.contains("closing quote") || m.contains("field name") || m.contains("escape sequence");
            return inString ? "unterminated string" : "unexpected end of input";
        }
        if (m.contains("root-level values")) {
            return "trailing content"; // a number at the top level followed by something other than space
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
            return unexpectedCharacter(Integer.parseInt(code.group(1)), m, text, off, pos);
        }
        if (m.startsWith("Illegal character") && code.find()) {
            return "unexpected " + describeChar(Integer.parseInt(code.group(1))); // a control character
        }
        return firstLine(m);
    }

    private static String unexpectedCharacter(int c, String m, char[] text, int off, int pos) {
        if ((c == ']' || c == '}') && previousSignificantChar(text, off, pos) == ',') {
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

    private static int previousSignificantChar(char[] text, int off, int pos) {
        for (int i = off + pos - 1; i >= off; i--) {
            char c = text[i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
        }
        return -1;
    }

    static String describeChar(int c) {
        if (c == Utf8Text.BOM) {
            return "byte order mark";
        }
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
