package io.cardshark.worlds.internal.forms;

import static io.cardshark.worlds.testing.LaterSamples.ZIP_1;
import static io.cardshark.worlds.testing.LaterSamples.arr;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bf1064a format-1 ZIP export against what CardShark's own readers found for the sample (expected.json). */
class ZipFormat1FormTest {

    private final Path archive = LaterSamples.path(ZIP_1, "world.zip");
    private final JsonObject expected = LaterSamples.expected(ZIP_1);
    private final Map<String, byte[]> entries = LaterSamples.zipEntries(archive);
    private final ConvertedWorld world = ZipFormat1Form.convert(archive, SafeZip.read(archive));

    @Test
    void namesTheWorldAndTheForm() {
        assertThat(world.form()).isEqualTo(WorldForm.ZIP_FORMAT_1);
        assertThat(world.formVersion()).isEqualTo(((JsonNumber) at(expected, "world_meta", "format_version")).token());
        assertThat(world.stateFile()).isEqualTo("world_state.json");
        assertThat(world.worldId()).isEqualTo("Saltmarsh_Harbor");
        assertThat(str(world.state(), "metadata", "name")).isEqualTo(str(expected, "world_meta", "name"));
        assertThat(world.metadata()).as("world_meta.json, verbatim").isEqualTo(obj(expected, "world_meta"));
        assertThat(str(world.state(), "metadata", "uuid")).as("the uuid CardShark's import keeps")
                .isEqualTo(str(expected, "cardshark_import_result", "response", "world_uuid"));
        StateValidity.assertShapeH(world.state());
    }

    @Test
    void roomsExitsNpcsEventsPlayerAndVisitsAreAsExpected() {
        ExpectedV2World.assertMatches(world.state(), obj(expected, "world"));
    }

    @Test
    void roomImagesAreBackgroundFilesByteForByte() {
        for (Map.Entry<String, Json> e : obj(expected, "room_images").asMap().entrySet()) {
            String image = str(e.getValue(), "image_path");
            JsonObject location = (JsonObject) obj(world.state(), "locations").asMap().values().stream()
                    .filter(l -> e.getKey().equals(str(l, "location_id"))).findFirst().orElseThrow();
            assertThat(str(location, "background")).isEqualTo(image);
            assertThat(world.file("images/backgrounds/" + image)).get()
                    .satisfies(f -> assertThat(f.bytes()).isEqualTo(entries.get(str(e.getValue(), "zip_entry"))));
        }
        assertThat(world.file("world_card.png")).get().satisfies(f -> assertThat(f.bytes()).isEqualTo(entries.get("cover.png")));
    }

    @Test
    void everyEntryIsKeptByteForByteAsAnOriginal() {
        assertThat(entries.keySet()).containsExactlyElementsOf(arr(expected, "zip", "entries").stream()
                .map(e -> str(e, "name")).toList());
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            assertThat(world.file("cardshark-original/" + e.getKey())).as(e.getKey()).get()
                    .satisfies(f -> assertThat(f.bytes()).isEqualTo(e.getValue()));
        }
        assertThat(world.files()).hasSize(entries.size() + 3); // + two backgrounds and the cover
    }

    @Test
    void everyNpcHasItsCardSoThereAreNoWarnings() {
        assertThat(arr(expected, "npc_references_without_card_in_zip")).isEmpty();
        assertThat(arr(expected, "npcs_present")).map(n -> str(n, "character_uuid"))
                .containsExactlyInAnyOrderElementsOf(arr(expected, "npc_references").stream()
                        .map(j -> ((JsonString) j).value()).toList());
        assertThat(world.warnings()).isEmpty();
    }
}
