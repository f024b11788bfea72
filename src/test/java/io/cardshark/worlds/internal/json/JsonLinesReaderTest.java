package io.cardshark.worlds.internal.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

    /** Hands out at most {@code chunk} bytes per read, as pipes and sockets do, to exercise refilling. */
    private static InputStream chunked(byte[] bytes, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static List<JsonLine> readAll(InputStream in) throws IOException {
        List<JsonLine> lines = new ArrayList<>();
        try (JsonLinesReader reader = new JsonLinesReader(in)) {
            for (JsonLine line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<JsonLine> readAll(String text) throws IOException {
        return readAll(chunked(text.getBytes(UTF_8), 3));
    }

    /** A JSONL line's form without its newline. */
    private static final JsonStyle LINE = new JsonStyle(JsonStyle.NO_INDENT, false, false, false);

    private static JsonObject obj(String key, long value) {
        return JsonObject.builder().put(key, JsonNumber.of(value)).build();
    }

    @Test
    void dropsOneCrBeforeEachLf() throws IOException {
        assertThat(readAll("{\"a\": 1}\r\n{\"b\": 2}\r\n")).containsExactly(
                new JsonLine(1, obj("a", 1), "{\"a\": 1}", null), new JsonLine(2, obj("b", 2), "{\"b\": 2}", null));
    }

    @Test
    void skipsBlankLinesButCountsThem() throws IOException {
        assertThat(readAll("\n  \n{\"a\": 1}\n\t\r\n\r\n{\"b\": 2}")).containsExactly(
                new JsonLine(3, obj("a", 1), "{\"a\": 1}", null), new JsonLine(6, obj("b", 2), "{\"b\": 2}", null));
        assertThat(readAll("")).isEmpty();
        assertThat(readAll("\n \n\r\n")).isEmpty();
    }

    @Test
    void unicodeLineSeparatorsAreNotLineBreaks() throws IOException {
        List<JsonLine> lines = readAll("{\"t\": \"a\u2028b\u2029c\u0085d\re\"}\n{\"n\": 2}\n".replace("\re", "e"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).object().get("t")).isEqualTo(new JsonString("a\u2028b\u2029c\u0085de"));
        assertThat(lines.get(1).lineNumber()).isEqualTo(2);
    }

    @Test
    void aLineThatIsNotAnObjectIsReportedByItsNumberAndReadingGoesOn() throws IOException {
        List<JsonLine> lines = readAll("{\"a\": 1}\n\n[1, 2]\n{\"b\": 2}\n\"s\"\nnull\n");
        assertThat(lines).extracting(JsonLine::lineNumber).containsExactly(1L, 3L, 4L, 5L, 6L);
        assertThat(lines.get(1).isValid()).isFalse();
        assertThat(lines.get(1).error()).hasMessage("line 3: expected a JSON object, found an array");
        assertThat(lines.get(1).error().line()).isEqualTo(3);
        assertThat(lines.get(2).objectOrThrow()).isEqualTo(obj("b", 2));
        assertThat(lines.get(3).error()).hasMessage("line 5: expected a JSON object, found a string");
        assertThat(lines.get(4).error()).hasMessage("line 6: expected a JSON object, found null");
    }

    @Test
    void invalidJsonOnALineNamesTheLineAndColumn() throws IOException {
        List<JsonLine> lines = readAll("{\"a\": 1}\n{\"a\": 1}\n{\"\u00e9\": tru}\n{\"a\": 1, \"a\": 2}\n");
        assertThat(lines.get(2).error())
                .hasMessage("line 3 column 7: expected valid JSON (unexpected 'tru')");
        assertThat(lines.get(3).error().getMessage()).startsWith("line 4 column ").endsWith("(duplicate key \"a\")");
        byte[] badUtf8 = "{\"a\": 1}\n{\"a\": \"\u00ff\"}\n".getBytes(UTF_8);
        badUtf8[badUtf8.length - 4] = (byte) 0xFF; // the second byte of ÿ
        assertThat(readAll(new ByteArrayInputStream(badUtf8)).get(1).error().reason()).isEqualTo("invalid UTF-8");
    }

    @Test
    void aByteOrderMarkIsSkippedOnlyAtTheStartOfTheFile() throws IOException {
        byte[] bytes = "\ufeff{\"a\": 1}\n\ufeff{\"b\": 2}\n".getBytes(UTF_8);
        try (JsonLinesReader reader = new JsonLinesReader(new ByteArrayInputStream(bytes))) {
            assertThat(reader.next().object()).isEqualTo(obj("a", 1));
            assertThat(reader.hadBom()).isTrue();
            assertThat(reader.next().error().reason()).startsWith("unexpected byte order mark");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void readsALineOfTwentyMegabytes() throws IOException {
        String content = "x\u00e9".repeat(7_000_000); // 21 MB of UTF-8, over Jackson's default string limit
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("{\"a\": 1}\n{\"content\": \"".getBytes(UTF_8));
        out.write(content.getBytes(UTF_8));
        out.write("\"}\r\n{\"b\": 2}".getBytes(UTF_8));
        List<JsonLine> lines = readAll(chunked(out.toByteArray(), 1 << 16));
        assertThat(lines).extracting(JsonLine::lineNumber).containsExactly(1L, 2L, 3L);
        assertThat(((JsonString) lines.get(1).object().get("content")).value()).isEqualTo(content);
        assertThat(lines.get(2).object()).isEqualTo(obj("b", 2));
    }

    @Test
    void agreesWithSplittingInMemoryForRandomFilesAndReadSizes() throws IOException {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            StringBuilder file = new StringBuilder();
            List<JsonLine> expected = new ArrayList<>();
            int lines = random.nextInt(30);
            for (int n = 1; n <= lines; n++) {
                if (random.nextInt(5) == 0) {
                    file.append(" \t".repeat(random.nextInt(3)));
                } else {
                    JsonObject o = JsonObject.builder()
                            .put("n", JsonNumber.of(n))
                            .put("pad", new JsonString("\ud83d\udc09".repeat(random.nextInt(5000))))
                            .build();
                    // Python's form for some lines (kept as written), escaped dragons for others (not kept)
                    String line = JsonWriter.toString(o, random.nextBoolean() ? JsonStyle.COMPACT : LINE);
                    file.append(line);
                    expected.add(new JsonLine(n, o, JsonWriter.toString(o, LINE).equals(line) ? line : null, null));
                }
                if (n < lines || random.nextBoolean()) {
                    file.append(random.nextBoolean() ? "\r\n" : "\n");
                }
            }
            int chunk = 1 + random.nextInt(20_000);
            assertThat(readAll(chunked(file.toString().getBytes(UTF_8), chunk))).as("round %d", round)
                    .isEqualTo(expected);
        }
    }
}
