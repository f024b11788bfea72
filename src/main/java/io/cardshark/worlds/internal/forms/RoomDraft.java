package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.internal.json.JsonObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One room of a source world in the terms all four forms share, read but not yet a location: the one place
 * where the forms meet, so that the room-to-location mapping ({@link StateAssembler}) is written once.
 *
 * @param source       where the room is described, for errors (a duplicate id)
 * @param id           the room's own id or uuid, kept as {@code location_id}
 * @param introduction the text shown on entering, or {@code null}
 * @param position     the room's map cell, or {@code null} when the source gives it none
 * @param npcs         NPC references as the form has them: character uuids or card paths
 * @param exits        direction (lower case, as CardShark names them) to target room id, in the source's order
 * @param events       location event definitions, already in the store's shape
 * @param background   the room image's file name under {@code images/backgrounds/}, or {@code null}
 */
record RoomDraft(Node source, String id, String name, String description, String introduction, GridPos position,
                 List<String> npcs, Map<String, String> exits, List<JsonObject> events, String background) {

    RoomDraft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        npcs = List.copyOf(npcs);
        exits = Collections.unmodifiableMap(new LinkedHashMap<>(exits));
        events = List.copyOf(events);
    }

    /** {@code room "room-3" (Riverbank)}, how warnings name a room. */
    String label() {
        return "room \"" + id + "\" (" + name + ")";
    }

    RoomDraft withNpcs(List<String> replaced) {
        return new RoomDraft(source, id, name, description, introduction, position, replaced, exits, events, background);
    }

    RoomDraft withExits(Map<String, String> replaced) {
        return new RoomDraft(source, id, name, description, introduction, position, npcs, replaced, events, background);
    }
}
