package io.cardshark.worlds.internal.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes the model exactly as Python's {@code json.dump}/{@code json.dumps} does (format §9.4), in a
 * {@link JsonStyle}. A generic printer cannot do this: Jackson's writes {@code " : "}, {@code { }} and
 * upper-case hex escapes. Numbers are written as their stored tokens. Stateless and thread-safe.
 *
 * <p>Containers nested deeper than {@link JsonReader#MAX_DEPTH} are refused with an
 * {@link IllegalArgumentException}, so nothing is written that the reader would reject.
 */
public final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int FLUSH_AT = 8192;
    /** The first capacity of {@link #toString}'s builder: room for a typical chat message. */
    private static final int TEXT_CAPACITY = 256;

    private JsonWriter() {
    }

    /** Writes {@code value} to {@code out}, which is flushed but not closed. */
    public static void write(Json value, JsonStyle style, Writer out) throws IOException {
        Emitter emitter = new Emitter(style, out, new StringBuilder(FLUSH_AT * 2));
        emitter.document(value);
        emitter.flush();
        out.flush();
    }

    /** Writes {@code value} as UTF-8 (no BOM) to {@code out}, which is flushed but not closed. */
    public static void write(Json value, JsonStyle style, OutputStream out) throws IOException {
        // The emitter buffers, and never splits a surrogate pair across writes, so no BufferedWriter is needed.
        write(value, style, new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /** The UTF-8 bytes of {@code value} in {@code style}. */
    public static byte[] toBytes(Json value, JsonStyle style) {
        // The text never holds an unpaired surrogate (escaped in both modes), so this encoding is exact.
        return toString(value, style).getBytes(StandardCharsets.UTF_8);
    }

    /** The text of {@code value} in {@code style}. */
    public static String toString(Json value, JsonStyle style) {
        // Straight into one builder of the text's size, with no target to flush to: the chunk buffer of a streaming
        // write (16 KB, 32 KB once a non-Latin-1 character inflates it) was the import's largest allocation, made
        // once per stored message.
        Emitter emitter = new Emitter(style, null, new StringBuilder(TEXT_CAPACITY));
        try {
            emitter.document(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // never: nothing is written anywhere
        }
        return emitter.buf.toString();
    }

    /**
     * A writer that takes a document piece by piece, for documents too large to build whole (a chat with all its
     * messages): {@code out} receives exactly the bytes {@link #write} gives for the finished value.
     */
    public static Streaming streaming(JsonStyle style, Writer out) {
        return new Streaming(style, out);
    }

    /**
     * One document written piece by piece: {@link #beginObject}/{@link #beginArray} open a container,
     * {@link #name} starts an object member, {@link #value} writes a whole value, {@link #end} closes the innermost
     * container and {@link #finish} ends the document. Not thread-safe; {@code out} is flushed, never closed.
     */
    public static final class Streaming {
        private final Emitter emitter;
        private final Writer out;
        private final StringBuilder closers = new StringBuilder();
        private boolean first = true;
        private boolean afterName;

        private Streaming(JsonStyle style, Writer out) {
            this.emitter = new Emitter(style, out, new StringBuilder(FLUSH_AT * 2));
            this.out = out;
        }

        public Streaming beginObject() throws IOException {
            return open('{', '}');
        }

        public Streaming beginArray() throws IOException {
            return open('[', ']');
        }

        /** The key of the next member of the current object; a value or container must follow. */
        public Streaming name(String key) {
            if (closers.isEmpty() || closers.charAt(closers.length() - 1) != '}' || afterName) {
                throw new IllegalStateException("a member name belongs directly in an object");
            }
            emitter.separate(first, closers.length());
            first = false;
            appendString(emitter.buf, key, emitter.style.ensureAscii());
            emitter.buf.append(": ");
            afterName = true;
            return this;
        }

        public Streaming value(Json value) throws IOException {
            prefix();
            emitter.value(value, closers.length());
            return this;
        }

        /** Closes the innermost container. */
        public Streaming end() throws IOException {
            if (closers.isEmpty() || afterName) {
                throw new IllegalStateException("no container to close");
            }
            char closer = closers.charAt(closers.length() - 1);
            closers.setLength(closers.length() - 1);
            if (!first) {
                emitter.newlineAndIndent(closers.length());
            }
            emitter.buf.append(closer);
            first = false;
            if (emitter.buf.length() >= FLUSH_AT) {
                emitter.flush();
            }
            return this;
        }

        /** Ends the document (the style's final newline) and flushes {@code out}. */
        public void finish() throws IOException {
            if (!closers.isEmpty() || afterName) {
                throw new IllegalStateException("the document is not complete");
            }
            if (emitter.style.finalNewline()) {
                emitter.buf.append(emitter.style.newline());
            }
            emitter.flush();
            out.flush();
        }

        private Streaming open(char opener, char closer) throws IOException {
            prefix();
            Emitter.checkDepth(closers.length() + 1);
            emitter.buf.append(opener);
            closers.append(closer);
            first = true;
            return this;
        }

        private void prefix() {
            if (afterName) {
                afterName = false;
            } else if (!closers.isEmpty()) {
                if (closers.charAt(closers.length() - 1) == '}') {
                    throw new IllegalStateException("an object member needs a name first");
                }
                emitter.separate(first, closers.length());
            }
            first = false;
        }
    }

    /** The one-line, pure-ASCII form for storing a document in a column; {@link JsonReader} reads it back equal. */
    public static String toCompactString(Json value) {
        return toString(value, JsonStyle.COMPACT);
    }

    /** {@code s} as a JSON string literal, quotes included, escaped as Python's json module does. */
    public static String quote(String s, boolean ensureAscii) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        appendString(sb, s, ensureAscii);
        return sb.toString();
    }

    static void appendString(StringBuilder sb, String s, boolean ensureAscii) {
        sb.append('"');
        int n = s.length();
        int plain = 0; // start of the run of characters not yet copied
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String shortEscape = shortEscape(c);
            boolean hexEscape;
            if (shortEscape != null) {
                hexEscape = false;
            } else if (c < 0x20) {
                hexEscape = true;
            } else if (ensureAscii) {
                hexEscape = c >= 0x7F; // unit by unit: astral characters become surrogate pairs, as in Python
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a pair is one code point, written raw
                continue;
            } else {
                hexEscape = Character.isSurrogate(c); // UTF-8 cannot carry an unpaired one
            }
            if (shortEscape == null && !hexEscape) {
                continue;
            }
            sb.append(s, plain, i);
            if (shortEscape != null) {
                sb.append(shortEscape);
            } else {
                sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                        .append(HEX[c & 0xF]);
            }
            plain = i + 1;
        }
        sb.append(s, plain, n).append('"');
    }

    private static String shortEscape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> null;
        };
    }

    /**
     * One write: the style's separators and a buffer that is handed to the target in chunks, or, with no target
     * ({@code out} null), that collects the whole text.
     */
    private static final class Emitter {
        private final JsonStyle style;
        private final Writer out;
        private final StringBuilder buf;
        private final String itemSeparator;

        Emitter(JsonStyle style, Writer out, StringBuilder buf) {
            this.style = style;
            this.out = out;
            this.buf = buf;
            // With an indent Python's separators are (",", ": "), the newline follows; without, (", ", ": ").
            this.itemSeparator = style.indent() == JsonStyle.NO_INDENT ? ", " : ",";
        }

        void document(Json value) throws IOException {
            value(value, 0);
            if (style.finalNewline()) {
                buf.append(style.newline());
            }
        }

        private void value(Json value, int depth) throws IOException {
            if (value instanceof JsonObject o) {
                object(o, depth);
            } else if (value instanceof JsonArray a) {
                array(a, depth);
            } else if (value instanceof JsonString s) {
                appendString(buf, s.value(), style.ensureAscii());
            } else if (value instanceof JsonNumber n) {
                buf.append(n.token());
            } else if (value instanceof JsonBool b) {
                buf.append(b.value() ? "true" : "false");
            } else {
                buf.append("null");
            }
            if (buf.length() >= FLUSH_AT) {
                flush(); // only between values, so a surrogate pair is never split across writes
            }
        }

        private void object(JsonObject o, int depth) throws IOException {
            checkDepth(depth + 1);
            if (o.isEmpty()) {
                buf.append("{}");
                return;
            }
            buf.append('{');
            boolean first = true;
            for (Map.Entry<String, Json> member : o.asMap().entrySet()) {
                separate(first, depth + 1);
                first = false;
                appendString(buf, member.getKey(), style.ensureAscii());
                buf.append(": ");
                value(member.getValue(), depth + 1);
            }
            newlineAndIndent(depth);
            buf.append('}');
        }

        private void array(JsonArray a, int depth) throws IOException {
            checkDepth(depth + 1);
            if (a.isEmpty()) {
                buf.append("[]");
                return;
            }
            buf.append('[');
            boolean first = true;
            for (Json element : a.elements()) {
                separate(first, depth + 1);
                first = false;
                value(element, depth + 1);
            }
            newlineAndIndent(depth);
            buf.append(']');
        }

        private void separate(boolean first, int depth) {
            if (!first) {
                buf.append(itemSeparator);
            }
            newlineAndIndent(depth);
        }

        private void newlineAndIndent(int depth) {
            if (style.indent() != JsonStyle.NO_INDENT) {
                buf.append(style.newline());
                for (int i = depth * style.indent(); i > 0; i--) {
                    buf.append(' ');
                }
            }
        }

        private static void checkDepth(int depth) {
            if (depth > JsonReader.MAX_DEPTH) {
                throw new IllegalArgumentException("JSON nested deeper than " + JsonReader.MAX_DEPTH);
            }
        }

        void flush() throws IOException {
            if (out != null) {
                out.append(buf);
                buf.setLength(0);
            }
        }
    }
}
