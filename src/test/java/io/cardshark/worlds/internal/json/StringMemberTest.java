package io.cardshark.worlds.internal.json;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JsonReader#stringMember} walks a stored document's top level without building its model: for every
 * document here it gives what the model gives (the first of the keys, in their order, held as a string), nested
 * members, other types and keys Jackson refuses included.
 */
class StringMemberTest {

    private static final List<String> DOCUMENTS = List.of(
            "{\"content\":\"a\"}",
            "{\"mes\":\"b\"}",
            "{\"mes\":\"b\",\"content\":\"a\"}",
            "{\"content\":1,\"mes\":\"b\"}",
            "{\"content\":null}",
            "{\"content\":{\"content\":\"inner\"},\"mes\":[\"x\",{\"mes\":\"y\"}]}",
            "{\"a\":[1,{\"content\":\"nested\"}],\"b\":{\"c\":{\"d\":[]}},\"content\":\"top\"}",
            "{\"content\":\"\\ud83e\\udd8a fox \\u00e9\\\"q\\\"\\n\"}",
            "{\"content\":\"\\ud800 lone\"}",
            "{\"\\ud800\":1,\"content\":\"after a key Jackson refuses\"}",
            "{\"content\":\"before a key Jackson refuses\",\"\\ud800\":1,\"mes\":\"b\"}",
            "{\"role\":\"user\",\"id\":\"m1\"}",
            "{}",
            "[\"content\",\"a\"]",
            "\"content\"");

    @Test
    void givesWhatTheModelGives() {
        for (String document : DOCUMENTS) {
            Json model = JsonReader.read(document).value();
            String expected = null;
            if (model instanceof JsonObject o) {
                expected = o.get("content") instanceof JsonString s ? s.value()
                        : o.get("mes") instanceof JsonString s ? s.value() : null;
            }
            assertThat(JsonReader.stringMember(document, "content", "mes")).as(document).isEqualTo(expected);
        }
    }

    @Test
    void theKeysOrderDecidesNotTheDocuments() {
        assertThat(JsonReader.stringMember("{\"mes\":\"b\",\"content\":\"a\"}", "content", "mes")).isEqualTo("a");
        assertThat(JsonReader.stringMember("{\"mes\":\"b\",\"content\":\"a\"}", "mes", "content")).isEqualTo("b");
        assertThat(JsonReader.stringMember("{\"\\ud800\":\"z\",\"content\":\"a\"}", "\ud800")).isEqualTo("z");
    }
}
