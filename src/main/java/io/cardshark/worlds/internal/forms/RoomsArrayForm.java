package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.folder.WorldForm;
import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.folder.FolderFormatException;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts form R, the rooms-array {@code world_state.json} of CardShark's 7ed7471 World Builder:
 * {@code {name, description, rooms: [{id, name, description, x, y, neighbors, npcs: [{name, path, size,
 * modified}]}], current_position}}.
 *
 * <ul>
 *   <li>{@code worldId}: the world folder's name, given by the caller (7ed7471 wrote
 *   {@code worlds/<re.sub(r'[^\w\-]+', '_', name)>/}); the display name is the JSON {@code name}.
 *   {@code formVersion}: form R declares none; it is "1", the version CardShark's own reader gives it
 *   (dcf8b76 {@code detect_schema_version}).</li>
 *   <li>Rooms: each at {@code (x, y)}, key {@code "x,y,0"}, as CardShark's conversion (6e443fa) does; a room
 *   without x and y is kept under its id ({@link StateAssembler}), not put at (0, 0) as CardShark did.
 *   {@code neighbors} ({@code N/S/E/W} → room id; the 7ed7471 UI never filled it) become exits named north,
 *   south, east, west; {@code {}} means no stored exits.</li>
 *   <li>NPCs: by card path, as the form refers to them ({@code path}); CardShark's later readers turned them into
 *   empty strings (they read {@code character_id}), which is not copied. Name, size and modification time have no
 *   column and stay in the original.</li>
 *   <li>{@code current_position} (a room id) is the position; form R records no visits, events, images or
 *   player stats, so those are empty and CardShark's defaults.</li>
 *   <li>{@code metadata}: the top-level object without {@code rooms} and {@code current_position}. No times are
 *   invented. Files: the original under {@code cardshark-original/world_state.json}.</li>
 * </ul>
 */
public final class RoomsArrayForm {

    static final String FILE = "world_state.json";
    private static final Map<String, String> DIRECTIONS = Map.of("N", "north", "S", "south", "E", "east", "W", "west");

    private RoomsArrayForm() {
    }

    /**
     * Converts a form-R state.
     *
     * @param worldId       the world folder's name, which is the world's id
     * @param state         the parsed {@code world_state.json}
     * @param originalBytes its exact bytes, kept as the original
     */
    public static ConvertedWorld convert(String worldId, JsonObject state, byte[] originalBytes) {
        requireSafeId(worldId, null);
        return convert(Path.of(worldId, FILE), worldId, state, originalBytes);
    }

    /**
     * Converts a form-R state read from {@code file}, which errors name (the file is not read).
     *
     * @param file          the {@code world_state.json} the state was read from
     * @param worldId       the world folder's name, which is the world's id
     * @param state         the parsed {@code world_state.json}
     * @param originalBytes its exact bytes, kept as the original
     */
    public static ConvertedWorld convert(Path file, String worldId, JsonObject state, byte[] originalBytes) {
        requireSafeId(worldId, file.getParent());
        Origin origin = new Origin(worldId, file, null, null);
        Node root = Node.root(origin, state);
        if (!LaterForms.isRoomsArray(state)) {
            throw root.problem("expected a rooms-array world state (a \"rooms\" array, no \"schema_version\" or \"locations\")");
        }
        String displayName = root.get("name").stringOr("");
        List<String> warnings = new ArrayList<>();
        List<RoomDraft> rooms = new ArrayList<>();
        for (Node room : root.get("rooms").elementsOrEmpty()) {
            rooms.add(room(room, warnings));
        }
        JsonObject described = state.without("rooms").without("current_position");
        WorldDraft draft = new WorldDraft(
                StateMetadata.of(displayName.isEmpty() ? worldId : displayName, described.without("name")), rooms,
                root.get("current_position").stringOrNull(), null, List.of(), PlayerStats.of(null, null, null, null));
        JsonObject converted = StateAssembler.assemble(worldId, draft, warnings);
        OutputFiles files = new OutputFiles(origin);
        files.original(FILE, originalBytes);
        return new ConvertedWorld(worldId, WorldForm.SHAPE_R, "1", FILE, converted, described, files.list(), warnings);
    }

    private static void requireSafeId(String worldId, Path folder) {
        String problem = WorldIds.safeSegmentProblem(worldId);
        if (problem != null) {
            throw new FolderFormatException(worldId, folder, FILE, "world id \"" + worldId + "\" " + problem);
        }
    }

    private static RoomDraft room(Node room, List<String> warnings) {
        room.object();
        String id = room.get("id").string();
        String name = room.get("name").string();
        return new RoomDraft(room, id, name, room.get("description").stringOr(""), null,
                GridPos.of(room.get("x"), room.get("y")), npcPaths(room, id, name, warnings), neighbours(room.get("neighbors")),
                List.of(), null);
    }

    private static Map<String, String> neighbours(Node neighbors) {
        Map<String, String> exits = new LinkedHashMap<>();
        if (neighbors.isNullOrAbsent()) {
            return exits;
        }
        for (String key : neighbors.object().keys()) {
            String target = neighbors.get(key).stringOrNull();
            if (target != null) {
                exits.put(DIRECTIONS.getOrDefault(key.toUpperCase(Locale.ROOT), key.toLowerCase(Locale.ROOT)), target);
            }
        }
        return exits;
    }

    /** Each NPC's card path; a plain string is taken as a path, an object without one is left out with a warning. */
    private static List<String> npcPaths(Node room, String id, String name, List<String> warnings) {
        List<String> paths = new ArrayList<>();
        for (Node npc : room.get("npcs").elementsOrEmpty()) {
            String path = npc.value() instanceof JsonString s ? s.value()
                    : npc.get("path").stringOrNull();
            if (path == null) {
                warnings.add("room \"" + id + "\" (" + name + "): the NPC at " + npc.at() + " has no card path; it is left out");
            } else {
                paths.add(path);
            }
        }
        return paths;
    }
}
