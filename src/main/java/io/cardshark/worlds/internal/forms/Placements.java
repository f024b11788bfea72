package io.cardshark.worlds.internal.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the placements of a {@code .cardshark.zip} world card ({@code world_data.rooms}: {@code room_uuid},
 * {@code grid_position}, {@code instance_name/description/npcs/image_path}) into rooms, as CardShark's play
 * view builds them (dfdeec8 {@code roomCardToGridRoom}): name, description and introduction ({@code first_mes})
 * from the room card; NPCs from the placement's {@code instance_npcs} when it has a list (an empty list too),
 * else from the card's {@code room_data.npcs}, as character uuids; the room card's own image as the background.
 *
 * <p>The archive's uuids are the identity: the room id is the placement's {@code room_uuid}, NPC references stay
 * the uuids written. A placement whose card is missing keeps its cached name, description and NPCs, with a
 * warning; an {@code instance_image_path} points into {@code world_assets/}, which is not exported: warned,
 * and the room card's image is used instead.
 */
final class Placements {

    private Placements() {
    }

    static List<RoomDraft> rooms(Node worldData, RoomCards cards, List<String> warnings) {
        List<RoomDraft> rooms = new ArrayList<>();
        Node placements = worldData.get("rooms");
        for (Node placement : placements.elementsOrEmpty()) {
            placement.object();
            String roomUuid = placement.get("room_uuid").string();
            RoomCards.Card card = cards.find(roomUuid);
            RoomDraft room = card == null ? fromPlacement(placement, roomUuid) : fromCard(placement, roomUuid, card);
            if (card == null) {
                warnings.add(room.label() + ": its room card is not in the archive; the room keeps the placement's"
                        + " cached name, description and NPCs");
            }
            String instanceImage = placement.get("instance_image_path").stringOrNull();
            if (instanceImage != null) {
                warnings.add(room.label() + ": instance image \"" + instanceImage + "\" is in CardShark's world_assets/,"
                        + " which the export does not contain; the background is the room card's own image");
            }
            rooms.add(room);
        }
        return rooms;
    }

    private static RoomDraft fromCard(Node placement, String roomUuid, RoomCards.Card card) {
        Node data = card.card().data();
        Node instanceNpcs = placement.get("instance_npcs");
        List<String> npcs = npcUuids(instanceNpcs.isNullOrAbsent() ? card.roomData().get("npcs") : instanceNpcs);
        return new RoomDraft(placement, roomUuid, data.get("name").string(), data.get("description").stringOr(""),
                data.get("first_mes").stringOrNull(), GridPos.of(placement.get("grid_position")), npcs, Map.of(),
                List.of(), RoomImages.fileName(card.entry()));
    }

    private static RoomDraft fromPlacement(Node placement, String roomUuid) {
        return new RoomDraft(placement, roomUuid, placement.get("instance_name").stringOr("Unknown Room"),
                placement.get("instance_description").stringOr(""), null, GridPos.of(placement.get("grid_position")),
                npcUuids(placement.get("instance_npcs")), Map.of(), List.of(), null);
    }

    /** The {@code character_uuid} of each NPC assignment ({@code {character_uuid, role, hostile, ...}}). */
    private static List<String> npcUuids(Node npcs) {
        return npcs.elementsOrEmpty().stream().map(n -> n.get("character_uuid").string()).toList();
    }
}
