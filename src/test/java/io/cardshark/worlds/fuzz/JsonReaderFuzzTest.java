package io.cardshark.worlds.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonLine;
import io.cardshark.worlds.internal.json.JsonLinesReader;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonSyntaxException;
import io.cardshark.worlds.internal.json.JsonWriter;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON reader on any bytes (issue 11): it returns a value or refuses the bytes with a
 * {@link JsonSyntaxException}, never another exception; and what it returns is lossless, written and read
 * again to the same value. The seeds are the fixtures' JSON files; every test run replays them and every
 * finding kept beside them. {@code -Pfuzz} fuzzes for longer (the README says how).
 */
class JsonReaderFuzzTest {

    @FuzzTest(maxDuration = "25s")
    void anyBytesParseOrAreRefusedAndWhatParsesWritesBackTheSame(byte[] data) {
        Json value;
        try {
            value = JsonReader.read(data).value();
        } catch (JsonSyntaxException refused) {
            assertThat(refused.getMessage()).as("a refusal says where and what").isNotBlank();
            return;
        }
        for (JsonStyle style : new JsonStyle[] {JsonStyle.DOCUMENTED, JsonStyle.CARDSHARK, JsonStyle.COMPACT}) {
            String written = JsonWriter.toString(value, style);
            Json again = JsonReader.read(written).value();
            assertThat(again).as("written in %s and read again", style).isEqualTo(value);
        }
    }

    @FuzzTest(maxDuration = "25s")
    void anyBytesReadAsLinesGiveOneAnswerPerLine(byte[] data) throws IOException {
        try (JsonLinesReader lines = new JsonLinesReader(new ByteArrayInputStream(data))) {
            long number = 0;
            for (JsonLine line = lines.next(); line != null; line = lines.next()) {
                assertThat(line.lineNumber()).as("lines are numbered in order").isGreaterThan(number);
                number = line.lineNumber();
                if (line.isValid()) {
                    assertThat(line.object()).isNotNull();
                } else {
                    assertThat(line.error().getMessage()).isNotBlank();
                }
            }
        }
    }
}
