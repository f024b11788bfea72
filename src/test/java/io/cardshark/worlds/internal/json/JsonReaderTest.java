package io.cardshark.worlds.internal.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonReaderTest {

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    private static JsonSyntaxException failure(byte[] input) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> JsonReader.read(input));
        assertThat(t).isInstanceOf(JsonSyntaxException.class);
        return (JsonSyntaxException) t;
    }

    private static JsonSyntaxException failure(String input) {
        return failure(input.getBytes(UTF_8));
    }

    @Test
    void readsTheModelInOrder() {
        Json value = JsonReader.read("{\"b\": [true, false, null, \"s\", 1], \"a\": {}}").value();
        assertThat(value).isEqualTo(JsonObject.builder()
                .put("b", JsonArray.of(JsonBool.TRUE, JsonBool.FALSE, JsonNull.INSTANCE, new JsonString("s"),
                        JsonNumber.of(1)))
                .put("a", JsonObject.EMPTY)
                .build());
        assertThat(((JsonObject) value).keys()).containsExactly("b", "a");
    }

    @Test
    void keepsNumberTokensExactly() {
        String[] tokens = {"1.5", "-0.25", "1.50", "1E5", "-0", "-0.0", "1795715060.4715137",
            "123456789012345678901234567890", "1e-05", "2.5E+10"};
        for (String token : tokens) {
            assertThat(JsonReader.read("[" + token + "]").value()).isEqualTo(JsonArray.of(new JsonNumber(token)));
            assertThat(JsonReader.read(token).value()).isEqualTo(new JsonNumber(token));
        }
    }

    @Test
    void keepsEscapedUnpairedSurrogates() {
        assertThat(JsonReader.read("[\"\\ud800\", \"\\udc09\\ud83d\", \"\\ud83d\\udc09\"]").value())
                .isEqualTo(JsonArray.of(new JsonString("\ud800"), new JsonString("\udc09\ud83d"),
                        new JsonString("\ud83d\udc09")));
    }

    @Test
    void keepsUnpairedSurrogatesInKeysWhichJacksonRefuses() {
        JsonObject o = (JsonObject) JsonReader.read(
                "{\"\\ud800\": 1, \"\\udc09\\ud83d\": 2, \"a\\ud83d\\udc09\\ud800\\\"b\": 3, \"\\ue800\": 4, "
                        + "\"\\\\ud800\": [\"\\ud800\"]}").value();
        assertThat(o.keys()).containsExactly("\ud800", "\udc09\ud83d", "a\ud83d\udc09\ud800\"b", "\ue800", "\\ud800");
        assertThat(o.get("\\ud800")).isEqualTo(JsonArray.of(new JsonString("\ud800")));
        JsonSyntaxException dup = failure("{\"x\": 1,\n \"\\ud800\": 1, \"\\ud800\": 2}");
        assertThat(dup.reason()).isEqualTo("duplicate key \"\\ud800\"");
        assertThat(dup.line()).isEqualTo(2);
        assertThat(dup.column()).isEqualTo(15);
        // positions after a patched key are unchanged
        assertThat(failure("{\"\\udfff\": tru}").column()).isEqualTo(12);
    }

    @Test
    void skipsAndReportsOneByteOrderMark() {
        JsonReader.Parsed withBom = JsonReader.read(hex("efbbbf 7b7d"));
        assertThat(withBom.value()).isEqualTo(JsonObject.EMPTY);
        assertThat(withBom.hadBom()).isTrue();
        assertThat(JsonReader.read("{}".getBytes(UTF_8)).hadBom()).isFalse();
        // Columns count from after the BOM, as an editor shows them.
        assertThat(failure(hex("efbbbf 5b 78 5d")).column()).isEqualTo(2);
        JsonSyntaxException second = failure(hex("efbbbf efbbbf 7b7d"));
        assertThat(second.reason()).isEqualTo("unexpected byte order mark, expected a value");
        assertThat(second.column()).isEqualTo(1);
    }

    @Test
    void readsStreamsAndStrings() throws IOException {
        assertThat(JsonReader.read(new ByteArrayInputStream("[\"\u00e9\"]".getBytes(UTF_8))).value())
                .isEqualTo(JsonArray.of(new JsonString("\u00e9")));
        assertThat(JsonReader.read("[\"\ud83d\udc09\"]").value())
                .isEqualTo(JsonArray.of(new JsonString("\ud83d\udc09")));
        assertThatThrownBy(() -> JsonReader.read("[\"a\ud800\"]"))
                .isInstanceOfSatisfying(JsonSyntaxException.class, e -> {
                    assertThat(e.reason()).isEqualTo("unpaired surrogate");
                    assertThat(e.column()).isEqualTo(4);
                });
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                arguments("{\"a\": 1, \"a\": 2}", "duplicate key \"a\"", 1, 10),
                arguments("{\"x\": {\"\u00e9\": 1, \"\u00e9\": 2}}", "duplicate key \"\\u00e9\"", 1, 16),
                arguments("[NaN]", "NaN is not JSON", 1, 5),
                arguments("[Infinity]", "Infinity is not JSON", 1, 10),
                arguments("[-Infinity]", "-Infinity is not JSON", 1, 11),
                arguments("[1, ]", "trailing comma", 1, 5),
                arguments("{\"a\": 1,\n}", "trailing comma", 2, 1),
                arguments("[1 /* note */]", "comments are not allowed", 1, 4),
                arguments("[1] // note", "trailing content", 1, 5),
                arguments("{} x", "trailing content", 1, 4),
                arguments("{}{}", "trailing content", 1, 3),
                arguments("1 2", "trailing content", 1, 3),
                arguments("{}]", "trailing content", 1, 3),
                arguments("['a']", "single quotes are not allowed", 1, 2),
                arguments("{'a': 1}", "single quotes are not allowed", 1, 2),
                arguments("[01]", "leading zero in number", 1, 3),
                arguments("[1.]", "invalid number", 1, 3),
                arguments("[+1]", "invalid number", 1, 3),
                arguments("{\"a\": \"bc", "unterminated string", 1, 10),
                arguments("{\"a", "unterminated string", 1, 4),
                arguments("", "unexpected end of input", 1, 1),
                arguments("  \n ", "unexpected end of input", 2, 2),
                arguments("[1,", "unexpected end of input", 1, 4),
                arguments("{\n  \"a\": 1,\n  \"b\": tru\n}", "unexpected 'tru'", 3, 8),
                arguments("[\"\u00e9\u20ac\ud83d\udc09\", x]", "unexpected 'x'", 1, 9),
                arguments("[\"a\tb\"]", "unescaped control character in string", 1, 4),
                arguments("[\"\\x\"]", "invalid escape", 1, 4),
                arguments("[\"\\u12G4\"]", "invalid escape", 1, 7),
                arguments("[1 2]", "unexpected '2', expected ',' or ']'", 1, 4),
                arguments("{\"a\" 1}", "unexpected '1', expected ':'", 1, 6),
                arguments("{a: 1}", "unexpected 'a', expected a key in double quotes", 1, 2),
                arguments("[1}", "unexpected '}'", 1, 3),
                arguments("[1]\u00a0", "trailing content", 1, 4),
                arguments("1]", "trailing content", 1, 2),
                arguments("\"a\" \"b\"", "trailing content", 1, 5),
                arguments("[\"\ud83d\udc09\", x]", "unexpected 'x'", 1, 7));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidDocuments")
    void rejectsInvalidJsonWithAReasonAndAPosition(String input, String reason, int line, int column) {
        JsonSyntaxException e = failure(input);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.getMessage())
                .isEqualTo("line " + line + " column " + column + ": expected valid JSON (" + reason + ")");
    }

    @Test
    void theErrorNamesWhereInTheValueItHappened() {
        assertThat(failure("{\"locations\": {\"0,0,0\": {\"a/b\": [1, tru]}}}").pointer())
                .isEqualTo("/locations/0,0,0/a~1b/1");
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                arguments("bad continuation C3 28", "22 c328 22"),
                arguments("FF", "22 ff 22"),
                arguments("FE", "5b 22 fe 22 5d"),
                arguments("lone continuation byte", "22 80 22"),
                arguments("overlong C0 AF", "22 c0af 22"),
                arguments("overlong E0 80 80", "22 e08080 22"),
                arguments("encoded surrogate ED A0 80", "22 eda080 22"),
                arguments("above U+10FFFF", "22 f4908080 22"),
                arguments("truncated, then a quote", "22 e282 22"),
                arguments("in a key", "7b 22 ff 22 3a 31 7d"),
                arguments("outside strings", "5b 31 2c ff 5d"),
                arguments("FF first (Jackson would take UTF-16)", "ff fe 31 00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void rejectsInvalidUtf8(String name, String bytes) {
        JsonSyntaxException e = failure(hex(bytes));
        assertThat(e.reason()).isEqualTo("invalid UTF-8");
    }

    @Test
    void rejectsTruncatedMultiByteSequencesAtTheEnd() {
        JsonSyntaxException inString = failure(hex("22 61 e282"));
        assertThat(inString.reason()).isEqualTo("invalid UTF-8");
        assertThat(inString.column()).isEqualTo(3);
        assertThat(failure(hex("22 61 22 e282")).reason()).isEqualTo("invalid UTF-8");
        assertThat(failure(hex("22 f09f90")).reason()).isEqualTo("invalid UTF-8");
    }

    @Test
    void pointsAtTheFirstInvalidSequence() {
        JsonSyntaxException e = failure(hex("7b 0a 2022 c3a9 f09f9089 ff 22 3a 31 7d")); // {\n "é🐉<FF>": 1}
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(5);
    }

    @Test
    void rejectsUtf16AndUtf32InsteadOfGuessingTheirEncoding() {
        assertThat(failure("{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE)).reason())
                .isEqualTo("unexpected U+0000");
        assertThat(failure("{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_16)).reason())
                .isEqualTo("invalid UTF-8"); // with its FE FF byte order mark
        assertThat(failure(hex("00000031")).reason()).isEqualTo("unexpected U+0000");
    }

    /** Jackson must be as strict as the JDK's REPORTing decoder, in values and in keys. */
    @Test
    void acceptsExactlyTheStringsAStrictUtf8DecoderAccepts() {
        Random random = new Random(7);
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] middle = new byte[1 + random.nextInt(5)];
            for (int j = 0; j < middle.length; j++) {
                int b = random.nextInt(4) == 0 ? random.nextInt(256) : 0x80 + random.nextInt(128);
                middle[j] = (byte) (b < 0x20 || b == '"' || b == '\\' ? 'a' : b);
            }
            boolean inKey = i % 2 == 0;
            byte[] doc = concat(inKey ? "{\"" : "[\"", middle, inKey ? "\": 1}" : "\"]");
            boolean valid = isStrictUtf8(doc);
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> JsonReader.read(doc));
            if (valid) {
                assertThat(t).as(HexFormat.of().formatHex(doc)).isNull();
            } else {
                assertThat(t).as(HexFormat.of().formatHex(doc)).isInstanceOf(JsonSyntaxException.class);
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThan(5000);
    }

    @Test
    void deepNestingFailsCleanlyWithoutOverflowingTheStack() {
        JsonSyntaxException arrays = failure("[".repeat(10_000));
        assertThat(arrays.reason()).isEqualTo("nesting deeper than 1000");
        assertThat(arrays.line()).isEqualTo(1);
        assertThat(arrays.column()).isEqualTo(1001); // the bracket one level too deep
        JsonSyntaxException objects = failure("{\"a\":".repeat(10_000));
        assertThat(objects.reason()).isEqualTo("nesting deeper than 1000");
        assertThat(objects.column()).isEqualTo(4997); // Jackson points at the key whose value is too deep
        assertThat(objects.pointer()).startsWith("/a/a/a");
        assertThat(failure("[".repeat(1001) + "]".repeat(1001)).reason()).isEqualTo("nesting deeper than 1000");
        assertThat(failure("[".repeat(1001)).pointer()).startsWith("/0/0/0");
        assertThat(JsonReader.read("[".repeat(1000) + "]".repeat(1000)).value()).isInstanceOf(JsonArray.class);
    }

    @Test
    void admitsValuesBeyondJacksonsDefaultLimits() {
        String longString = "\u00e9".repeat(21_000_000); // the default maxStringLength is 20,000,000
        String longKey = "k".repeat(60_000); // the default maxNameLength is 50,000
        String longNumber = "9".repeat(2_000); // the default maxNumberLength is 1,000
        String doc = "{\"" + longKey + "\": [\"" + longString + "\", " + longNumber + "]}";
        JsonObject value = (JsonObject) JsonReader.read(doc.getBytes(UTF_8)).value();
        JsonArray array = (JsonArray) value.get(longKey);
        assertThat(((JsonString) array.get(0)).value()).hasSize(21_000_000);
        assertThat(((JsonNumber) array.get(1)).token()).isEqualTo(longNumber);
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] h = head.getBytes(UTF_8);
        byte[] t = tail.getBytes(UTF_8);
        byte[] all = new byte[h.length + middle.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(middle, 0, all, h.length, middle.length);
        System.arraycopy(t, 0, all, h.length + middle.length, t.length);
        return all;
    }

    private static boolean isStrictUtf8(byte[] b) {
        try {
            UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
