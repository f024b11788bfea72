package io.cardshark.worlds.internal.forms;

import static io.cardshark.worlds.testing.LaterSamples.FORM_R;
import static io.cardshark.worlds.testing.LaterSamples.arr;
import static io.cardshark.worlds.testing.LaterSamples.at;
import static io.cardshark.worlds.testing.LaterSamples.obj;
import static io.cardshark.worlds.testing.LaterSamples.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardshark.worlds.folder.WorldForm;
import io.cardshark.worlds.folder.FolderFormatException;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.testing.LaterSamples;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Form R (7ed7471 rooms array) against what CardShark's own readers found for the sample (expected.json). */
class RoomsArrayFormTest {

    private static final String FILE = "worlds/Riverside_Mill/world_state.json";
    private static final String CARDSHARK_CONVERSION =
            "6e443fa POST /api/world-cards/{id}/state (save_world_state_api rooms[]->locations{} conversion) then GET";

    private final byte[] original = LaterSamples.bytes(FORM_R, FILE);
    private final JsonObject expected = LaterSamples.expected(FORM_R);
    private final ConvertedWorld world = RoomsArrayForm.convert("Riverside_Mill",
            (JsonObject) JsonReader.read(original).value(), original);

    @Test
    void namesTheWorldAndTheForm() {
        assertThat(world.worldId()).isEqualTo("Riverside_Mill");
        assertThat(world.form()).isEqualTo(WorldForm.SHAPE_R);
        assertThat(world.formVersion()).isEqualTo("1");
        assertThat(world.stateFile()).isEqualTo("world_state.json");
        assertThat(str(world.state(), "name")).isEqualTo("Riverside_Mill");
        assertThat(str(world.state(), "metadata", "name")).isEqualTo(str(expected, "world", "name"));
        assertThat(str(world.state(), "metadata", "description")).isEqualTo(str(expected, "world", "description"));
        assertThat(world.metadata().keys()).containsExactly("name", "description");
        StateValidity.assertShapeH(world.state());
    }

    @Test
    void everyRoomIsALocationWhereCardSharksConversionPutIt() {
        JsonObject cardshark = obj(expected, "cardshark_readers", CARDSHARK_CONVERSION, "locations");
        JsonObject locations = obj(world.state(), "locations");
        assertThat(locations.keys()).containsExactlyElementsOf(cardshark.keys());
        for (Map.Entry<String, Json> e : cardshark.asMap().entrySet()) {
            JsonObject mine = obj(locations, e.getKey());
            assertThat(str(mine, "location_id")).isEqualTo(str(e.getValue(), "location_id"));
            assertThat(str(mine, "name")).isEqualTo(str(e.getValue(), "name"));
            assertThat(at(mine, "coordinates")).isEqualTo(at(e.getValue(), "coordinates"));
            assertThat(at(mine, "explicit_exits")).as("neighbors {} are no exits").isEqualTo(at(e.getValue(), "explicit_exits"));
            assertThat(at(mine, "background")).isEqualTo(at(e.getValue(), "background"));
        }
    }

    @Test
    void roomsKeepTheirDescriptionsAndNpcCardPaths() {
        for (Json room : arr(expected, "rooms")) {
            JsonObject location = locationOf(str(room, "id"));
            assertThat(str(location, "description")).isEqualTo(str(room, "description"));
            List<String> paths = arr(room, "npcs").stream().map(n -> str(n, "path")).toList();
            assertThat(arr(location, "npcs")).map(n -> ((JsonString) n).value()).containsExactlyElementsOf(paths)
                    .doesNotContain(""); // CardShark's readers turned them into "", which is not copied
        }
    }

    @Test
    void currentRoomIsThePositionAndThereAreNoVisitsEventsOrStats() {
        String current = str(expected, "player", "current_position");
        assertThat(str(world.state(), "current_position")).isEqualTo(keyOf(current));
        assertThat(arr(world.state(), "visited_positions")).isEmpty();
        JsonObject defaults = obj(expected, "cardshark_readers",
                "dcf8b76 backend/utils/world_state_migration.py load_world_state_with_migration", "v2_player");
        for (String stat : List.of("health", "stamina", "level", "experience")) {
            assertThat(at(world.state(), "player", stat)).as(stat).isEqualTo(at(defaults, stat));
        }
        for (Json location : obj(world.state(), "locations").asMap().values()) {
            assertThat(arr(location, "events")).isEmpty();
        }
        assertThat(world.warnings()).isEmpty();
    }

    @Test
    void keepsTheOriginalByteForByte() {
        assertThat(world.files()).hasSize(1);
        assertThat(world.file("cardshark-original/world_state.json")).get()
                .satisfies(f -> assertThat(f.bytes()).isEqualTo(original));
    }

    @Test
    void aRoomWithoutCoordinatesIsKeptUnderItsIdNotAtTheOrigin() {
        String text = "{\"name\": \"Lost\", \"rooms\": [{\"id\": \"a\", \"name\": \"A\", \"x\": 0, \"y\": 0},"
                + " {\"id\": \"b\", \"name\": \"B\", \"neighbors\": {\"N\": \"a\", \"E\": \"zz\"}}], \"current_position\": \"b\"}";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ConvertedWorld w = RoomsArrayForm.convert("Lost", (JsonObject) JsonReader.read(bytes).value(), bytes);
        assertThat(obj(w.state(), "locations").keys()).containsExactly("0,0,0", "b");
        assertThat(at(w.state(), "locations", "b", "coordinates")).isEqualTo(JsonNull.INSTANCE);
        assertThat(str(w.state(), "locations", "b", "explicit_exits", "north", "target_coordinates")).isEqualTo("0,0,0");
        assertThat(str(w.state(), "current_position")).isEqualTo("b");
        assertThat(w.warnings()).hasSize(2)
                .anyMatch(m -> m.contains("room \"b\" (B) has no coordinates"))
                .anyMatch(m -> m.contains("room \"b\" (B): the east exit leads to room \"zz\""));
        StateValidity.assertShapeH(w.state());
    }

    @Test
    void refusesANonIntegerCoordinateNamingThePointer() {
        byte[] bytes = "{\"name\": \"X\", \"rooms\": [{\"id\": \"a\", \"name\": \"A\", \"x\": 1.5, \"y\": 0}]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RoomsArrayForm.convert("X", (JsonObject) JsonReader.read(bytes).value(), bytes))
                .isInstanceOf(FolderFormatException.class)
                .hasMessageContaining("X/world_state.json at /rooms/0/x: expected an integer, found the number 1.5");
    }

    private JsonObject locationOf(String id) {
        return obj(world.state(), "locations", keyOf(id));
    }

    /** The key CardShark's conversion gave the room with this id (expected.json). */
    private String keyOf(String id) {
        JsonObject cardshark = obj(expected, "cardshark_readers", CARDSHARK_CONVERSION, "locations");
        return cardshark.asMap().entrySet().stream().filter(e -> id.equals(str(e.getValue(), "location_id")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }
}
