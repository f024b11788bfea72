package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonBool;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes the shape-H {@code world_state.json} object of a {@link WorldDraft}: the one room-to-location mapping all
 * four forms share.
 *
 * <p><b>Location keys.</b> A room with a position {@code (x, y)} becomes the location {@code "x,y,0"} with
 * coordinates {@code [x, y, 0]}, as CardShark's own conversion does (6e443fa). A room <i>without</i>
 * coordinates is not given invented ones: CardShark's conversion put it at {@code (0, 0)}
 * ({@code room.get("x", 0)}), where it silently replaced the room already there. Here it is kept under its room
 * id as the key, with {@code "coordinates": null}, and a warning; format §3.3 admits such keys (the store reports
 * them). A room on a cell already taken is kept the same way, with its coordinates. Room ids must be unique.
 *
 * <p><b>Objects written.</b> Every new location, exit and the world itself get every field of their table in
 * the model's order, {@code null} for unset nullable fields (format §3.4), so that CardShark can load them.
 * Exits are named like CardShark's conversion names them ({@code north} → {@code "North"}); an exit to a room
 * that is not in the world is kept, with a warning.
 */
final class StateAssembler {

    static final String DEFAULT_POSITION = "0,0,0";

    private final WorldDraft draft;
    private final List<String> warnings;
    private final Map<String, RoomDraft> byId = new HashMap<>();
    private final Map<String, String> keyById = new HashMap<>();

    private StateAssembler(WorldDraft draft, List<String> warnings) {
        this.draft = draft;
        this.warnings = warnings;
    }

    /** The state; gaps found on the way are added to {@code warnings}. */
    static JsonObject assemble(String worldId, WorldDraft draft, List<String> warnings) {
        return new StateAssembler(draft, warnings).build(worldId);
    }

    private JsonObject build(String worldId) {
        assignKeys();
        JsonObject.Builder locations = JsonObject.builder();
        for (RoomDraft room : draft.rooms()) {
            locations.put(keyById.get(room.id()), location(room));
        }
        return JsonObject.builder()
                .put("name", new JsonString(worldId))
                .put("version", new JsonString("1.0"))
                .put("current_position", new JsonString(currentPosition()))
                .put("visited_positions", visits())
                .put("locations", locations.build())
                .put("unconnected_locations", JsonObject.EMPTY)
                .put("player", draft.player())
                .put("base_character_id", JsonNull.INSTANCE)
                .put("metadata", draft.metadata())
                .build();
    }

    private void assignKeys() {
        Map<String, RoomDraft> byKey = new HashMap<>();
        for (RoomDraft room : draft.rooms()) {
            RoomDraft first = byId.putIfAbsent(room.id(), room);
            if (first != null) {
                throw room.source().problem("the room id \"" + room.id() + "\" is used again (first at "
                        + first.source().at() + "); expected unique room ids");
            }
            String key = keyFor(room, byKey);
            if (byKey.putIfAbsent(key, room) != null) {
                throw room.source().problem("the room id \"" + room.id() + "\" equals the location key of "
                        + byKey.get(key).label() + "; expected distinct keys");
            }
            keyById.put(room.id(), key);
        }
    }

    private String keyFor(RoomDraft room, Map<String, RoomDraft> byKey) {
        GridPos pos = room.position();
        if (pos == null) {
            warnings.add(room.label() + " has no coordinates; kept under the key \"" + room.id() + "\" with coordinates null");
            return room.id();
        }
        RoomDraft occupant = byKey.get(pos.key());
        if (occupant != null) {
            warnings.add(room.label() + " is on the cell " + pos + " of " + occupant.label() + "; kept under the key \""
                    + room.id() + "\" with its coordinates");
            return room.id();
        }
        return pos.key();
    }

    private JsonObject location(RoomDraft room) {
        return JsonObject.builder()
                .put("name", new JsonString(room.name()))
                .put("coordinates", room.position() == null ? JsonNull.INSTANCE : room.position().coordinates())
                .put("location_id", new JsonString(room.id()))
                .put("description", new JsonString(room.description()))
                .put("introduction", stringOrNull(room.introduction()))
                .put("zone_id", JsonNull.INSTANCE)
                .put("room_type", JsonNull.INSTANCE)
                .put("notes", JsonNull.INSTANCE)
                .put("background", stringOrNull(room.background()))
                .put("events", new JsonArray(new ArrayList<>(room.events())))
                .put("npcs", strings(room.npcs()))
                .put("explicit_exits", exits(room))
                .put("lore_source", JsonNull.INSTANCE)
                .put("connected", JsonBool.TRUE)
                .build();
    }

    private JsonObject exits(RoomDraft room) {
        JsonObject.Builder exits = JsonObject.builder();
        room.exits().forEach((direction, target) -> {
            RoomDraft to = byId.get(target);
            if (to == null) {
                warnings.add(room.label() + ": the " + direction + " exit leads to room \"" + target
                        + "\", which is not in the world; the exit is kept as it is");
            }
            exits.put(direction, JsonObject.builder()
                    .put("target_coordinates", stringOrNull(to == null ? null : coordinateKey(to)))
                    .put("target_location_id", new JsonString(target))
                    .put("name", new JsonString(displayName(direction)))
                    .put("description", JsonNull.INSTANCE)
                    .put("locked", JsonBool.FALSE)
                    .put("key_item_id", JsonNull.INSTANCE)
                    .build());
        });
        return exits.build();
    }

    /** The room's key when that key is its coordinates, else {@code null} (a room kept under its id). */
    private String coordinateKey(RoomDraft room) {
        String key = keyById.get(room.id());
        return room.position() != null && room.position().key().equals(key) ? key : null;
    }

    private String currentPosition() {
        String roomId = draft.currentRoomId();
        if (roomId != null) {
            if (keyById.containsKey(roomId)) {
                return keyById.get(roomId);
            }
            if (keyById.containsValue(roomId)) {
                return roomId; // already a location key ("x,y,0")
            }
            warnings.add("the current room \"" + roomId + "\" is not in the world; the position stays at the default \""
                    + DEFAULT_POSITION + "\"");
            return DEFAULT_POSITION;
        }
        GridPos pos = draft.currentPosition();
        if (pos == null) {
            return DEFAULT_POSITION;
        }
        if (!keyById.containsValue(pos.key())) {
            warnings.add("the player's position " + pos + " holds no room; kept as \"" + pos.key() + "\"");
        }
        return pos.key();
    }

    private JsonArray visits() {
        List<Json> keys = new ArrayList<>();
        for (String roomId : draft.visitedRoomIds()) {
            String key = keyById.get(roomId);
            if (key == null) {
                warnings.add("the visited room \"" + roomId + "\" is not in the world; the visit is left out");
            } else {
                keys.add(new JsonString(key));
            }
        }
        return new JsonArray(keys);
    }

    private static String displayName(String direction) {
        return direction.isEmpty() ? direction : direction.substring(0, 1).toUpperCase(Locale.ROOT) + direction.substring(1);
    }

    private static Json stringOrNull(String s) {
        return s == null ? JsonNull.INSTANCE : new JsonString(s);
    }

    private static JsonArray strings(List<String> values) {
        return new JsonArray(values.stream().<Json>map(JsonString::new).toList());
    }
}
