package io.cardshark.worlds.internal.forms;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The room cards of a {@code .cardshark.zip} ({@code rooms/<file>.png}, card_type {@code room}), found by the
 * uuid a placement names. A room card is known by {@code data.character_uuid} (dfdeec8
 * {@code roomCardToGridRoom}: {@code character_uuid || room_data.uuid}); since CardShark's own import rewrites
 * only {@code character_uuid} and leaves {@code room_data.uuid} at the old value, a card whose two uuids differ is
 * reported, and a placement may still find it by the old one.
 */
final class RoomCards {

    /** One room card: its entry, its decoded card and the uuid it is known by. */
    record Card(String entry, CharacterCard card, String uuid) {
        /** {@code data.extensions.room_data}. */
        Node roomData() {
            return card.extensions().get("room_data");
        }
    }

    private final Map<String, Card> byUuid = new LinkedHashMap<>();
    private final Map<String, Card> byRoomDataUuid = new LinkedHashMap<>();

    /** Reads every {@code rooms/*.png}; a card that is not a room card is refused. */
    RoomCards(ArchiveEntries zip, List<String> warnings) {
        for (String name : zip.filesIn("rooms/", ".png")) {
            CharacterCard card = CharacterCard.fromPng(zip.bytes(name), zip.at(name));
            card.requireType("room", "room card");
            Node roomData = card.extensions().get("room_data");
            roomData.object();
            String dataUuid = roomData.get("uuid").stringOrNull();
            String uuid = card.characterUuid() != null ? card.characterUuid() : dataUuid;
            if (uuid == null) {
                throw card.origin().refuse("the room card has neither data.character_uuid nor room_data.uuid");
            }
            if (dataUuid != null && !dataUuid.equals(uuid)) {
                warnings.add("the room card " + name + " has data.character_uuid " + uuid + " but room_data.uuid "
                        + dataUuid + " (CardShark's import rewrites only the first); the room is known by " + uuid);
            }
            Card c = new Card(name, card, uuid);
            if (byUuid.putIfAbsent(uuid, c) != null) {
                throw card.origin().refuse("the room uuid " + uuid + " is also the uuid of " + byUuid.get(uuid).entry());
            }
            if (dataUuid != null) {
                byRoomDataUuid.putIfAbsent(dataUuid, c);
            }
        }
    }

    /** The card a placement's {@code room_uuid} names, or {@code null}. */
    Card find(String roomUuid) {
        Card card = byUuid.get(roomUuid);
        return card != null ? card : byRoomDataUuid.get(roomUuid);
    }

    Collection<Card> all() {
        return byUuid.values();
    }
}
