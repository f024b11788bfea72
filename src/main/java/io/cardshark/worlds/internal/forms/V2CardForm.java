package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.folder.WorldForm;
import io.cardshark.worlds.internal.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts a V2 world card (a151ac3 and later): a Character Card V2 PNG whose {@code data.extensions.world_data}
 * is a {@code schema_version: 2} world, mapped as {@link V2World} says.
 *
 * <ul>
 *   <li>{@code worldId}: the id CardShark derives from the world's name ({@code world_data.metadata.name});
 *   {@code formVersion}: the {@code schema_version}, "2".</li>
 *   <li>{@code metadata}: {@code world_data.metadata}, verbatim (name, description, author, uuid, times, cover).</li>
 *   <li>Files: the PNG byte for byte, under {@code cardshark-original/<file name>} and as {@code world_card.png},
 *   the world's cover image (the card's own pixels; CardShark's world folders kept the card under that name).
 *   Every card field the store has no column for (first_mes, tags, the card's own uuid, inventory...) stays
 *   in that original.</li>
 *   <li>A card holds no room images: CardShark kept them in {@code world_assets/<uuid>/}. A room that names one
 *   keeps the name as its background, so that the image can be added later, and gets a warning.</li>
 *   <li>NPCs are character uuids of the user's character library; a card never holds those cards, so the
 *   references are kept without being checked.</li>
 * </ul>
 */
public final class V2CardForm {

    private V2CardForm() {
    }

    /**
     * Converts the card {@code png}; {@code file} names it in errors and gives the original's file name (the
     * file is not read).
     */
    public static ConvertedWorld convert(Path file, byte[] png) {
        Origin origin = Origin.file(file);
        CharacterCard card = CharacterCard.fromPng(png, origin);
        List<String> warnings = new ArrayList<>();
        V2World.Read world = V2World.read(worldData(card), warnings);
        String worldId = LaterForms.worldId(world.displayName(), origin);
        for (RoomDraft room : world.draft().rooms()) {
            if (room.background() != null) {
                warnings.add(room.label() + ": image \"" + room.background() + "\" is not in the card (CardShark kept room"
                        + " images in world_assets/); the background names a file the world does not have");
            }
        }
        JsonObject state = StateAssembler.assemble(worldId, world.draft(), warnings);
        OutputFiles files = new OutputFiles(origin.world(worldId));
        files.original(origin.fileName(), png);
        files.add("world_card.png", png);
        return new ConvertedWorld(worldId, WorldForm.V2_CARD, world.version(), origin.fileName(), state, world.metadata(),
                files.list(), warnings);
    }

    /** {@code data.extensions.world_data} of a world card, refused when the card is not one. */
    static Node worldData(CharacterCard card) {
        if (card.cardType() != null) {
            card.requireType("world", "world card");
        }
        Node worldData = card.extensions().get("world_data");
        if (worldData.isNullOrAbsent()) {
            throw card.origin().refuse("the card has no data.extensions.world_data: not a world card");
        }
        worldData.object();
        if (worldData.get("schema_version").isAbsent() && worldData.get("uuid").value() != null) {
            throw worldData.problem("no schema_version; supported: " + String.join(", ", V2World.SUPPORTED)
                    + " (this is the world card of a .cardshark.zip export, whose rooms are separate room cards:"
                    + " import the .cardshark.zip)");
        }
        return worldData;
    }
}
