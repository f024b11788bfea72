package io.cardshark.worlds.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Parses strict RFC 8259 JSON in UTF-8 into the lossless {@link Json} model (format §9.3).
 *
 * <p>Rejected, as {@link JsonSyntaxException} with line and column: invalid UTF-8, duplicate keys, NaN and
 * Infinity, comments, single quotes, trailing commas, leading zeros, trailing content, nesting deeper than
 * {@link #MAX_DEPTH}. One leading byte order mark is skipped and reported. Every other limit is lifted, so that
 * any file CardShark can write is admitted. Stateless and thread-safe.
 */
public final class JsonReader {

    /**
     * Deepest container nesting admitted. Bounded so that hostile input fails cleanly instead of exhausting
     * the stack (the model is built recursively); CardShark's own files nest fewer than ten levels.
     */
    public static final int MAX_DEPTH = 1000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Keys come from files, not from a fixed vocabulary: interning them would only grow a shared
            // table, and Jackson rejects tables whose hashes collide too often.
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
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
     * @param hadBom whether a UTF-8 byte order mark preceded it (CardShark writes none, so the file's bytes
     *     cannot be reproduced by a style and must be kept)
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
        int lone = Utf8Text.indexOfUnpairedSurrogate(text);
        if (lone >= 0) {
            throw ParseErrors.inText(text, lone, "unpaired surrogate");
        }
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses {@code len} bytes at {@code off}, which must not start with a byte order mark; positions in errors
     * are relative to {@code off}. The JSONL reader's entry point.
     */
    static Json read(byte[] bytes, int off, int len) {
        int refused = ParseErrors.firstByteJacksonWouldMisread(bytes, off, len);
        if (refused >= 0) {
            throw ParseErrors.at(bytes, off, refused, ParseErrors.describeRefusedByte(bytes[off + refused]), "",
                    null);
        }
        JsonParser parser = createParser(bytes, off, len);
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ParseErrors.at(bytes, off, len, "unexpected end of input", "", null);
            }
            Json value = readValue(parser, first);
            checkNothingFollows(parser, bytes, off);
            return value;
        } catch (JsonProcessingException e) {
            throw ParseErrors.translate(e, parser, bytes, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from a byte array; kept for the compiler
        }
    }

    private static JsonParser createParser(byte[] bytes, int off, int len) {
        try {
            return FACTORY.createParser(bytes, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Jackson reads a stream of root values; a document is exactly one.
    private static void checkNothingFollows(JsonParser parser, byte[] bytes, int off) {
        long at;
        try {
            if (parser.nextToken() == null) {
                return;
            }
            at = parser.currentTokenLocation().getByteOffset();
        } catch (IOException e) {
            at = e instanceof JsonProcessingException j && j.getLocation() != null
                    ? j.getLocation().getByteOffset()
                    : parser.currentLocation().getByteOffset();
        }
        throw ParseErrors.at(bytes, off, (int) at, "trailing content", "", null);
    }

    // Recursion is safe: Jackson refuses nesting beyond MAX_DEPTH before we descend.
    private static Json readValue(JsonParser p, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonParseException(p, "Unexpected end-of-input");
        }
        return switch (token) {
            case START_OBJECT -> readObject(p);
            case START_ARRAY -> readArray(p);
            case VALUE_STRING -> new JsonString(p.getText());
            // getText() is the token as written: never parsed, never reformatted
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumber(p.getText());
            case VALUE_TRUE -> JsonBool.TRUE;
            case VALUE_FALSE -> JsonBool.FALSE;
            case VALUE_NULL -> JsonNull.INSTANCE;
            default -> throw new IllegalStateException("unexpected token " + token);
        };
    }

    private static JsonObject readObject(JsonParser p) throws IOException {
        LinkedHashMap<String, Json> members = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                throw new JsonParseException(p, "Unexpected end-of-input");
            }
            String key = p.currentName();
            members.put(key, readValue(p, p.nextToken()));
        }
        return JsonObject.adopt(members);
    }

    private static JsonArray readArray(JsonParser p) throws IOException {
        List<Json> elements = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            elements.add(readValue(p, t));
        }
        return new JsonArray(elements);
    }
}
