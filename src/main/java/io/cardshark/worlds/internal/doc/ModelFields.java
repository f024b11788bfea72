package io.cardshark.worlds.internal.doc;

import java.util.List;

/**
 * The field lists of CardShark's pydantic models, in the models' order (format spec §3.2). New objects get
 * their fields in this order; import and export use them to tell known keys from unknown ones.
 */
public final class ModelFields {

    /** WorldState. */
    public static final List<String> STATE = List.of("name", "version", "current_position", "visited_positions",
            "locations", "unconnected_locations", "player", "base_character_id", "metadata");
    /** Location: a new connected location gets all of them. */
    public static final List<String> LOCATION = List.of("name", "coordinates", "location_id", "description",
            "introduction", "zone_id", "room_type", "notes", "background", "events", "npcs", "explicit_exits",
            "lore_source", "connected");
    /** UnconnectedLocation. */
    public static final List<String> UNCONNECTED = List.of("location_id", "name", "description", "lore_source");
    /** ExitDefinition. */
    public static final List<String> EXIT = List.of("target_coordinates", "target_location_id", "name",
            "description", "locked", "key_item_id");
    /** EventDefinition. */
    public static final List<String> EVENT = List.of("id", "trigger", "description", "conditions", "cooldown");
    /** PlayerState. */
    public static final List<String> PLAYER = List.of("health", "stamina", "level", "experience");

    private ModelFields() {
    }
}
