package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.folder.WorldForm;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts a {@code .cardshark.zip} (CardShark today, dfdeec8 {@code WorldExportService.export_world}):
 * {@code world.png}, a world card whose {@code world_data} places room cards on a grid; {@code rooms/<file>.png},
 * the room cards; {@code characters/<file>.png}, the NPCs' character cards. Rooms are mapped as
 * {@link Placements} says, at their {@code grid_position} (key {@code "x,y,0"}; a placement without one, which
 * CardShark's model does not allow, is kept under its room uuid as {@link StateAssembler} says); exits come from
 * grid adjacency ({@link GridExits}).
 *
 * <ul>
 *   <li>{@code worldId}: from the world card's {@code data.name}. {@code formVersion}: the archive has no format
 *   version of its own; it is the world card's {@code spec_version}, of which "2.0" (Character Card V2, what dfdeec8
 *   writes) is read and any other refused. An unknown card type is refused.</li>
 *   <li>Player: at {@code player_position} (an export resets it to {@code starting_position}); stats are
 *   CardShark's defaults, except level and experience from {@code player_level}/{@code player_xp} when an older
 *   export kept them. No visits are recorded in the archive.</li>
 *   <li>{@code metadata}: the world card's {@code data} without {@code extensions}, verbatim.</li>
 *   <li>Files: every entry under {@code cardshark-original/<entry name>}; {@code world.png} also as
 *   {@code world_card.png}; each placed room's card, whose pixels are the room's image, also as
 *   {@code images/backgrounds/<file name>}, the room's background.</li>
 *   <li>Kept consistent, not copied: CardShark's own import gives every card a new uuid but leaves
 *   {@code world_data.uuid}, {@code room_data.uuid} and the placements' NPC references at the old ones. Here the
 *   archive's uuids stay the identity; where the archive itself disagrees (a re-export of such an import), or
 *   names an NPC or room card it does not hold, a warning names the room and the reference.</li>
 * </ul>
 */
public final class CardSharkZipForm {

    static final String WORLD = "world.png";
    /** The world card's {@code spec_version}s read: the archive has no format version of its own. */
    static final List<String> SUPPORTED = List.of("2.0");
    private static final long DEFAULT_GRID = 10; // dfdeec8 WorldData.grid_size default

    private CardSharkZipForm() {
    }

    /** Converts the entries of {@code archive} (already read by {@link SafeZip}; the file is not read again). */
    public static ConvertedWorld convert(Path archive, List<SafeZip.Item> items) {
        ArchiveEntries zip = new ArchiveEntries(archive, items);
        CharacterCard world = CharacterCard.fromPng(zip.require(WORLD, "a .cardshark.zip holds its world card there"), zip.at(WORLD));
        world.requireType("world", "world card");
        String version = Versions.requireText(world.root().get("spec_version"), "spec_version", SUPPORTED);
        Node worldData = world.extensions().get("world_data");
        worldData.object();
        String displayName = world.data().get("name").string();
        String worldId = LaterForms.worldId(displayName, zip.origin());
        List<String> warnings = new ArrayList<>();
        RoomCards cards = new RoomCards(zip, warnings);
        Node grid = worldData.get("grid_size");
        if (!grid.isNullOrAbsent()) {
            grid.object();
        }
        List<RoomDraft> rooms = GridExits.derive(Placements.rooms(worldData, cards, warnings),
                dimension(grid.get("width")), dimension(grid.get("height")), warnings);
        checkReferences(rooms, cards, zip.characterCards("characters/", warnings), warnings);
        WorldDraft draft = new WorldDraft(metadata(world, worldData, displayName, warnings), rooms, null,
                position(worldData), List.of(), player(worldData));
        JsonObject state = StateAssembler.assemble(worldId, draft, warnings);
        return new ConvertedWorld(worldId, WorldForm.CARDSHARK_ZIP, version, WORLD, state,
                world.data().object().without("extensions"), files(zip, worldId, rooms, warnings), warnings);
    }

    private static long dimension(Node n) {
        return n.integerOr(JsonNumber.of(DEFAULT_GRID)).longValueExact();
    }

    private static GridPos position(Node worldData) {
        GridPos player = GridPos.of(worldData.get("player_position"));
        return player != null ? player : GridPos.of(worldData.get("starting_position"));
    }

    private static JsonObject player(Node worldData) {
        return PlayerStats.of(null, null, worldData.get("player_level"), worldData.get("player_xp"));
    }

    /** name, description, author (the card's creator), uuid: the world card's own uuid, which CardShark uses. */
    private static JsonObject metadata(CharacterCard world, Node worldData, String displayName, List<String> warnings) {
        Node data = world.data();
        String uuid = world.characterUuid();
        String dataUuid = worldData.get("uuid").stringOrNull();
        if (uuid != null && dataUuid != null && !uuid.equals(dataUuid)) {
            warnings.add("the world card has data.character_uuid " + uuid + " but world_data.uuid " + dataUuid
                    + " (CardShark's import rewrites only the first); the world is known by " + uuid);
        }
        JsonObject.Builder source = JsonObject.builder().put("description", new JsonString(data.get("description").stringOr("")));
        String creator = data.get("creator").stringOrNull();
        if (creator != null) {
            source.put("author", new JsonString(creator));
        }
        String id = uuid != null ? uuid : dataUuid;
        if (id != null) {
            source.put("uuid", new JsonString(id));
        }
        return StateMetadata.of(displayName, source.build());
    }

    /** NPCs without a character card, room cards no placement uses. */
    private static void checkReferences(List<RoomDraft> rooms, RoomCards cards, Map<String, String> characters,
                                        List<String> warnings) {
        Set<RoomCards.Card> placed = new HashSet<>();
        for (RoomDraft room : rooms) {
            RoomCards.Card card = cards.find(room.id());
            if (card != null) {
                placed.add(card);
            }
            for (String npc : room.npcs()) {
                if (!characters.containsKey(npc)) {
                    warnings.add(room.label() + ": NPC " + npc + " has no character card in characters/; the reference is kept");
                }
            }
        }
        for (RoomCards.Card card : cards.all()) {
            if (!placed.contains(card)) {
                warnings.add("the room card " + card.entry() + " is placed nowhere on the world's grid; it is kept only as an original");
            }
        }
    }

    private static List<ConvertedFile> files(ArchiveEntries zip, String worldId, List<RoomDraft> rooms, List<String> warnings) {
        OutputFiles files = new OutputFiles(zip.origin().world(worldId));
        zip.keepOriginals(files);
        files.add("world_card.png", zip.bytes(WORLD));
        for (RoomDraft room : rooms) {
            if (room.background() != null && !files.has(RoomImages.BACKGROUNDS + room.background())) {
                files.add(RoomImages.BACKGROUNDS + room.background(), zip.bytes("rooms/" + room.background()));
            }
        }
        Set<String> layout = new HashSet<>(zip.filesIn("rooms/", ".png"));
        layout.addAll(zip.filesIn("characters/", ".png"));
        layout.add(WORLD);
        for (String name : zip.names()) {
            if (!layout.contains(name)) {
                warnings.add("the entry " + name + " is not part of the .cardshark.zip layout; it is kept only as an original");
            }
        }
        return files.list();
    }
}
