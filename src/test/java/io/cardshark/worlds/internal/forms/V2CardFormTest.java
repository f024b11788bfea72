package io.cardshark.worlds.internal.forms;

import static io.cardshark.worlds.testing.LaterSamples.V2_PNG;
import static io.cardshark.worlds.testing.LaterSamples.at;
import static io.cardshark.worlds.testing.LaterSamples.obj;
import static io.cardshark.worlds.testing.LaterSamples.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardshark.worlds.folder.WorldForm;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.testing.LaterSamples;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The a151ac3 V2 world card against what CardShark's own readers found for the sample (expected.json). */
class V2CardFormTest {

    private final Path file = LaterSamples.path(V2_PNG, "world_card.png");
    private final byte[] png = LaterSamples.bytes(V2_PNG, "world_card.png");
    private final JsonObject expected = LaterSamples.expected(V2_PNG);
    private final ConvertedWorld world = V2CardForm.convert(file, png);

    @Test
    void namesTheWorldAndTheForm() {
        assertThat(world.form()).isEqualTo(WorldForm.V2_CARD);
        assertThat(world.formVersion()).isEqualTo(((JsonNumber) at(expected, "world", "schema_version")).token());
        assertThat(world.stateFile()).as("the card itself").isEqualTo("world_card.png");
        assertThat(str(world.state(), "metadata", "name")).isEqualTo(str(expected, "world", "name"));
        assertThat(world.worldId()).isEqualTo("Saltmarsh_Harbor"); // CardShark's re.sub(r'[^\w\-]+', '_', name)
        assertThat(str(world.state(), "name")).isEqualTo(world.worldId());
        assertThat(str(world.metadata(), "uuid")).isEqualTo(str(expected, "world", "uuid"));
        StateValidity.assertShapeH(world.state());
    }

    @Test
    void roomsExitsNpcsEventsPlayerAndVisitsAreAsExpected() {
        ExpectedV2World.assertMatches(world.state(), obj(expected, "world"));
    }

    @Test
    void roomImagePathsBecomeBackgroundsAndTheirAbsenceIsReported() {
        JsonObject images = obj(expected, "images", "room_image_paths");
        for (Map.Entry<String, Json> e : images.asMap().entrySet()) {
            JsonObject location = locationOf(e.getKey());
            assertThat(at(location, "background")).isEqualTo(e.getValue());
            boolean named = e.getValue() instanceof JsonString;
            assertThat(world.warnings().stream().anyMatch(w -> w.contains("room \"" + e.getKey() + "\"")))
                    .as("a warning for %s", e.getKey()).isEqualTo(named);
        }
        assertThat(world.warnings()).hasSize(2).allMatch(w -> w.contains("is not in the card"));
        assertThat(LaterSamples.arr(expected, "images", "inside_sample")).isEmpty();
    }

    @Test
    void keepsTheCardByteForByteAsOriginalAndAsCover() {
        assertThat(world.files()).extracting(ConvertedFile::path)
                .containsExactly("cardshark-original/world_card.png", "world_card.png");
        for (ConvertedFile f : world.files()) {
            assertThat(f.bytes()).isEqualTo(png);
        }
    }

    @Test
    void theCardReaderSeesTheChunksCardSharkWrote() {
        PngChunks chunks = PngChunks.read(png, Origin.file(file), PngChunks.Limits.DEFAULT);
        assertThat(chunks.chunks()).extracting(PngChunks.Chunk::type)
                .containsExactlyElementsOf(LaterSamples.arr(expected, "png", "chunks", "chunk_order").stream()
                        .map(j -> ((JsonString) j).value()).toList());
        Json text = LaterSamples.arr(expected, "png", "chunks", "text_chunks").get(0);
        PngChunks.TextChunk chara = chunks.texts("chara").get(0);
        assertThat(chara.chunk().length()).isEqualTo(LaterSamples.num(text, "length"));
        assertThat(chara.text()).startsWith(str(text, "value_prefix"));
        CharacterCard card = CharacterCard.fromChunks(chunks, Origin.file(file));
        assertThat(card.json().keys()).containsExactlyElementsOf(strings(LaterSamples.arr(expected, "card", "top_level_keys")));
        assertThat(obj(card.json(), "data").keys()).containsExactlyElementsOf(strings(LaterSamples.arr(expected, "card", "data_keys")));
        assertThat(card.characterUuid()).isEqualTo(str(expected, "card", "character_uuid"));
        assertThat(card.cardType()).isEqualTo(str(expected, "card", "extensions_card_type"));
    }

    private JsonObject locationOf(String roomId) {
        return (JsonObject) obj(world.state(), "locations").asMap().values().stream()
                .filter(l -> roomId.equals(str(l, "location_id"))).findFirst().orElseThrow();
    }

    private static List<String> strings(List<Json> values) {
        return values.stream().map(j -> ((JsonString) j).value()).toList();
    }
}
