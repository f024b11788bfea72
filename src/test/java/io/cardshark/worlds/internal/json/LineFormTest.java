package io.cardshark.worlds.internal.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A JSONL line's text is kept exactly when writing its value as a JSONL line gives that text back: checked against
 * CPython's lines, against forms of the same values Python does not write, and on random variations of Python's
 * lines with the writer as the judge.
 */
class LineFormTest {

    /** A JSONL line's form without its newline: the writer's output the kept text must equal. */
    private static final JsonStyle LINE = new JsonStyle(JsonStyle.NO_INDENT, false, false, false);

    @Test
    void keepsTheLinesPythonWrites() throws IOException {
        List<String> lines = pythonLines();
        for (String line : lines) {
            JsonReader.Line read = readLine(line);
            assertThat(read.written()).as(line).isEqualTo(line);
        }
        assertThat(lines).hasSizeGreaterThan(150);
    }

    @Test
    void keepsCardSharksMessageLines() throws IOException {
        String line = "{\"id\": \"msg_0\", \"role\": \"user\", \"content\": \"Message \u2014 the ale \u2728 cold.\\n\\\"Aye.\\\"\","
                + " \"timestamp\": 1795715060000, \"extra\": {\"a\": [], \"b\": {}, \"c\": [1, -2.5e+3, null, true]}}";
        assertThat(readLine(line).written()).isEqualTo(line);
        try (JsonLinesReader reader = new JsonLinesReader(new java.io.ByteArrayInputStream((line + "\r\n").getBytes(UTF_8)))) {
            assertThat(reader.next().written()).isEqualTo(line);
        }
    }

    @Test
    void keepsTheEscapesOfCharactersTheWriterEscapes() {
        for (String line : List.of("{\"a\": \"\\u001f\\u0000\\u000b\"}", "{\"a\": \"\\ud800\"}", "{\"a\": \"x\\udc00\"}",
                "{\"a\": \"\\ud800\\ud800\"}", "{\"a\": \"\\udc00\\ud800\"}", "{\"k\": \"\\ud800\ud83d\udc09\"}", "{\"k\": \"\\\\ud800\\udc00\"}",
                "{\"\\ud800\": 1, \"\\udfff\": \"\\udfff\"}")) {
            assertThat(readLine(line).written()).as(line).isEqualTo(line);
        }
    }

    @Test
    void writesALineInAnotherFormFromItsValue() {
        for (String line : List.of("{\"a\":1}", "{\"a\": 1 }", "{ \"a\": 1}", "{\"a\": 1,\"b\": 2}", "{\"a\":\t1}",
                "{\"a\": [1,2]}", "{\"a\": [ ]}", "{\"a\": \"\\/\"}", "{\"a\": \"\\u0041\"}", "{\"a\": \"\\u00e9\"}",
                "{\"a\": \"\\u001F\"}", "{\"a\": \"\\u0009\"}", "{\"a\": \"\\u000a\"}", "{\"a\": \"\\u0022\"}",
                "{\"a\": \"\\uD800\"}", "{\"a\": \"\\ud83d\\udc09\"}", "{\"\\ud83d\\udc09\": 1}")) {
            JsonReader.Line read = readLine(line);
            assertThat(read.written()).as(line).isNull();
            assertThat(JsonWriter.toString(read.value(), LINE)).as(line).isNotEqualTo(line);
        }
    }

    /** The writer decides: a variation is kept exactly when writing its value gives it back. */
    @Test
    void keepsARandomVariationExactlyWhenTheWriterGivesItBack() throws IOException {
        Random random = new Random(37);
        List<String> lines = pythonLines();
        int kept = 0;
        int written = 0;
        for (int round = 0; round < 20_000; round++) {
            String line = vary(lines.get(random.nextInt(lines.size())), random);
            JsonReader.Line read;
            try {
                read = readLine(line);
            } catch (JsonSyntaxException e) {
                continue; // the variation broke the JSON
            }
            boolean writerGivesItBack = JsonWriter.toString(read.value(), LINE).equals(line);
            assertThat(read.written()).as("%s", JsonWriter.quote(line, true)).isEqualTo(writerGivesItBack ? line : null);
            if (writerGivesItBack) {
                kept++;
            } else {
                written++;
            }
        }
        assertThat(kept).isGreaterThan(1000);
        assertThat(written).isGreaterThan(1000);
    }

    /** One or two changes that keep the value but may change the form: spaces, and escapes for characters. */
    private static String vary(String line, Random random) {
        StringBuilder text = new StringBuilder(line);
        for (int changes = 1 + random.nextInt(2); changes > 0; changes--) {
            int at = random.nextInt(text.length());
            if (Character.isLowSurrogate(text.charAt(at))) {
                continue; // not between the halves of a pair, which UTF-8 could not carry apart
            }
            char c = text.charAt(at);
            switch (random.nextInt(5)) {
                case 0 -> text.insert(at, random.nextBoolean() ? ' ' : '\t');
                case 1 -> {
                    if (c == ' ') {
                        text.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                        String hex = String.format("%04x", (int) c);
                        text.replace(at, at + 1, "\\u" + (random.nextBoolean() ? hex : hex.toUpperCase(Locale.ROOT)));
                    }
                }
                case 3 -> {
                    if (c == '/') {
                        text.replace(at, at + 1, "\\/");
                    }
                }
                default -> text.insert(at, random.nextBoolean() ? "\\ud800" : random.nextBoolean() ? "\\udc09" : "\\ud83d\\udc09");
            }
        }
        return text.toString();
    }

    private static JsonReader.Line readLine(String line) {
        byte[] bytes = line.getBytes(UTF_8);
        return JsonReader.readLine(bytes, 0, bytes.length, new Utf8Text.Lines());
    }

    /** The JSONL lines CPython wrote for the vectors it could encode, without their newline. */
    private static List<String> pythonLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LineFormTest.class.getResourceAsStream("/json/python-dumps.jsonl"), UTF_8))) {
            for (String vector = r.readLine(); vector != null; vector = r.readLine()) {
                if (((JsonObject) JsonReader.read(vector).value()).get("line") instanceof JsonString line) {
                    String text = new String(Base64.getDecoder().decode(line.value()), UTF_8);
                    lines.add(text.substring(0, text.length() - 1));
                }
            }
        }
        return lines;
    }
}
