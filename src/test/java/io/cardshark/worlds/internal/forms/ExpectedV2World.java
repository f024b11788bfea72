package io.cardshark.worlds.internal.forms;

import static io.cardshark.worlds.testing.LaterSamples.arr;
import static io.cardshark.worlds.testing.LaterSamples.at;
import static io.cardshark.worlds.testing.LaterSamples.key;
import static io.cardshark.worlds.testing.LaterSamples.num;
import static io.cardshark.worlds.testing.LaterSamples.obj;
import static io.cardshark.worlds.testing.LaterSamples.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.testing.LaterSamples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a state converted from a V2 world against the {@code world} section of a case's expected.json (the V2
 * card and the format-1 ZIP share it): every room a location at its position, with its exits, NPCs, events and
 * image; the player; the metadata. Expected values come from expected.json only.
 */
final class ExpectedV2World {

    private ExpectedV2World() {
    }

    static void assertMatches(JsonObject state, JsonObject world) {
        List<Json> rooms = arr(world, "rooms");
        assertThat(obj(state, "locations").keys()).as("one location per room, in room order")
                .containsExactlyElementsOf(rooms.stream().map(r -> key(at(r, "position"))).toList());
        for (Json room : rooms) {
            assertRoom(obj(state, "locations", key(at(room, "position"))), room, rooms);
        }
        JsonObject player = obj(world, "player");
        for (String stat : List.of("health", "stamina", "level", "experience")) {
            assertThat(num(state, "player", stat)).as(stat).isEqualTo(num(player, stat));
        }
        assertThat(str(state, "current_position")).isEqualTo(key(at(player, "current_room_position")));
        List<String> visits = new ArrayList<>();
        for (Json id : arr(world, "visited_rooms")) {
            visits.add(key(at(roomById(rooms, ((JsonString) id).value()), "position")));
        }
        assertThat(arr(state, "visited_positions")).map(v -> ((JsonString) v).value()).containsExactlyElementsOf(visits);
        for (String field : List.of("name", "description", "author", "uuid", "created_at", "last_modified")) {
            assertThat(at(state, "metadata", field)).as("metadata." + field).isEqualTo(at(world, field));
        }
    }

    private static void assertRoom(JsonObject location, Json room, List<Json> rooms) {
        String id = str(room, "id");
        assertThat(str(location, "location_id")).isEqualTo(id);
        assertThat(str(location, "name")).isEqualTo(str(room, "name"));
        assertThat(str(location, "description")).isEqualTo(str(room, "description"));
        assertThat(str(location, "introduction")).isEqualTo(str(room, "introduction_text"));
        assertThat(arr(location, "coordinates")).map(c -> ((io.cardshark.worlds.internal.json.JsonNumber) c).token())
                .containsExactly(String.valueOf(num(room, "position", "x")), String.valueOf(num(room, "position", "y")), "0");
        assertThat(arr(location, "npcs")).as(id + " npcs").isEqualTo(arr(room, "npcs"));
        assertExits(obj(location, "explicit_exits"), obj(room, "exits"), rooms, id);
        assertEvents(arr(location, "events"), arr(room, "events"), id);
        Json image = at(room, "image_path");
        assertThat(at(location, "background")).as(id + " background")
                .isEqualTo(image instanceof JsonNull ? JsonNull.INSTANCE : image);
    }

    private static void assertExits(JsonObject exits, JsonObject expected, List<Json> rooms, String id) {
        List<String> directions = new ArrayList<>();
        for (Map.Entry<String, Json> e : expected.asMap().entrySet()) {
            if (e.getValue() instanceof JsonString target) {
                directions.add(e.getKey());
                JsonObject exit = obj(exits, e.getKey());
                assertThat(str(exit, "target_location_id")).as(id + " " + e.getKey()).isEqualTo(target.value());
                assertThat(str(exit, "target_coordinates")).isEqualTo(key(at(roomById(rooms, target.value()), "position")));
                assertThat(str(exit, "name")).isEqualTo(e.getKey().substring(0, 1).toUpperCase(Locale.ROOT) + e.getKey().substring(1));
            }
        }
        assertThat(exits.keys()).as(id + " exits").containsExactlyElementsOf(directions);
    }

    private static void assertEvents(List<Json> events, List<Json> expected, String id) {
        assertThat(events).as(id + " events").hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Json e = expected.get(i);
            Json d = events.get(i);
            assertThat(str(d, "id")).isEqualTo(str(e, "id"));
            assertThat(str(d, "trigger")).isEqualTo(str(e, "trigger"));
            assertThat(at(d, "type")).isEqualTo(at(e, "type"));
            assertThat(at(d, "data")).isEqualTo(at(e, "data"));
            assertThat(at(d, "description")).isInstanceOf(JsonString.class);
        }
    }

    static Json roomById(List<Json> rooms, String id) {
        return rooms.stream().filter(r -> id.equals(str(r, "id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no room " + id + " in expected.json"));
    }
}
