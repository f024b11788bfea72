package io.cardshark.worlds.internal.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonStyleTest {

    @Test
    void storedFormRoundTripsForEveryStyle() {
        assertThat(JsonStyle.CARDSHARK.asString()).isEqualTo("indent=2;ascii=true;eol=LF;final=false");
        assertThat(JsonStyle.JSONL_LINE.asString()).isEqualTo("indent=none;ascii=false;eol=LF;final=true");
        assertThat(new JsonStyle(2, false, true, true)).hasToString("indent=2;ascii=false;eol=CRLF;final=true");
        for (int indent : new int[] {JsonStyle.NO_INDENT, 2}) {
            for (int bits = 0; bits < 8; bits++) {
                JsonStyle style = new JsonStyle(indent, (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);
                assertThat(JsonStyle.parse(style.asString())).isEqualTo(style);
                assertThat(style.asString().length()).isLessThanOrEqualTo(100); // the VARCHAR(100) columns
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "indent=2", "indent=4;ascii=true;eol=LF;final=false",
        "indent=0;ascii=true;eol=LF;final=false", "indent=2;ascii=yes;eol=LF;final=false",
        "indent=2;ascii=true;eol=CR;final=false", "ascii=true;indent=2;eol=LF;final=false",
        "indent=2;ascii=true;eol=LF;final=false;", "indent=2;ascii=true;eol=lf;final=false",
        "indent=2; ascii=true;eol=LF;final=false"})
    void parseRefusesAnythingElse(String text) {
        assertThatThrownBy(() -> JsonStyle.parse(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid JSON style");
    }

    @Test
    void onlyIndentTwoOrNoneExists() {
        assertThatThrownBy(() -> new JsonStyle(4, true, false, false)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Optional<JsonStyle> detect(String text, boolean preferAsciiFalse) {
        byte[] bytes = text.getBytes(UTF_8);
        return JsonStyle.detect(bytes, JsonReader.read(bytes).value(), preferAsciiFalse);
    }

    @Test
    void detectsLineEndingsAndTheFinalNewline() {
        assertThat(detect("{\r\n  \"a\": \"\\u00e9\"\r\n}\r\n", false)).hasValue(new JsonStyle(2, true, true, true));
        assertThat(detect("{\n  \"a\": \"\\u00e9\"\n}\n", false)).hasValue(new JsonStyle(2, true, false, true));
        assertThat(detect("{\n  \"a\": \"\\u00e9\"\n}", false)).hasValue(new JsonStyle(2, true, false, false));
    }

    @Test
    void detectsEnsureAsciiAndPrefersTrueForPureAscii() {
        assertThat(detect("{\n  \"a\": \"\u00e9\"\n}", false)).hasValue(new JsonStyle(2, false, false, false));
        assertThat(detect("{\n  \"a\": \"b\"\n}", false)).hasValue(new JsonStyle(2, true, false, false));
        assertThat(detect("{\n  \"a\": \"b\"\n}", true)).hasValue(new JsonStyle(2, false, false, false));
        assertThat(detect("[]", false)).hasValue(new JsonStyle(2, true, false, false));
    }

    @Test
    void findsNoStyleForFilesPythonDidNotWriteThatWay() {
        assertThat(detect("{\"a\": 1}", false)).isEmpty(); // one line
        assertThat(detect("{\n    \"a\": 1\n}", false)).isEmpty(); // indent 4
        assertThat(detect("{\n  \"a\" : 1\n}", false)).isEmpty(); // Jackson's spacing
        assertThat(detect("{\n  \"a\": 1 \n}", false)).isEmpty(); // trailing space
        assertThat(detect("{\n  \"a\": \"\\u00E9\"\n}", false)).isEmpty(); // upper-case hex
        assertThat(detect("{\n  \"a\": \"\\/\"\n}", false)).isEmpty(); // escaped slash
        assertThat(detect("{\r\n  \"a\": 1\n}", false)).isEmpty(); // mixed line endings
        assertThat(detect("{\n  \"a\": 1\n}\n\n", false)).isEmpty(); // two final newlines
        assertThat(detect("\ufeff{\n  \"a\": 1\n}", false)).isEmpty(); // a BOM
    }
}
