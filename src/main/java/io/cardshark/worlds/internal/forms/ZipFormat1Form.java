package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.folder.WorldForm;
import io.cardshark.worlds.internal.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts CardShark's world ZIP export, format 1 (bf1064a {@code GET /api/world-cards/{name}/export}):
 * {@code world_meta.json} ({@code format_version: 1}), {@code world_state.json} (a {@code schema_version: 2}
 * world, mapped as {@link V2World} says), {@code cover.png} (the world card), {@code images/<name>} (room
 * images) and {@code npcs/<name>.png} (the NPCs' character cards).
 *
 * <ul>
 *   <li>{@code worldId}: from {@code world_meta.json} {@code name}, the name CardShark's import gives the world;
 *   {@code formVersion}: the {@code format_version}, "1".</li>
 *   <li>{@code metadata}: {@code world_meta.json}, verbatim (it has the export time).</li>
 *   <li>Files: every entry under {@code cardshark-original/<entry name>}; each {@code images/<name>} also as
 *   {@code images/backgrounds/<name>}, the background of the rooms whose {@code image_path} ends in that name;
 *   {@code cover.png} also as {@code world_card.png}.</li>
 *   <li>Warnings: a room NPC uuid with no card in {@code npcs/}, a room image not in {@code images/}, an entry
 *   outside the layout, names that differ between the two JSON files.</li>
 * </ul>
 */
public final class ZipFormat1Form {

    static final String META = "world_meta.json";
    static final String STATE = "world_state.json";
    static final List<String> SUPPORTED = List.of("1");

    private ZipFormat1Form() {
    }

    /** Converts the entries of {@code archive} (already read by {@link SafeZip}; the file is not read again). */
    public static ConvertedWorld convert(Path archive, List<SafeZip.Item> items) {
        ArchiveEntries zip = new ArchiveEntries(archive, items);
        Node meta = Node.parse(zip.require(META, "a format-1 world export has one"), zip.at(META));
        String version = Versions.require(meta.get("format_version"), "format_version", SUPPORTED);
        String displayName = meta.get("name").string();
        if (displayName.isEmpty()) {
            throw meta.get("name").refuse("a non-empty world name");
        }
        List<String> warnings = new ArrayList<>();
        V2World.Read world = V2World.read(Node.parse(zip.require(STATE, "a format-1 world export has one"), zip.at(STATE)), warnings);
        if (!world.displayName().equals(displayName)) {
            warnings.add(META + " names the world \"" + displayName + "\" and " + STATE + " \"" + world.displayName()
                    + "\"; the world takes the name of " + META + ", as CardShark's import does");
        }
        String worldId = LaterForms.worldId(displayName, zip.origin());
        WorldDraft draft = renamed(world.draft(), displayName, world.metadata());
        checkReferences(draft, zip, warnings);
        JsonObject state = StateAssembler.assemble(worldId, draft, warnings);
        return new ConvertedWorld(worldId, WorldForm.ZIP_FORMAT_1, version, STATE, state, meta.object(),
                files(zip, worldId, warnings), warnings);
    }

    private static WorldDraft renamed(WorldDraft d, String displayName, JsonObject sourceMetadata) {
        return new WorldDraft(StateMetadata.of(displayName, sourceMetadata), d.rooms(), d.currentRoomId(),
                d.currentPosition(), d.visitedRoomIds(), d.player());
    }

    /** NPCs without a card in {@code npcs/} and images missing from {@code images/}: kept, and reported. */
    private static void checkReferences(WorldDraft draft, ArchiveEntries zip, List<String> warnings) {
        Map<String, String> cards = zip.characterCards("npcs/", warnings);
        for (RoomDraft room : draft.rooms()) {
            for (String npc : room.npcs()) {
                if (!cards.containsKey(npc)) {
                    warnings.add(room.label() + ": NPC " + npc + " has no character card in npcs/; the reference is kept");
                }
            }
            if (room.background() != null && !zip.has("images/" + room.background())) {
                warnings.add(room.label() + ": image \"" + room.background() + "\" is not in the archive (no images/"
                        + room.background() + "); the background names a file the world does not have");
            }
        }
    }

    private static List<ConvertedFile> files(ArchiveEntries zip, String worldId, List<String> warnings) {
        OutputFiles files = new OutputFiles(zip.origin().world(worldId));
        zip.keepOriginals(files);
        for (String name : zip.names()) {
            if (name.startsWith("images/") && name.indexOf('/', "images/".length()) < 0) {
                files.add(RoomImages.BACKGROUNDS + name.substring("images/".length()), zip.bytes(name));
            } else if (name.equals("cover.png")) {
                PngChunks.read(zip.bytes(name), zip.at(name), PngChunks.Limits.DEFAULT); // a damaged cover is refused
                files.add("world_card.png", zip.bytes(name));
            } else if (!isInLayout(name)) {
                warnings.add("the entry " + name + " is not part of the format-1 layout; it is kept only as an original");
            }
        }
        return files.list();
    }

    private static boolean isInLayout(String name) {
        return name.equals(META) || name.equals(STATE)
                || (name.startsWith("npcs/") && name.indexOf('/', "npcs/".length()) < 0 && name.endsWith(".png"));
    }
}
