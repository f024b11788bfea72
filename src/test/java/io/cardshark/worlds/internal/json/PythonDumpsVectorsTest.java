package io.cardshark.worlds.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Compares the writer with CPython's json module on random documents full of escapes, surrogates, controls,
 * empty containers and nesting (python-dumps.jsonl, from generate_vectors.py beside it).
 */
class PythonDumpsVectorsTest {

    @Test
    void writesWhatPythonWrites() throws IOException {
        int documents = 0;
        int withLoneSurrogates = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/json/python-dumps.jsonl"), StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonObject vector = (JsonObject) JsonReader.read(line).value();
                Json doc = vector.get("doc");
                byte[] ascii = bytes(vector.get("ascii"));
                assertThat(JsonWriter.toBytes(doc, JsonStyle.CARDSHARK)).as(line).isEqualTo(ascii);
                assertThat(JsonReader.read(ascii).value()).isEqualTo(doc);
                if (vector.get("utf8") instanceof JsonString) {
                    assertThat(JsonWriter.toBytes(doc, JsonStyle.DOCUMENTED)).as(line).isEqualTo(bytes(vector.get("utf8")));
                    assertThat(JsonWriter.toBytes(doc, JsonStyle.JSONL_LINE)).as(line).isEqualTo(bytes(vector.get("line")));
                } else {
                    // Python cannot encode these; the format writes the unpaired surrogate escaped instead.
                    withLoneSurrogates++;
                    assertThat(JsonReader.read(JsonWriter.toBytes(doc, JsonStyle.DOCUMENTED)).value()).isEqualTo(doc);
                }
                assertThat(JsonReader.read(JsonWriter.toCompactString(doc)).value()).isEqualTo(doc);
                documents++;
            }
        }
        assertThat(documents).isEqualTo(200);
        assertThat(withLoneSurrogates).isGreaterThan(5);
    }

    private static byte[] bytes(Json base64) {
        return Base64.getDecoder().decode(((JsonString) base64).value());
    }
}
