package io.cardshark.worlds.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses strict RFC 8259 JSON in UTF-8 into the lossless {@link Json} model (format §9.3).
 *
 * <p>Rejected, as {@link JsonSyntaxException} with line and column: invalid UTF-8, duplicate keys, NaN and
 * Infinity, comments, single quotes, trailing commas, leading zeros, trailing content, nesting deeper than
 * {@link #MAX_DEPTH}. One leading byte order mark is skipped and reported. Every other limit is lifted, so that
 * any file CardShark can write is admitted. Stateless and thread-safe.
 *
 * <p>The bytes are decoded strictly first ({@link Utf8Text#decode}) and Jackson parses the characters; keys are
 * checked for duplicates here rather than by Jackson, because keys with unpaired surrogates reach Jackson in
 * a stand-in form ({@link SurrogateKeys}).
 */
public final class JsonReader {

    /**
     * Deepest container nesting admitted. Bounded so that hostile input fails cleanly instead of exhausting
     * the stack (the model is built recursively); CardShark's own files nest fewer than ten levels.
     */
    public static final int MAX_DEPTH = 1000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxNestingDepth(MAX_DEPTH)
                    .build())
            .build();

    /**
     * A parsed document.
     *
     * @param hadBom whether a UTF-8 byte order mark preceded it (CardShark writes none, so such a file cannot
     *     be reproduced by a style, and its bytes must be kept)
     */
    public record Parsed(Json value, boolean hadBom) {
    }

    private JsonReader() {
    }

    /** @throws JsonSyntaxException if {@code bytes} is not one valid JSON value in UTF-8 */
    public static Parsed read(byte[] bytes) {
        boolean bom = Utf8Text.startsWithBom(bytes, 0, bytes.length);
        int skip = bom ? Utf8Text.BOM_LENGTH : 0;
        // Positions in errors count from after the BOM, as an editor shows them.
        return new Parsed(read(bytes, skip, bytes.length - skip), bom);
    }

    /** Reads the stream to its end (not closing it); a document is held in memory as a model anyway. */
    public static Parsed read(InputStream in) throws IOException {
        return read(in.readAllBytes());
    }

    /**
     * Parses text, such as a document stored in a database column. The text must be well-formed UTF-16: an
     * unpaired surrogate must be escaped ({@code \ud800}), as {@link JsonWriter#toCompactString} does.
     */
    public static Parsed read(String text) {
        char[] chars = text.toCharArray();
        int lone = Utf8Text.indexOfUnpairedSurrogate(text);
        if (lone >= 0) {
            throw ParseErrors.at(chars, 0, lone, "unpaired surrogate", "", null);
        }
        boolean bom = !text.isEmpty() && text.charAt(0) == Utf8Text.BOM;
        int skip = bom ? 1 : 0;
        return new Parsed(parse(chars, skip, chars.length - skip), bom);
    }

    /**
     * {@link JsonObject#firstString} of the object {@code text}; {@code null} when it holds none of the keys as a
     * string, or is not an object. For a stored document, as {@link #read(String)} reads
     * it, without its model: only the object's own members are looked at, nested values are skipped. A stored
     * message is read for its text by the search indexer, a search and the API, and building the model of each
     * was a fifth of the indexer's work. A document Jackson cannot walk (a key with an escaped unpaired surrogate)
     * is read whole.
     */
    public static String stringMember(String text, String... keys) {
        String[] found = new String[keys.length];
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return stringMember(read(text).value(), keys);
            }
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                int key = indexOf(keys, parser.currentName());
                if (parser.nextToken() == JsonToken.VALUE_STRING && key >= 0) {
                    found[key] = parser.getText();
                    if (key == 0) {
                        // The first key wins over the others, and a stored document has no key twice: the rest
                        // of it need not be read.
                        return found[0];
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            return stringMember(read(text).value(), keys);
        }
        for (String value : found) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static int indexOf(String[] keys, String name) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String stringMember(Json value, String... keys) {
        return value instanceof JsonObject o ? o.firstString(keys) : null;
    }

    /**
     * A line's value, and its text when that is already the writer's form of the value ({@link LineForm}), else
     * {@code null}.
     */
    record Line(Json value, String written) {
    }

    /** Parses {@code len} bytes at {@code off}, with no byte order mark skipped. */
    private static Json read(byte[] bytes, int off, int len) {
        CharBuffer chars = Utf8Text.decode(bytes, off, len);
        return parse(chars.array(), 0, chars.limit());
    }

    /**
     * {@link #read(byte[], int, int)} for the JSONL reader, which keeps a line's text when it can, and decodes its
     * lines with one {@code decoder}.
     */
    static Line readLine(byte[] bytes, int off, int len, Utf8Text.Lines decoder) {
        CharBuffer chars = decoder.decode(bytes, off, len);
        char[] text = chars.array();
        int n = chars.limit();
        // Before the parse, which may patch keys in the text (SurrogateKeys); the answer counts only if it parses.
        String written = LineForm.isWritten(text, 0, n) ? new String(text, 0, n) : null;
        return new Line(parse(text, 0, n), written);
    }

    /** Parses {@code text[off, off+len)}, which it may modify (see {@link SurrogateKeys}). */
    private static Json parse(char[] text, int off, int len) {
        Map<Integer, String> realKeys = SurrogateKeys.patch(text, off, len);
        JsonParser parser = createParser(text, off, len);
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ParseErrors.at(text, off, len, "unexpected end of input", "", null);
            }
            Json value = new Document(parser, realKeys, text, off).value(first);
            checkNothingFollows(parser, text, off, len);
            return value;
        } catch (JsonProcessingException e) {
            throw ParseErrors.translate(e, parser, text, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from a char array; kept for the compiler
        } finally {
            close(parser); // after translating: a closed parser no longer knows where it stopped
        }
    }

    private static void close(JsonParser parser) {
        try {
            parser.close(); // hands Jackson's buffers back for reuse
        } catch (IOException e) {
            throw new UncheckedIOException(e); // nothing to release for a char array
        }
    }

    private static JsonParser createParser(char[] text, int off, int len) {
        try {
            return FACTORY.createParser(text, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // declared, but nothing is read yet
        }
    }

    // Jackson reads a stream of root values; a document is exactly one.
    private static void checkNothingFollows(JsonParser parser, char[] text, int off, int len) {
        for (int i = (int) parser.currentLocation().getCharOffset(); i < len; i++) {
            char c = text[off + i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                throw ParseErrors.at(text, off, i, "trailing content", "", null);
            }
        }
    }

    /** One parse: builds the model recursively, safe since Jackson refuses nesting beyond MAX_DEPTH first. */
    private static final class Document {
        private final JsonParser p;
        private final Map<Integer, String> realKeys;
        private final char[] text;
        private final int off;

        Document(JsonParser p, Map<Integer, String> realKeys, char[] text, int off) {
            this.p = p;
            this.realKeys = realKeys;
            this.text = text;
            this.off = off;
        }

        Json value(JsonToken token) throws IOException {
            if (token == null) {
                throw new JsonParseException(p, "Unexpected end-of-input");
            }
            return switch (token) {
                case START_OBJECT -> object();
                case START_ARRAY -> array();
                case VALUE_STRING -> new JsonString(p.getText());
                // getText() is the token as written: never parsed, never reformatted
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumber(p.getText());
                case VALUE_TRUE -> JsonBool.TRUE;
                case VALUE_FALSE -> JsonBool.FALSE;
                case VALUE_NULL -> JsonNull.INSTANCE;
                default -> throw new IllegalStateException("unexpected token " + token);
            };
        }

        private JsonObject object() throws IOException {
            LinkedHashMap<String, Json> members = new LinkedHashMap<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    throw new JsonParseException(p, "Unexpected end-of-input");
                }
                String key = key();
                if (members.containsKey(key)) {
                    int at = (int) p.currentTokenLocation().getCharOffset();
                    throw ParseErrors.at(text, off, at, "duplicate key " + JsonWriter.quote(key, true),
                            ParseErrors.pointer(p), null);
                }
                members.put(key, value(p.nextToken()));
            }
            return JsonObject.adopt(members);
        }

        private String key() throws IOException {
            if (!realKeys.isEmpty()) {
                String real = realKeys.get((int) p.currentTokenLocation().getCharOffset());
                if (real != null) {
                    return real;
                }
            }
            return p.currentName();
        }

        private JsonArray array() throws IOException {
            List<Json> elements = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                elements.add(value(t));
            }
            return new JsonArray(elements);
        }
    }
}
