package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonBool;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads CardShark's version-2 world (a151ac3 {@code backend/models/world_state.py} {@code WorldState},
 * {@code schema_version: 2}): the world inside a V2 world card and inside a format-1 ZIP export.
 *
 * <p>Mapping: each room becomes a location at its {@code position} ({@link GridPos}; a room without one is
 * handled as {@link StateAssembler} says); {@code connections} (north/south/east/west → room id, null for none)
 * become exits; {@code npcs} (character uuids) stay uuids; {@code introduction_text} becomes
 * {@code introduction}; {@code image_path} becomes the background file name (its last path segment, the name
 * the ZIP exporter gives the image, {@code images/<name>}); each event {@code {id, type, trigger, data}} becomes
 * an event definition {@code {id, trigger, description, conditions, cooldown}} followed by the event's other
 * keys ({@code type}, {@code data}), which the store keeps; the player's {@code current_room} is the position;
 * {@code visited_rooms} in order, then any other room marked {@code visited}, are the visits; the four stats are
 * the player. {@code inventory} and {@code grid_size} have no place in the store's model and stay in the
 * original file.
 */
final class V2World {

    static final List<String> SUPPORTED = List.of("2");

    /** The event definition fields written first; the event's other keys follow them. */
    private static final Set<String> DEFINITION_FIELDS = Set.of("id", "trigger", "description", "conditions", "cooldown");

    /**
     * A world read.
     *
     * @param version     the {@code schema_version} token
     * @param displayName {@code metadata.name}
     * @param metadata    the source's {@code metadata} object, verbatim
     */
    record Read(String version, String displayName, JsonObject metadata, WorldDraft draft) {
    }

    private V2World() {
    }

    /** Reads a {@code schema_version: 2} world; {@code warnings} receives image names that cannot be files. */
    static Read read(Node world, List<String> warnings) {
        world.object();
        String version = Versions.require(world.get("schema_version"), "schema_version", SUPPORTED);
        Node meta = world.get("metadata");
        JsonObject metadata = meta.object();
        String displayName = meta.get("name").string();
        if (displayName.isEmpty()) {
            throw meta.get("name").refuse("a non-empty world name");
        }
        if (world.get("rooms").isNullOrAbsent()) {
            throw world.get("rooms").refuse("an array of rooms");
        }
        List<RoomDraft> rooms = new ArrayList<>();
        Set<String> markedVisited = new LinkedHashSet<>();
        for (Node room : world.get("rooms").elementsOrEmpty()) {
            RoomDraft draft = room(room, warnings);
            rooms.add(draft);
            if (room.get("visited").value() instanceof JsonBool b && b.value()) {
                markedVisited.add(draft.id());
            }
        }
        Node player = world.get("player");
        String current = player.get("current_room").stringOrNull();
        List<String> visited = visits(player.get("visited_rooms"), markedVisited);
        WorldDraft draft = new WorldDraft(StateMetadata.of(displayName, metadata), rooms,
                current == null || current.isEmpty() ? null : current, null, visited, PlayerStats.of(player));
        return new Read(version, displayName, metadata, draft);
    }

    private static RoomDraft room(Node room, List<String> warnings) {
        room.object();
        String id = room.get("id").string();
        String name = room.get("name").string();
        String imagePath = room.get("image_path").stringOrNull();
        String background = RoomImages.fileName(imagePath);
        if (imagePath != null && background == null) {
            warnings.add("room \"" + id + "\" (" + name + "): image_path \"" + imagePath
                    + "\" gives no usable file name; the background is left null");
        }
        return new RoomDraft(room, id, name, room.get("description").stringOr(""),
                room.get("introduction_text").stringOrNull(), GridPos.of(room.get("position")),
                strings(room.get("npcs")), connections(room.get("connections")), events(room.get("events")), background);
    }

    private static Map<String, String> connections(Node connections) {
        Map<String, String> exits = new LinkedHashMap<>();
        if (connections.isNullOrAbsent()) {
            return exits;
        }
        for (String direction : connections.object().keys()) {
            String target = connections.get(direction).stringOrNull();
            if (target != null) {
                exits.put(direction, target);
            }
        }
        return exits;
    }

    private static List<JsonObject> events(Node events) {
        List<JsonObject> definitions = new ArrayList<>();
        for (Node event : events.elementsOrEmpty()) {
            JsonObject source = event.object();
            JsonObject.Builder d = JsonObject.builder()
                    .put("id", new JsonString(event.get("id").string()))
                    .put("trigger", new JsonString(event.get("trigger").string()))
                    .put("description", new JsonString(event.get("description").stringOr("")))
                    .put("conditions", JsonNull.INSTANCE)
                    .put("cooldown", JsonNull.INSTANCE);
            for (Map.Entry<String, Json> e : source.asMap().entrySet()) {
                if (!DEFINITION_FIELDS.contains(e.getKey())) {
                    d.put(e.getKey(), e.getValue());
                }
            }
            definitions.add(d.build());
        }
        return definitions;
    }

    private static List<String> visits(Node visitedRooms, Set<String> markedVisited) {
        List<String> visits = new ArrayList<>(strings(visitedRooms));
        for (String id : markedVisited) {
            if (!visits.contains(id)) {
                visits.add(id);
            }
        }
        return visits;
    }

    static List<String> strings(Node array) {
        return array.elementsOrEmpty().stream().map(Node::string).toList();
    }
}
