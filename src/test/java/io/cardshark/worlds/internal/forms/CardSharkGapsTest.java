package io.cardshark.worlds.internal.forms;

import static io.cardshark.worlds.testing.LaterSamples.obj;
import static io.cardshark.worlds.testing.LaterSamples.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonWriter;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.testing.JsonEdit;
import io.cardshark.worlds.testing.TestZips;
import io.cardshark.worlds.testing.TestPngs;
import io.cardshark.worlds.testing.LaterSamples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What CardShark itself gets wrong stays visible, not copied: variants of the two ZIP samples with the gaps
 * CardShark's own import and export leave (new uuids on cards but old ones in references, an NPC or room card not
 * in the archive, a room image missing). The archive's own references are kept and each gap is one warning
 * naming the room and the reference.
 */
class CardSharkGapsTest {

    private static final String GATEHOUSE = "935a4ce5-4296-4a1b-b906-52c8b624cedc";
    private static final String GATEHOUSE_CARD = "rooms/" + GATEHOUSE + ".png";
    private static final String VELL = "058ba1a6-fa89-43bd-86a7-49eaefb81a96";
    private static final String NEW_UUID = "22f553a7-b345-4fcd-9ef7-79c4d861e8e6";

    @TempDir
    Path dir;

    private final Map<String, byte[]> ironwood = LaterSamples.zipEntries(LaterSamples.path(LaterSamples.CARDSHARK_ZIP, "world.cardshark.zip"));

    private ConvertedWorld convert(String name, Map<String, byte[]> entries) throws IOException {
        Path file = Files.write(dir.resolve(name), TestZips.zip(entries));
        return LaterForms.convert(file);
    }

    private byte[] editCard(String entry, JsonString value, Object... path) {
        JsonObject card = TestPngs.readCard(ironwood.get(entry));
        return TestPngs.withCard(ironwood.get(entry), JsonEdit.putObject(card, value, path));
    }

    @Test
    void aReExportOfCardSharksOwnImportKeepsTheArchivesReferencesAndReportsEachMismatch() throws IOException {
        // CardShark's import gave the room card a new character_uuid and remapped the placement, but left
        // room_data.uuid old; it gave Sergeant Vell a new uuid but left the placements' instance_npcs old.
        Map<String, byte[]> entries = new LinkedHashMap<>(ironwood);
        entries.put(GATEHOUSE_CARD, editCard(GATEHOUSE_CARD, new JsonString(NEW_UUID), "data", "character_uuid"));
        entries.put("world.png", editCard("world.png", new JsonString(NEW_UUID), "data", "extensions", "world_data", "rooms", 0, "room_uuid"));
        entries.put("characters/Sergeant Vell.png",
                editCard("characters/Sergeant Vell.png", new JsonString("6f2b8b3c-3260-4d1c-946f-f34e8e28ddf5"), "data", "character_uuid"));
        ConvertedWorld world = convert("reexport.cardshark.zip", entries);

        JsonObject gate = obj(world.state(), "locations", "0,1,0");
        assertThat(str(gate, "location_id")).isEqualTo(NEW_UUID);
        assertThat(str(gate, "name")).isEqualTo("Gatehouse");
        assertThat(LaterSamples.arr(gate, "npcs")).containsExactly(new JsonString(VELL));
        assertThat(world.warnings()).anyMatch(w -> w.contains("room card " + GATEHOUSE_CARD) && w.contains(NEW_UUID) && w.contains(GATEHOUSE))
                .anyMatch(w -> w.contains("room \"" + NEW_UUID + "\" (Gatehouse): NPC " + VELL + " has no character card"))
                .anyMatch(w -> w.contains("(Great Hall): NPC " + VELL + " has no character card"));
        assertThat(world.warnings()).hasSize(3);
        StateValidity.assertShapeH(world.state());
    }

    @Test
    void aPlacementWhoseRoomCardIsMissingKeepsItsCachedData() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(ironwood);
        entries.remove(GATEHOUSE_CARD);
        ConvertedWorld world = convert("missing-room.cardshark.zip", entries);
        JsonObject gate = obj(world.state(), "locations", "0,1,0");
        assertThat(str(gate, "location_id")).isEqualTo(GATEHOUSE);
        assertThat(str(gate, "name")).isEqualTo("Gatehouse");
        assertThat(str(gate, "background")).isNull();
        assertThat(LaterSamples.arr(gate, "npcs")).containsExactly(new JsonString(VELL));
        assertThat(world.warnings()).containsExactly("room \"" + GATEHOUSE + "\" (Gatehouse): its room card is not in the archive;"
                + " the room keeps the placement's cached name, description and NPCs");
        assertThat(world.file("images/backgrounds/" + GATEHOUSE + ".png")).isEmpty();
    }

    @Test
    void aRoomOffTheGridHasNoExitsAndAnUnplacedRoomCardIsOnlyKept() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(ironwood);
        JsonObject card = TestPngs.readCard(ironwood.get("world.png"));
        card = JsonEdit.putObject(card, JsonNumber.of(9), "data", "extensions", "world_data", "rooms", 3, "grid_position", "x");
        JsonArray rooms = (JsonArray) LaterSamples.at(card, "data", "extensions", "world_data", "rooms");
        entries.put("world.png", TestPngs.withCard(ironwood.get("world.png"), card));
        ConvertedWorld offGrid = convert("off-grid.cardshark.zip", entries);
        assertThat(obj(offGrid.state(), "locations", "9,0,0", "explicit_exits").isEmpty()).isTrue();
        assertThat(obj(offGrid.state(), "locations", "1,1,0", "explicit_exits").keys()).containsExactly("east", "west");
        assertThat(offGrid.warnings()).singleElement().asString().contains("(Chapel) at (9, 0) is outside the 4x3 grid");

        JsonObject fewer = JsonEdit.putObject(card, new JsonArray(rooms.elements().subList(0, 3)), "data", "extensions", "world_data", "rooms");
        entries.put("world.png", TestPngs.withCard(ironwood.get("world.png"), fewer));
        ConvertedWorld unplaced = convert("unplaced.cardshark.zip", entries);
        assertThat(obj(unplaced.state(), "locations").keys()).containsExactly("0,1,0", "1,1,0", "2,1,0");
        assertThat(unplaced.warnings()).singleElement().asString()
                .contains("room card rooms/ff0e81aa-01b7-473e-8c3e-ff3ff729c761.png is placed nowhere");
        assertThat(unplaced.file("cardshark-original/rooms/ff0e81aa-01b7-473e-8c3e-ff3ff729c761.png")).isPresent();
    }

    @Test
    void aFormat1ExportMissingAnImageAndAnNpcCardReportsEach() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(LaterSamples.zipEntries(LaterSamples.path(LaterSamples.ZIP_1, "world.zip")));
        entries.remove("images/market.png");
        entries.remove("npcs/Old_Tobin.png");
        ConvertedWorld world = convert("world.zip", entries);
        assertThat(world.warnings()).containsExactly(
                "room \"room-market\" (Fish Market): image \"market.png\" is not in the archive (no images/market.png);"
                        + " the background names a file the world does not have",
                "room \"room-lighthouse\" (Lighthouse): NPC 32d0c26b-541d-44fe-b119-df1aa33a8b72 has no character card"
                        + " in npcs/; the reference is kept");
        assertThat(str(world.state(), "locations", "1,0,0", "background")).isEqualTo("market.png");
        assertThat(LaterSamples.arr(world.state(), "locations", "2,0,0", "npcs"))
                .containsExactly(new JsonString("32d0c26b-541d-44fe-b119-df1aa33a8b72"));
    }

    @Test
    void aFormat1ExportWhoseTwoNamesDifferTakesWorldMetasName() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(LaterSamples.zipEntries(LaterSamples.path(LaterSamples.ZIP_1, "world.zip")));
        JsonObject meta = (JsonObject) JsonReader.read(entries.get("world_meta.json")).value();
        entries.put("world_meta.json", JsonWriter.toBytes(meta.with("name", new JsonString("Salzmarsch")), JsonStyle.CARDSHARK));
        ConvertedWorld world = convert("world.zip", entries);
        assertThat(world.worldId()).isEqualTo("Salzmarsch");
        assertThat(str(world.state(), "metadata", "name")).isEqualTo("Salzmarsch");
        assertThat(world.warnings()).singleElement().asString().contains("world_meta.json names the world \"Salzmarsch\"");
    }
}
