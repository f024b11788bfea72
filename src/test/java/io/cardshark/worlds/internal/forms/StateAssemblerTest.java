package io.cardshark.worlds.internal.forms;

import static io.cardshark.worlds.internal.forms.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonPointer;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.testing.LaterSamples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The room-to-location mapping the four forms share: keys, collisions, exits, position and visits. */
class StateAssemblerTest {

    private static final Node SOURCE = Node.root(Origin.file(Path.of("w", "world_state.json")), JsonObject.EMPTY);

    private static RoomDraft room(String id, GridPos pos, Map<String, String> exits) {
        return new RoomDraft(new Node(SOURCE.origin(), JsonPointer.of("rooms", id), null), id, id.toUpperCase(), "",
                null, pos, List.of(), exits, List.of(), null);
    }

    private static WorldDraft world(String current, List<String> visits, RoomDraft... rooms) {
        return new WorldDraft(StateMetadata.of("W", JsonObject.EMPTY), List.of(rooms), current, null, visits,
                PlayerStats.of(null, null, null, null));
    }

    @Test
    void twoRoomsOnOneCellAreBothKept() {
        List<String> warnings = new ArrayList<>();
        JsonObject state = StateAssembler.assemble("W", world("b", List.of("a", "b", "zz"),
                room("a", new GridPos(0, 0), Map.of("east", "b")), room("b", new GridPos(0, 0), Map.of())), warnings);
        JsonObject locations = (JsonObject) state.get("locations");
        assertThat(locations.keys()).containsExactly("0,0,0", "b");
        assertThat(LaterSamples.at(state, "locations", "0,0,0", "explicit_exits", "east", "target_coordinates"))
                .as("b is not at its cell's key").isEqualTo(JsonNull.INSTANCE);
        assertThat(state.get("current_position")).isEqualTo(new JsonString("b"));
        assertThat(LaterSamples.arr(state, "visited_positions")).containsExactly(new JsonString("0,0,0"), new JsonString("b"));
        assertThat(warnings).containsExactly(
                "room \"b\" (B) is on the cell (0, 0) of room \"a\" (A); kept under the key \"b\" with its coordinates",
                "the visited room \"zz\" is not in the world; the visit is left out");
        StateValidity.assertShapeH(state);
    }

    @Test
    void anUnknownCurrentRoomFallsBackToTheDefaultPosition() {
        List<String> warnings = new ArrayList<>();
        JsonObject state = StateAssembler.assemble("W", world("nowhere", List.of(), room("a", new GridPos(2, -3), Map.of())), warnings);
        assertThat(state.get("current_position")).isEqualTo(new JsonString("0,0,0"));
        assertThat(((JsonObject) state.get("locations")).keys()).containsExactly("2,-3,0");
        assertThat(warnings).singleElement().asString().contains("current room \"nowhere\" is not in the world");
    }

    @Test
    void aRepeatedRoomIdIsRefusedNamingBothPlaces() {
        assertRefused(() -> StateAssembler.assemble("W", world(null, List.of(),
                        room("a", new GridPos(0, 0), Map.of()), room("a", new GridPos(1, 0), Map.of())), new ArrayList<>()),
                "w/world_state.json at /rooms/a", "the room id \"a\" is used again (first at /rooms/a)");
    }

    @Test
    void writesEveryFieldOfTheStoresTablesInOrder() {
        JsonObject state = StateAssembler.assemble("W", world(null, List.of(), room("a", new GridPos(0, 0), Map.of("north", "a"))),
                new ArrayList<>());
        assertThat(state.keys()).containsExactly("name", "version", "current_position", "visited_positions", "locations",
                "unconnected_locations", "player", "base_character_id", "metadata");
        assertThat(LaterSamples.obj(state, "locations", "0,0,0").keys()).containsExactly("name", "coordinates", "location_id",
                "description", "introduction", "zone_id", "room_type", "notes", "background", "events", "npcs",
                "explicit_exits", "lore_source", "connected");
        assertThat(LaterSamples.obj(state, "locations", "0,0,0", "explicit_exits", "north").keys()).containsExactly(
                "target_coordinates", "target_location_id", "name", "description", "locked", "key_item_id");
        assertThat(LaterSamples.obj(state, "player").keys()).containsExactly("health", "stamina", "level", "experience");
        assertThat(LaterSamples.obj(state, "metadata").keys()).containsExactly("name", "version");
    }
}
