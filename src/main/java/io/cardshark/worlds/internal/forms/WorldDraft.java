package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.internal.json.JsonObject;

import java.util.List;

/**
 * A source world read into the shared terms, before {@link StateAssembler} makes the shape-H state of it.
 *
 * @param metadata        the state's {@code metadata} object (see {@link StateMetadata})
 * @param currentRoomId   the room the player is in, by id, or {@code null}
 * @param currentPosition the player's map cell, used when no room id is given, or {@code null}
 * @param visitedRoomIds  the rooms visited, by id, in order
 * @param player          the {@code player} object: health, stamina, level, experience
 */
record WorldDraft(JsonObject metadata, List<RoomDraft> rooms, String currentRoomId, GridPos currentPosition,
                  List<String> visitedRoomIds, JsonObject player) {

    WorldDraft {
        rooms = List.copyOf(rooms);
        visitedRoomIds = List.copyOf(visitedRoomIds);
    }
}
