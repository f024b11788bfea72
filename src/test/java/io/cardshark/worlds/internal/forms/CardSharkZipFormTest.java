package io.cardshark.worlds.internal.forms;

import static io.cardshark.worlds.testing.LaterSamples.CARDSHARK_ZIP;
import static io.cardshark.worlds.testing.LaterSamples.arr;
import static io.cardshark.worlds.testing.LaterSamples.at;
import static io.cardshark.worlds.testing.LaterSamples.key;
import static io.cardshark.worlds.testing.LaterSamples.obj;
import static io.cardshark.worlds.testing.LaterSamples.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardshark.worlds.folder.WorldForm;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonWriter;
import io.cardshark.worlds.testing.LaterSamples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dfdeec8 .cardshark.zip against what CardShark's own readers found for the sample (expected.json). */
class CardSharkZipFormTest {

    private final Path archive = LaterSamples.path(CARDSHARK_ZIP, "world.cardshark.zip");
    private final JsonObject expected = LaterSamples.expected(CARDSHARK_ZIP);
    private final Map<String, byte[]> entries = LaterSamples.zipEntries(archive);
    private final ConvertedWorld world = CardSharkZipForm.convert(archive, SafeZip.read(archive));

    @Test
    void namesTheWorldAndTheForm() {
        assertThat(world.form()).isEqualTo(WorldForm.CARDSHARK_ZIP);
        assertThat(world.formVersion()).isEqualTo("2.0");
        assertThat(world.stateFile()).isEqualTo("world.png");
        assertThat(world.worldId()).isEqualTo("Ironwood_Keep");
        JsonObject meta = obj(world.state(), "metadata");
        assertThat(str(meta, "name")).isEqualTo(str(expected, "world", "name"));
        assertThat(str(meta, "description")).isEqualTo(str(expected, "world", "description"));
        assertThat(str(meta, "uuid")).isEqualTo(str(expected, "world", "character_uuid"))
                .isEqualTo(str(expected, "world", "world_data_uuid"));
        assertThat(at(world.metadata(), "first_mes")).isEqualTo(at(expected, "world", "first_mes"));
        assertThat(at(world.metadata(), "tags")).isEqualTo(at(expected, "world", "tags"));
        StateValidity.assertShapeH(world.state());
    }

    @Test
    void everyPlacementIsALocationAtItsGridPosition() {
        List<Json> rooms = arr(expected, "rooms");
        assertThat(obj(world.state(), "locations").keys())
                .containsExactlyElementsOf(rooms.stream().map(r -> key(at(r, "grid_position"))).toList());
        for (Json room : rooms) {
            JsonObject location = obj(world.state(), "locations", key(at(room, "grid_position")));
            assertThat(str(location, "location_id")).isEqualTo(str(room, "room_uuid"));
            assertThat(str(location, "name")).isEqualTo(str(room, "name"));
            assertThat(str(location, "description")).isEqualTo(str(room, "description"));
            assertThat(at(location, "introduction")).isEqualTo(at(room, "introduction_text"));
            assertThat(at(location, "coordinates"))
                    .isEqualTo(JsonArray.of(JsonNumber.of(num(room, "x")), JsonNumber.of(num(room, "y")), JsonNumber.of(0)));
        }
    }

    @Test
    void exitsAreTheGridNeighboursCardSharkDerives() {
        List<Json> rooms = arr(expected, "rooms");
        for (Json room : rooms) {
            JsonObject exits = obj(world.state(), "locations", key(at(room, "grid_position")), "explicit_exits");
            JsonObject expectedExits = obj(room, "exits");
            assertThat(exits.keys()).containsExactlyElementsOf(expectedExits.keys());
            for (Map.Entry<String, Json> e : expectedExits.asMap().entrySet()) {
                String target = ((JsonString) e.getValue()).value();
                assertThat(str(exits, e.getKey(), "target_location_id")).isEqualTo(target);
                Json targetRoom = rooms.stream().filter(r -> target.equals(str(r, "room_uuid"))).findFirst().orElseThrow();
                assertThat(str(exits, e.getKey(), "target_coordinates")).isEqualTo(key(at(targetRoom, "grid_position")));
            }
        }
    }

    @Test
    void npcsAreThePlacementsEffectiveListAsUuids() {
        for (Json room : arr(expected, "rooms")) {
            List<String> npcs = arr(room, "effective_npcs").stream().map(n -> str(n, "character_uuid")).toList();
            assertThat(arr(world.state(), "locations", key(at(room, "grid_position")), "npcs"))
                    .map(n -> ((JsonString) n).value()).containsExactlyElementsOf(npcs);
        }
        assertThat(arr(expected, "npc_references_without_card_in_zip")).isEmpty();
        assertThat(world.warnings()).isEmpty();
    }

    @Test
    void theArchivesOwnUuidsStayTheIdentityNotThoseOfCardSharksImport() {
        String state = JsonWriter.toCompactString(world.state());
        List<String> reissued = new ArrayList<>();
        for (Json p : arr(expected, "cardshark_import_result", "placements_after_import")) {
            reissued.add(str(p, "room_uuid"));
        }
        reissued.add(str(expected, "cardshark_import_result", "new_world_uuid"));
        assertThat(reissued).isNotEmpty().allSatisfy(uuid -> assertThat(state).doesNotContain(uuid));
        for (Json uuid : arr(expected, "npc_references")) {
            assertThat(state).contains(((JsonString) uuid).value());
        }
    }

    @Test
    void playerStartsAtPlayerPositionWithDefaultStats() {
        assertThat(str(world.state(), "current_position")).isEqualTo(key(at(expected, "player", "player_position")));
        assertThat(str(world.state(), "locations", str(world.state(), "current_position"), "location_id"))
                .isEqualTo(str(expected, "player", "current_room_uuid"));
        assertThat(arr(world.state(), "visited_positions")).isEmpty();
        assertThat(at(world.state(), "player")).isEqualTo(JsonObject.builder()
                .put("health", JsonNumber.of(100)).put("stamina", JsonNumber.of(100))
                .put("level", JsonNumber.of(1)).put("experience", JsonNumber.of(0)).build());
    }

    @Test
    void roomCardsAreTheRoomImagesAndEveryEntryIsKeptByteForByte() {
        for (Json room : arr(expected, "rooms")) {
            String entry = str(room, "zip_entry");
            String file = entry.substring("rooms/".length());
            assertThat(str(world.state(), "locations", key(at(room, "grid_position")), "background")).isEqualTo(file);
            assertThat(world.file("images/backgrounds/" + file)).get().satisfies(f -> assertThat(f.bytes()).isEqualTo(entries.get(entry)));
            assertThat(at(room, "instance_image_path")).isEqualTo(JsonNull.INSTANCE);
        }
        assertThat(entries.keySet()).containsExactlyElementsOf(arr(expected, "zip", "entries").stream().map(e -> str(e, "name")).toList());
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            assertThat(world.file("cardshark-original/" + e.getKey())).as(e.getKey()).get()
                    .satisfies(f -> assertThat(f.bytes()).isEqualTo(e.getValue()));
        }
        assertThat(world.file("world_card.png")).get().satisfies(f -> assertThat(f.bytes()).isEqualTo(entries.get("world.png")));
    }

    private static long num(Json room, String axis) {
        return LaterSamples.num(room, "grid_position", axis);
    }
}
