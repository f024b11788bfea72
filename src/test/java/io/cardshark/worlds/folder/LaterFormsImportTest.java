package io.cardshark.worlds.folder;

import io.cardshark.worlds.testing.TestStores;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.EventDefinition;
import io.cardshark.worlds.Exit;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.PlayerState;
import io.cardshark.worlds.Visit;
import io.cardshark.worlds.WorldShape;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonBool;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.testing.JsonEdit;
import io.cardshark.worlds.testing.LaterSamples;
import io.cardshark.worlds.testing.TestPngs;
import io.cardshark.worlds.testing.TestZips;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.cardshark.worlds.testing.LaterSamples.arr;
import static io.cardshark.worlds.testing.LaterSamples.at;
import static io.cardshark.worlds.testing.LaterSamples.num;
import static io.cardshark.worlds.testing.LaterSamples.obj;
import static io.cardshark.worlds.testing.LaterSamples.str;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four samples CardShark wrote in its later forms (format spec §12, Appendix A), each imported through the
 * store's API and read back through it, against what CardShark's own readers found (the case's
 * {@code expected.json}): the world's name, every room as a location at its coordinates with its exits, NPC
 * references and events, the player's stats, position and visits, the images, and every original kept byte for
 * byte. World ids are written out here as format §2 maps the names, not computed.
 */
class LaterFormsImportTest {

    @TempDir
    Path dir;

    private WorldStore store;

    @BeforeEach
    void open() {
        store = TestStores.configure(dir.resolve("store")).open();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ImportResult importOne(Path source) {
        List<ImportResult> results = store.folders().importFolders(List.of(source), false);
        assertThat(results).hasSize(1);
        ImportResult r = results.get(0);
        assertThat(r.error()).isNull();
        assertThat(r.outcome()).isEqualTo(ImportOutcome.IMPORTED);
        assertThat(r.shape()).as("a later form is stored as shape H").isEqualTo(WorldShape.H);
        return r;
    }

    /** Imports a sample and checks what the report says of it: the id, the form and its version, the state's file. */
    private ImportResult importSample(Path source, String id, WorldForm form, String version, String stateFile) {
        ImportResult r = importOne(source);
        assertThat(r.worldId()).isEqualTo(id);
        assertThat(r.form()).isEqualTo(form);
        assertThat(r.formVersion()).isEqualTo(version);
        assertThat(r.stateFile()).isEqualTo(stateFile);
        return r;
    }

    @Test
    void aFormRWorldFolderInItsBaseFolderImportsItsRoomsAtTheirCoordinates() throws IOException {
        JsonObject expected = LaterSamples.expected(LaterSamples.FORM_R);
        JsonObject migration = obj(expected, "cardshark_readers",
                "dcf8b76 backend/utils/world_state_migration.py load_world_state_with_migration");
        String id = "Riverside_Mill";
        ImportResult r = importSample(LaterSamples.path(LaterSamples.FORM_R, "worlds"), id, WorldForm.SHAPE_R,
                String.valueOf(num(migration, "detect_schema_version")), "world_state.json");
        assertThat(r.warnings()).isEmpty();
        assertThat(store.worlds().get(id).displayName()).isEqualTo(str(expected, "world", "name"));
        assertThat(metadata(id).get("description")).isEqualTo(at(expected, "world", "description"));

        List<Json> rooms = arr(expected, "rooms");
        assertThat(store.locations().list(id)).hasSize(rooms.size());
        for (Json room : rooms) {
            Location l = store.locations().get(id, str(room, "id"));
            assertThat(l.name()).isEqualTo(str(room, "name"));
            assertThat(l.description()).isEqualTo(str(room, "description"));
            assertThat(l.coordinates()).isEqualTo(coordinates(at(room, "position")));
            assertThat(l.exits()).as("neighbors {} means no stored exits").isEmpty();
            assertThat(obj(expected, "exits", "per_room", str(room, "id")).isEmpty()).isTrue();
            assertThat(l.npcs()).as("NPCs by card path, not CardShark's empty strings")
                    .containsExactlyElementsOf(arr(room, "npcs").stream().map(n -> str(n, "path")).toList());
            assertThat(l.events()).isEmpty();
        }
        assertThat(store.players().state(id)).isEqualTo(stats(obj(migration, "v2_player")));
        Json current = roomById(rooms, str(expected, "player", "current_position"), "id");
        assertThat(store.players().position(id)).contains(coordinates(at(current, "position")));
        assertThat(store.players().visits(id)).isEmpty();
        assertThat(store.files().get(id, "cardshark-original/world_state.json"))
                .isEqualTo(LaterSamples.bytes(LaterSamples.FORM_R, str(expected, "sample_file")));
    }

    @Test
    void aV2WorldCardImportsItsRoomsEventsAndPlayerAndReportsTheImagesItLacks() {
        JsonObject expected = LaterSamples.expected(LaterSamples.V2_PNG);
        String id = "Saltmarsh_Harbor";
        ImportResult r = importSample(LaterSamples.path(LaterSamples.V2_PNG, "world_card.png"), id, WorldForm.V2_CARD,
                token(at(expected, "world", "schema_version")), str(expected, "sample_file"));
        assertV2World(id, obj(expected, "world"));

        assertThat(arr(expected, "images", "inside_sample")).isEmpty();
        obj(expected, "images", "room_image_paths").asMap().forEach((room, image) -> {
            if (image instanceof JsonString s) {
                assertThat(r.warnings()).as("the gap names the room and the image")
                        .anyMatch(w -> w.contains("room \"" + room + "\"") && w.contains("\"" + s.value() + "\""));
                assertThat(store.files().describe(id, "images/backgrounds/" + s.value())).isEmpty();
            }
        });
        assertThat(r.warnings()).hasSize(2);
        byte[] card = LaterSamples.bytes(LaterSamples.V2_PNG, "world_card.png");
        assertThat(store.files().get(id, "cardshark-original/world_card.png")).isEqualTo(card);
        assertThat(store.files().get(id, "world_card.png")).isEqualTo(card);
    }

    @Test
    void aFormat1ZipImportsItsWorldImagesAndCardsByteForByte() {
        JsonObject expected = LaterSamples.expected(LaterSamples.ZIP_1);
        Path archive = LaterSamples.path(LaterSamples.ZIP_1, "world.zip");
        String id = "Saltmarsh_Harbor";
        ImportResult r = importSample(archive, id, WorldForm.ZIP_FORMAT_1, token(at(expected, "world_meta", "format_version")),
                "world_state.json");
        assertThat(r.warnings()).as("npc_references_without_card_in_zip is empty, every image is there").isEmpty();
        assertV2World(id, obj(expected, "world"));
        assertThat(metadata(id)).as("world_meta.json is the metadata document").isEqualTo(obj(expected, "world_meta"));

        Map<String, byte[]> entries = LaterSamples.zipEntries(archive);
        obj(expected, "room_images").asMap().forEach((room, image) -> {
            String file = str(image, "image_path");
            assertThat(store.locations().get(id, room).background()).isEqualTo(file);
            assertThat(store.files().get(id, "images/backgrounds/" + file)).isEqualTo(entries.get(str(image, "zip_entry")));
        });
        assertThat(entries.keySet()).containsExactlyElementsOf(names(arr(expected, "zip", "entries")));
        assertOriginals(id, entries);
        assertThat(at(expected, "zip", "cover_png_equals_world_card_png")).isEqualTo(JsonBool.TRUE);
        assertThat(store.files().get(id, "world_card.png")).isEqualTo(entries.get("cover.png"));
    }

    @Test
    void aCardsharkZipImportsItsPlacementsWithGridExitsAndEffectiveNpcs() {
        JsonObject expected = LaterSamples.expected(LaterSamples.CARDSHARK_ZIP);
        Path archive = LaterSamples.path(LaterSamples.CARDSHARK_ZIP, "world.cardshark.zip");
        Map<String, byte[]> entries = LaterSamples.zipEntries(archive);
        String id = "Ironwood_Keep";
        // The archive has no version of its own: it is the world card's spec_version, decoded here by the test.
        String specVersion = str(TestPngs.readCard(entries.get("world.png")), "spec_version");
        assertThat(specVersion).isEqualTo("2.0");
        ImportResult r = importSample(archive, id, WorldForm.CARDSHARK_ZIP, specVersion, "world.png");
        assertThat(r.warnings()).isEmpty();
        assertThat(store.worlds().get(id).displayName()).isEqualTo(str(expected, "world", "name"));
        JsonObject metadata = metadata(id);
        for (String field : List.of("description", "first_mes", "system_prompt", "tags", "character_uuid")) {
            assertThat(metadata.get(field)).as(field).isEqualTo(at(expected, "world", field));
        }

        List<Json> rooms = arr(expected, "rooms");
        assertThat(store.locations().list(id)).hasSize(rooms.size());
        for (Json room : rooms) {
            String uuid = str(room, "room_uuid");
            Location l = store.locations().get(id, uuid);
            assertThat(l.coordinates()).isEqualTo(coordinates(at(room, "grid_position")));
            assertThat(l.name()).isEqualTo(str(room, "name"));
            assertThat(l.description()).isEqualTo(str(room, "description"));
            assertThat(l.introduction()).isEqualTo(str(room, "introduction_text"));
            assertThat(l.npcs()).containsExactlyElementsOf(arr(room, "effective_npcs").stream()
                    .map(n -> str(n, "character_uuid")).toList());
            assertExits(l, obj(room, "exits"), rooms, "room_uuid", "grid_position");
            String file = str(room, "zip_entry").substring("rooms/".length());
            assertThat(l.background()).isEqualTo(file);
            assertThat(store.files().get(id, "images/backgrounds/" + file)).isEqualTo(entries.get(str(room, "zip_entry")));
        }
        assertThat(store.players().position(id)).contains(coordinates(at(expected, "player", "player_position")));
        assertThat(store.locations().at(id, coordinates(at(expected, "player", "player_position"))).orElseThrow().locationId())
                .isEqualTo(str(expected, "player", "current_room_uuid"));
        assertThat(store.players().state(id)).as("progress is not in the archive").isEqualTo(PlayerState.DEFAULT);
        assertThat(store.players().visits(id)).isEmpty();
        assertThat(entries.keySet()).containsExactlyElementsOf(names(arr(expected, "zip", "entries")));
        assertOriginals(id, entries);
        assertThat(store.files().get(id, "world_card.png")).isEqualTo(entries.get("world.png"));
    }

    /**
     * CardShark's own gaps (format spec §12): a format-1 export whose room image and NPC card are missing, and a
     * .cardshark.zip re-exported after CardShark's own import gave a character card a new uuid while the placements
     * kept the old one. The archive's references are kept as they are, and each gap reaches the report as one
     * warning naming the room and the reference.
     */
    @Test
    void cardSharksOwnGapsAreKeptConsistentAndReportedRoomByRoom() throws IOException {
        Map<String, byte[]> format1 = new LinkedHashMap<>(LaterSamples.zipEntries(LaterSamples.path(LaterSamples.ZIP_1, "world.zip")));
        format1.remove("images/market.png");
        format1.remove("npcs/Old_Tobin.png");
        ImportResult r = importOne(Files.write(dir.resolve("world.zip"), TestZips.zip(format1)));
        String tobin = "32d0c26b-541d-44fe-b119-df1aa33a8b72";
        assertThat(r.warnings()).containsExactly(
                "room \"room-market\" (Fish Market): image \"market.png\" is not in the archive (no images/market.png);"
                        + " the background names a file the world does not have",
                "room \"room-lighthouse\" (Lighthouse): NPC " + tobin + " has no character card in npcs/; the reference is kept");
        assertThat(store.locations().get(r.worldId(), "room-market").background()).isEqualTo("market.png");
        assertThat(store.files().describe(r.worldId(), "images/backgrounds/market.png")).isEmpty();
        assertThat(store.locations().get(r.worldId(), "room-lighthouse").npcs()).containsExactly(tobin);

        JsonObject expected = LaterSamples.expected(LaterSamples.CARDSHARK_ZIP);
        Map<String, byte[]> ironwood = new LinkedHashMap<>(LaterSamples.zipEntries(
                LaterSamples.path(LaterSamples.CARDSHARK_ZIP, "world.cardshark.zip")));
        String vell = str(arr(expected, "characters_present").get(0), "character_uuid");
        String reissued = str(obj(expected, "cardshark_import_result", "room_cards_after_import"),
                "22f553a7-b345-4fcd-9ef7-79c4d861e8e6", "npcs", 0, "character_uuid");
        String entry = str(arr(expected, "characters_present").get(0), "entry");
        ironwood.put(entry, TestPngs.withCard(ironwood.get(entry), JsonEdit.putObject(TestPngs.readCard(ironwood.get(entry)),
                new JsonString(reissued), "data", "character_uuid")));
        ImportResult keep = importOne(Files.write(dir.resolve("reexport.cardshark.zip"), TestZips.zip(ironwood)));
        for (Json room : arr(expected, "rooms")) {
            List<String> npcs = arr(room, "effective_npcs").stream().map(n -> str(n, "character_uuid")).toList();
            assertThat(store.locations().get(keep.worldId(), str(room, "room_uuid")).npcs()).containsExactlyElementsOf(npcs);
            if (npcs.contains(vell)) {
                assertThat(keep.warnings()).contains("room \"" + str(room, "room_uuid") + "\" (" + str(room, "name") + "): NPC "
                        + vell + " has no character card in characters/; the reference is kept");
            }
        }
        assertThat(keep.warnings()).hasSize(2);
    }

    @Test
    void aSecondImportIsRefusedUnlessReplacingAndReplacingKeepsOneWorld() {
        Path card = LaterSamples.path(LaterSamples.V2_PNG, "world_card.png");
        importOne(card);
        ImportResult again = store.folders().importFolders(List.of(card), false).get(0);
        assertThat(again.outcome()).isEqualTo(ImportOutcome.REJECTED);
        assertThat(again.worldId()).isEqualTo("Saltmarsh_Harbor");
        assertThat(again.error()).contains(card.toString(), "Saltmarsh_Harbor", "replace");
        ImportResult replaced = store.folders().importFolders(List.of(LaterSamples.path(LaterSamples.ZIP_1, "world.zip")), true).get(0);
        assertThat(replaced.outcome()).isEqualTo(ImportOutcome.IMPORTED);
        assertThat(replaced.form()).isEqualTo(WorldForm.ZIP_FORMAT_1);
        assertThat(store.worlds().count()).isEqualTo(1);
        assertThat(store.files().describe("Saltmarsh_Harbor", "cardshark-original/world_meta.json")).isPresent();
        assertThat(store.files().describe("Saltmarsh_Harbor", "cardshark-original/world_card.png"))
                .as("nothing of the replaced world is left").isEmpty();
    }

    @Test
    void theSourceIsOnlyRead() throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Trees.copy(LaterSamples.path(LaterSamples.CARDSHARK_ZIP, "world.cardshark.zip"), src.resolve("world.cardshark.zip"));
        Trees.copy(LaterSamples.path(LaterSamples.FORM_R, "worlds/Riverside_Mill"), src.resolve("Riverside_Mill"));
        Map<String, byte[]> before = Trees.files(src);
        store.folders().importFolders(List.of(src.resolve("world.cardshark.zip"), src.resolve("Riverside_Mill")), false);
        Map<String, byte[]> after = Trees.files(src);
        assertThat(after).containsOnlyKeys(before.keySet());
        before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
    }

    // ---------------------------------------------------------------------------------------------------

    /** The V2 {@code world} section that the card and the format-1 ZIP share, read back through the API. */
    private void assertV2World(String id, JsonObject world) {
        assertThat(store.worlds().get(id).displayName()).isEqualTo(str(world, "name"));
        JsonObject metadata = metadata(id);
        for (String field : List.of("description", "author", "created_at")) {
            assertThat(metadata.get(field)).as(field).isEqualTo(at(world, field));
        }
        List<Json> rooms = arr(world, "rooms");
        assertThat(store.locations().list(id)).hasSize(rooms.size());
        for (Json room : rooms) {
            Location l = store.locations().get(id, str(room, "id"));
            assertThat(l.coordinates()).isEqualTo(coordinates(at(room, "position")));
            assertThat(l.name()).isEqualTo(str(room, "name"));
            assertThat(l.description()).isEqualTo(str(room, "description"));
            assertThat(l.introduction()).isEqualTo(str(room, "introduction_text"));
            assertThat(l.npcs()).containsExactlyElementsOf(arr(room, "npcs").stream().map(n -> ((JsonString) n).value()).toList());
            assertThat(l.background()).isEqualTo(at(room, "image_path") instanceof JsonString s ? s.value() : null);
            assertExits(l, obj(room, "exits"), rooms, "id", "position");
            List<Json> events = arr(room, "events");
            assertThat(l.events()).extracting(EventDefinition::id).containsExactlyElementsOf(strings(events, "id"));
            assertThat(l.events()).extracting(EventDefinition::trigger).containsExactlyElementsOf(strings(events, "trigger"));
        }
        JsonObject player = obj(world, "player");
        assertThat(store.players().state(id)).isEqualTo(stats(player));
        assertThat(store.players().position(id)).contains(coordinates(at(player, "current_room_position")));
        List<String> visits = new ArrayList<>();
        for (Json room : arr(world, "visited_rooms")) {
            visits.add(coordinates(at(roomById(rooms, ((JsonString) room).value(), "id"), "position")).key());
        }
        assertThat(store.players().visits(id)).extracting(Visit::positionKey).containsExactlyElementsOf(visits);
    }

    /** Exactly the directions with a target, each leading to that room by id and by its coordinates. */
    private static void assertExits(Location l, JsonObject exits, List<Json> rooms, String idField, String positionField) {
        List<String> directions = new ArrayList<>();
        exits.asMap().forEach((direction, target) -> {
            if (target instanceof JsonString t) {
                directions.add(direction);
                Exit exit = l.exits().stream().filter(x -> x.direction().equals(direction)).findFirst().orElseThrow();
                assertThat(exit.targetLocationId()).isEqualTo(t.value());
                assertThat(exit.target()).contains(coordinates(at(roomById(rooms, t.value(), idField), positionField)));
            }
        });
        assertThat(l.exits()).extracting(Exit::direction).as(l.locationId() + " exits").containsExactlyElementsOf(directions);
    }

    private void assertOriginals(String id, Map<String, byte[]> entries) {
        entries.forEach((name, bytes) -> assertThat(store.files().get(id, "cardshark-original/" + name)).as(name).isEqualTo(bytes));
    }

    private JsonObject metadata(String id) {
        String document = store.worlds().metadataDocument(id).orElseThrow();
        return (JsonObject) JsonReader.read(document.getBytes(StandardCharsets.UTF_8)).value();
    }

    private static PlayerState stats(JsonObject player) {
        return new PlayerState(num(player, "health"), num(player, "stamina"), num(player, "level"), num(player, "experience"));
    }

    /** {@code {x, y}} on CardShark's map is {@code (x, y, 0)} in the store (format spec §12). */
    private static Coordinates coordinates(Json xy) {
        return Coordinates.of((int) num(xy, "x"), (int) num(xy, "y"), 0);
    }

    private static Json roomById(List<Json> rooms, String id, String idField) {
        return rooms.stream().filter(r -> id.equals(str(r, idField))).findFirst()
                .orElseThrow(() -> new AssertionError("no room " + id + " in expected.json"));
    }

    private static List<String> strings(List<Json> objects, String field) {
        return objects.stream().map(o -> str(o, field)).toList();
    }

    private static List<String> names(List<Json> entries) {
        return strings(entries, "name");
    }

    private static String token(Json number) {
        return number instanceof JsonNumber n ? n.token() : String.valueOf(number);
    }
}
