package io.cardshark.worlds.internal.json;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden vectors written by hand from format §9.4. */
class JsonWriterTest {

    private static final JsonStyle ASCII = JsonStyle.CARDSHARK;
    private static final JsonStyle RAW = JsonStyle.DOCUMENTED;

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    private static byte[] write(String s, JsonStyle style) {
        return JsonWriter.toBytes(new JsonString(s), style);
    }

    // Strings travel as Java escapes in method sources: CSV sources would trim the control characters.
    static Stream<Arguments> asciiVectors() {
        return Stream.of(
                arguments("e-acute", "\u00e9", "\"\\u00e9\""),
                arguments("dragon, a surrogate pair", "\ud83d\udc09", "\"\\ud83d\\udc09\""),
                arguments("DEL", "\u007f", "\"\\u007f\""),
                arguments("line separator", "\u2028", "\"\\u2028\""),
                arguments("NEL", "\u0085", "\"\\u0085\""),
                arguments("BOM character", "\ufeff", "\"\\ufeff\""),
                arguments("lone high surrogate", "\ud800", "\"\\ud800\""),
                arguments("lone low surrogate", "a\udc09b", "\"a\\udc09b\""),
                arguments("reversed pair", "\udc09\ud83d", "\"\\udc09\\ud83d\""),
                arguments("short escapes", "\"\\\b\f\n\r\t", "\"\\\"\\\\\\b\\f\\n\\r\\t\""),
                arguments("other controls", "\u0000\u0001\u000b\u001f", "\"\\u0000\\u0001\\u000b\\u001f\""),
                arguments("slash and printable ASCII", " / ~{} ", "\" / ~{} \""));
    }

    @ParameterizedTest(name = "ensure_ascii=True: {0}")
    @MethodSource("asciiVectors")
    void escapesEverythingOutsideAsciiWhenEnsureAscii(String name, String value, String expected) {
        assertThat(write(value, ASCII)).isEqualTo(expected.getBytes(US_ASCII));
    }

    static Stream<Arguments> rawVectors() {
        return Stream.of(
                arguments("e-acute", "\u00e9", "22 c3a9 22"),
                arguments("dragon as 4 bytes", "\ud83d\udc09", "22 f09f9089 22"),
                arguments("DEL raw", "\u007f", "22 7f 22"),
                arguments("line separator raw", "\u2028", "22 e280a8 22"),
                arguments("NEL raw", "\u0085", "22 c285 22"),
                arguments("lone high surrogate escaped", "\ud800", "22 5c7564383030 22"),
                arguments("lone low surrogate escaped", "\udc09", "22 5c7564633039 22"),
                arguments("reversed pair escaped", "\udc09\ud83d", "22 5c7564633039 5c7564383364 22"),
                arguments("high surrogate before a pair", "\ud83d\ud83d\udc09", "22 5c7564383364 f09f9089 22"),
                arguments("short escapes", "\"\\\b\f\n\r\t", "22 5c22 5c5c 5c62 5c66 5c6e 5c72 5c74 22"),
                arguments("vertical tab as u000b", "\u000b", "22 5c7530303062 22"),
                arguments("unit separator as u001f", "\u001f", "22 5c7530303166 22"),
                arguments("NUL as u0000", "\u0000", "22 5c7530303030 22"),
                arguments("slash unescaped", "/", "22 2f 22"));
    }

    @ParameterizedTest(name = "ensure_ascii=False: {0}")
    @MethodSource("rawVectors")
    void writesRawUtf8ExceptControlsAndUnpairedSurrogates(String name, String value, String expectedHex) {
        assertThat(write(value, RAW)).isEqualTo(hex(expectedHex));
    }

    private static final JsonObject NESTED = JsonObject.builder()
            .put("a", JsonArray.of(JsonNumber.of(1), JsonObject.builder().put("b", JsonNull.INSTANCE).build()))
            .put("c", JsonObject.EMPTY)
            .put("d", JsonArray.EMPTY)
            .put("e", new JsonString("\u00e9"))
            .build();

    @Test
    void indentsTwoSpacesPerLevelWithEmptyContainersInline() {
        String expected = "{\n"
                + "  \"a\": [\n"
                + "    1,\n"
                + "    {\n"
                + "      \"b\": null\n"
                + "    }\n"
                + "  ],\n"
                + "  \"c\": {},\n"
                + "  \"d\": [],\n"
                + "  \"e\": \"\\u00e9\"\n"
                + "}";
        assertThat(JsonWriter.toString(NESTED, ASCII)).isEqualTo(expected);
    }

    @Test
    void crlfStyleTurnsEveryNewlineIntoCrLfAndFinalNewlineAddsOne() {
        String expected = "{\r\n  \"a\": [\r\n    1,\r\n    {\r\n      \"b\": null\r\n    }\r\n  ],\r\n"
                + "  \"c\": {},\r\n  \"d\": [],\r\n  \"e\": \"\\u00e9\"\r\n}\r\n";
        assertThat(JsonWriter.toString(NESTED, new JsonStyle(2, true, true, true))).isEqualTo(expected);
        assertThat(JsonWriter.toString(JsonArray.of(JsonBool.TRUE), new JsonStyle(2, true, false, true)))
                .isEqualTo("[\n  true\n]\n");
    }

    @Test
    void writesNoFinalNewlineAndNoTrailingWhitespaceByDefault() {
        String text = JsonWriter.toString(NESTED, RAW);
        assertThat(text).endsWith("}").doesNotContain(" \n").doesNotContain("\r");
    }

    @Test
    void emptyContainersAtTheTopLevel() {
        assertThat(JsonWriter.toString(JsonObject.EMPTY, ASCII)).isEqualTo("{}");
        assertThat(JsonWriter.toString(JsonArray.EMPTY, ASCII)).isEqualTo("[]");
        assertThat(JsonWriter.toString(JsonArray.EMPTY, JsonStyle.JSONL_LINE)).isEqualTo("[]\n");
    }

    @Test
    void jsonlLineUsesPythonsDefaultSeparatorsAndRawUtf8() {
        assertThat(JsonWriter.toBytes(NESTED, JsonStyle.JSONL_LINE))
                .isEqualTo("{\"a\": [1, {\"b\": null}], \"c\": {}, \"d\": [], \"e\": \"\u00e9\"}\n".getBytes(UTF_8));
    }

    @Test
    void compactFormIsOneAsciiLineThatReadsBackEqual() {
        Json value = NESTED.with("lone", new JsonString("\ud800\ud83d\udc09\u2028"));
        String compact = JsonWriter.toCompactString(value);
        assertThat(compact).isEqualTo("{\"a\": [1, {\"b\": null}], \"c\": {}, \"d\": [], \"e\": \"\\u00e9\", "
                + "\"lone\": \"\\ud800\\ud83d\\udc09\\u2028\"}");
        assertThat(JsonReader.read(compact).value()).isEqualTo(value);
    }

    @Test
    void numbersAreWrittenAsTheirTokens() {
        String text = "[1.5, -0.25, 1.50, 1E5, -0, -0.0, 1795715060.4715137, 123456789012345678901234567890, 1e-05]";
        Json value = JsonReader.read(text).value();
        assertThat(JsonWriter.toString(value, JsonStyle.COMPACT)).isEqualTo(text);
        assertThat(((JsonArray) value).elements()).extracting(n -> ((JsonNumber) n).token()).containsExactly(
                "1.5", "-0.25", "1.50", "1E5", "-0", "-0.0", "1795715060.4715137", "123456789012345678901234567890",
                "1e-05");
    }

    @Test
    void streamOutputEqualsTheBytesAndLeavesTheStreamOpen() throws IOException {
        // Long enough to be flushed in several chunks, with surrogate pairs everywhere a chunk could end.
        List<Json> items = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            items.add(new JsonString("\ud83d\udc09".repeat(i % 7) + "x" + i));
        }
        Json value = new JsonArray(items);
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        JsonWriter.write(value, RAW, out);
        assertThat(out.toByteArray()).isEqualTo(JsonWriter.toBytes(value, RAW));
        assertThat(new String(out.toByteArray(), UTF_8)).doesNotContain("?");
        assertThat(closed[0]).isFalse();
    }

    @Test
    void refusesToWriteWhatTheReaderWouldRefuse() {
        Json deepest = JsonArray.EMPTY;
        for (int i = 1; i < JsonReader.MAX_DEPTH; i++) {
            deepest = JsonArray.of(deepest);
        }
        byte[] written = JsonWriter.toBytes(deepest, ASCII);
        assertThat(JsonReader.read(written).value()).isEqualTo(deepest);
        Json tooDeep = JsonArray.of(deepest);
        assertThatThrownBy(() -> JsonWriter.toBytes(tooDeep, ASCII))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deeper than 1000");
    }

    @Test
    void quoteIsTheStringForm() {
        assertThat(JsonWriter.quote("a\"b\u00e9", true)).isEqualTo("\"a\\\"b\\u00e9\"");
        assertThat(JsonWriter.quote("a\"b\u00e9", false)).isEqualTo("\"a\\\"b\u00e9\"");
    }
}
