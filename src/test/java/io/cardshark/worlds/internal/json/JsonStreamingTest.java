package io.cardshark.worlds.internal.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link JsonWriter#streaming}: what the exporter streams large chats with. */
class JsonStreamingTest {

    private static final List<JsonStyle> STYLES = List.of(JsonStyle.CARDSHARK, JsonStyle.DOCUMENTED, JsonStyle.JSONL_LINE,
            JsonStyle.COMPACT, new JsonStyle(2, true, true, true), new JsonStyle(2, false, false, true));

    @Test
    void streamingGivesTheBytesOfTheWholeValue() throws IOException {
        List<Json> messages = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            messages.add(JsonReader.read("{\"id\": \"m" + i + "\", \"content\": \"\ud83d\udc09 " + i
                    + "\", \"n\": [1.50, -0, {}], \"meta\": {\"a\": {\"b\": []}}}").value());
        }
        JsonObject header = (JsonObject) JsonReader.read("{\"id\": \"c\", \"nested\": {\"x\": [1, {\"y\": null}]}, "
                + "\"empty\": {}, \"title\": \"\u00e9\"}").value();
        for (JsonStyle style : STYLES) {
            for (List<Json> list : List.of(messages, List.<Json>of())) {
                for (int at = 0; at <= header.size(); at++) {
                    JsonObject.Builder whole = JsonObject.builder();
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    Writer out = new OutputStreamWriter(bytes, UTF_8);
                    JsonWriter.Streaming doc = JsonWriter.streaming(style, out).beginObject();
                    int i = 0;
                    for (Map.Entry<String, Json> member : header.asMap().entrySet()) {
                        if (i++ == at) {
                            messages(doc, whole, list);
                        }
                        doc.name(member.getKey()).value(member.getValue());
                        whole.put(member.getKey(), member.getValue());
                    }
                    if (at == header.size()) {
                        messages(doc, whole, list);
                    }
                    doc.end().finish();
                    assertThat(new String(bytes.toByteArray(), UTF_8)).as(style + " at " + at)
                            .isEqualTo(new String(JsonWriter.toBytes(whole.build(), style), UTF_8));
                    assertThat(JsonReader.read(bytes.toByteArray()).value()).isEqualTo(whole.build());
                }
            }
        }
    }

    private static void messages(JsonWriter.Streaming doc, JsonObject.Builder whole, List<Json> list) throws IOException {
        doc.name("messages").beginArray();
        for (Json m : list) {
            doc.value(m);
        }
        doc.end();
        whole.put("messages", new JsonArray(list));
    }

    @Test
    void topLevelArraysAndMisuse() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Writer out = new OutputStreamWriter(bytes, UTF_8);
        JsonWriter.streaming(JsonStyle.CARDSHARK, out).beginArray().value(JsonNull.INSTANCE).beginObject().end().end().finish();
        assertThat(bytes.toString(UTF_8)).isEqualTo("[\n  null,\n  {}\n]");
        assertThatThrownBy(() -> JsonWriter.streaming(JsonStyle.CARDSHARK, out).beginObject().value(JsonNull.INSTANCE))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JsonWriter.streaming(JsonStyle.CARDSHARK, out).beginObject().finish())
                .isInstanceOf(IllegalStateException.class);
    }
}
