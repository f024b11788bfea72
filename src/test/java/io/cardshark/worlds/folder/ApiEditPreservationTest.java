package io.cardshark.worlds.folder;

import io.cardshark.worlds.testing.TestStores;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.EventDefinition;
import io.cardshark.worlds.Exit;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.PlayerState;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.cardshark.worlds.folder.ChecklistTest.py;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Format spec §3.4 for worlds imported from a folder and then edited through the Java API: an edit changes only
 * the fields it changes. Each test imports a real folder into a real store, edits one value through the public
 * API, exports both layouts and compares {@code world_state.json} with the original text in which only the
 * edited value was replaced. The hand-written worlds are shape F without {@code metadata}, so nothing else may
 * legitimately change.
 */
class ApiEditPreservationTest {

    @TempDir
    Path dir;

    private int exports;

    @Test
    void explicitExitsNullOrAbsentIsNeitherClearedNorWrittenByAnEdit() throws IOException {
        String text = py("""
                {"name": "Exits_World", "version": "1.0", "current_position": "0,0,0",
                 "locations": {
                   "0,0,0": {"name": "Null exits", "coordinates": [0, 0, 0], "location_id": "null_exits", "description": "Old null.",
                             "introduction": null, "zone_id": null, "room_type": null, "notes": null, "background": null,
                             "events": [], "npcs": [], "explicit_exits": null, "lore_source": null, "connected": null},
                   "1,0,0": {"name": "No exits", "location_id": "no_exits", "description": "Old absent."},
                   "2,0,0": {"name": "Empty exits", "location_id": "empty_exits", "description": "Old empty.", "explicit_exits": {}}}}
                """);
        try (WorldStore store = open()) {
            String id = importWorld(store, "Exits_World", text);
            edit(store, id, "null_exits", l -> l.withDescription("New null."));
            edit(store, id, "no_exits", l -> l.withDescription("New absent."));
            edit(store, id, "empty_exits", l -> l.withDescription("New empty."));
            String expected = text.replace("Old null.", "New null.").replace("Old absent.", "New absent.")
                    .replace("Old empty.", "New empty.");
            assertExports(store, id, expected);

            // Giving the location exits writes the object where the null stood; the key keeps its position.
            Exit north = Exit.to("north", "Door", Coordinates.of(0, 1, 0));
            edit(store, id, "null_exits", l -> l.withExits(List.of(north)));
            assertExports(store, id, expected.replace("\"explicit_exits\": null", """
                    "explicit_exits": {
                            "north": {
                              "target_coordinates": "0,1,0",
                              "target_location_id": null,
                              "name": "Door",
                              "description": null,
                              "locked": false,
                              "key_item_id": null
                            }
                          }"""));
        }
    }

    @Test
    void anEditAddsNoCoordinatesToALocationThatHadNone() throws IOException {
        String text = py("""
                {"name": "Coords_World", "version": "1.0",
                 "locations": {
                   "0,0,0": {"name": "Absent", "location_id": "absent", "description": "Old a."},
                   "1,0,0": {"name": "Null", "coordinates": null, "location_id": "null_coords", "description": "Old b."},
                   "2,0,0": {"name": "Elsewhere", "coordinates": [7, 8, 9], "location_id": "elsewhere", "description": "Old c."}},
                 "unconnected_locations": {}}
                """);
        try (WorldStore store = open()) {
            String id = importWorld(store, "Coords_World", text);
            edit(store, id, "absent", l -> l.withDescription("New a."));
            edit(store, id, "null_coords", l -> l.withIntroduction(null).withDescription("New b."));
            edit(store, id, "elsewhere", l -> l.withDescription("New c."));
            assertExports(store, id, text.replace("Old a.", "New a.").replace("Old b.", "New b.").replace("Old c.", "New c."));
            assertThat(store.locations().get(id, "absent").coordinates()).isEqualTo(Coordinates.of(0, 0, 0));
        }

        // The design document's example (fixture e-missing-metadata): no connected, explicit_exits or introduction.
        Path seed = Trees.fixtureWorlds("e-missing-metadata", dir.resolve("fix")).resolve("Fantasy_World");
        String seedText = Files.readString(seed.resolve("world_state.json"), StandardCharsets.UTF_8);
        try (WorldStore store = TestStores.configure(dir.resolve("store-seed")).open()) {
            String id = importOk(store, seed);
            edit(store, id, "east_hall", l -> l.withDescription("A longer hall."));
            String expected = seedText.replace("\"A long hall.\"", "\"A longer hall.\"");
            // metadata.last_modified moves with every change of a world that has metadata (§3.4); nothing else does.
            for (Layout layout : Layout.values()) {
                String actual = read(export(store, id, layout).resolve("world_state.json"));
                assertThat(actual.replaceAll("\"last_modified\": \\d+", "\"last_modified\": N")).as(layout.name())
                        .isEqualTo(expected.replaceAll("\"last_modified\": \\d+", "\"last_modified\": N"));
            }
        }
    }

    @Test
    void absentExitEventAndPlayerFieldsAreNotAppendedByAnEdit() throws IOException {
        String text = py("""
                {"name": "Fields_World", "version": "1.0",
                 "locations": {
                   "0,0,0": {"name": "Hall", "location_id": "hall", "description": "d",
                             "explicit_exits": {"south": {"name": "Old exit", "x_exit": [1]},
                                                "north": {"target_coordinates": "0,1,0", "name": "Gate", "locked": true}},
                             "events": [{"id": "ev_a", "trigger": "enter", "description": "Old event", "x_event": null},
                                        {"id": "ev_b", "trigger": "look", "description": "b", "cooldown": -0}]}},
                 "player": {"x_mana": 3, "health": 80, "experience": -0}}
                """);
        try (WorldStore store = open()) {
            String id = importWorld(store, "Fields_World", text);
            edit(store, id, "hall", l -> {
                List<Exit> exits = new ArrayList<>(l.exits());
                Exit south = exits.get(0);
                exits.set(0, new Exit(south.direction(), south.targetCoordinates(), south.targetLocationId(), "New exit",
                        south.description(), south.locked(), south.keyItemId()));
                List<EventDefinition> events = new ArrayList<>(l.events());
                EventDefinition a = events.get(0);
                events.set(0, new EventDefinition(a.id(), a.trigger(), "New event", a.conditions(), a.cooldown()));
                return l.withExits(exits).withEvents(events);
            });
            PlayerState p = store.players().state(id);
            assertThat(p).isEqualTo(new PlayerState(80, 100, 1, 0));
            store.players().update(id, new PlayerState(55, p.stamina(), p.level(), p.experience()));
            String expected = text.replace("Old exit", "New exit").replace("Old event", "New event")
                    .replace("\"health\": 80", "\"health\": 55");
            assertExports(store, id, expected);

            // A field that was absent is appended, last, once the new value differs from what absence reads as.
            store.players().update(id, new PlayerState(55, 70, 1, 0));
            edit(store, id, "hall", l -> {
                List<EventDefinition> events = new ArrayList<>(l.events());
                EventDefinition a = events.get(0);
                events.set(0, new EventDefinition(a.id(), a.trigger(), a.description(), a.conditions(), 60L));
                return l.withEvents(events);
            });
            assertExports(store, id, expected
                    .replace("\"x_event\": null\n", "\"x_event\": null,\n          \"cooldown\": 60\n")
                    .replace("\"experience\": -0\n", "\"experience\": -0,\n    \"stamina\": 70\n"));
        }
    }

    @Test
    void anEditOfALoreLocationKeepsItsExtras() throws IOException {
        String text = py("""
                {"name": "Lore_World", "version": "1.0",
                 "locations": {"0,0,0": {"name": "Start", "location_id": "start", "description": "s"}},
                 "unconnected_locations": {
                   "lore_1": {"x_first": {"a": [1, 2]}, "location_id": "lore_1", "name": "Chapel", "description": "Old chapel.",
                              "lore_source": "tales", "connected": false, "npcs": ["characters/Monk.png"], "coordinates": null,
                              "introduction": "Bells.", "x_last": -0.0},
                   "lore_2": {"location_id": "lore_2", "name": "Tower", "description": "Old tower.", "lore_source": "tales",
                              "x_mood": "grim"}}}
                """);
        try (WorldStore store = open()) {
            String id = importWorld(store, "Lore_World", text);
            edit(store, id, "lore_1", l -> l.withDescription("New chapel."));
            edit(store, id, "lore_2", l -> l.withDescription("New tower."));
            String expected = text.replace("Old chapel.", "New chapel.").replace("Old tower.", "New tower.");
            assertExports(store, id, expected);
            assertThat(store.locations().unconnected(id)).extracting(Location::locationId).containsExactly("lore_1", "lore_2");

            // A field the API sets on a lore location replaces the stored value at its position.
            edit(store, id, "lore_1", l -> l.withIntroduction("Silence."));
            assertExports(store, id, expected.replace("\"Bells.\"", "\"Silence.\""));
        }
    }

    @Test
    void aGridLocationUnderAKeyThatIsNotItsCoordinatesKeepsItsKeyAndPlace() throws IOException {
        String text = py("""
                {"name": "Keys_World", "version": "1.0",
                 "locations": {
                   "start": {"name": "Start", "location_id": "start", "description": "Old start."},
                   "01,0,0": {"name": "Padded", "location_id": "padded", "description": "Old padded."},
                   "1,0,0": {"name": "Twin", "location_id": "twin", "description": "Old twin."},
                   "0,0,0": {"name": "Origin", "location_id": "origin", "description": "Old origin."}},
                 "unconnected_locations": {"lore_1": {"location_id": "lore_1", "name": "L", "description": "l", "lore_source": "s"}}}
                """);
        try (WorldStore store = open()) {
            String id = importWorld(store, "Keys_World", text);
            // "start" and "1,0,0" (whose coordinates "01,0,0" took first) are kept in "locations" but not placed.
            Location start = store.locations().get(id, "start");
            assertThat(start.coordinates()).isNull();
            assertThat(start.loreSource()).isNull();
            edit(store, id, "start", l -> l.withDescription("New start."));
            edit(store, id, "padded", l -> l.withDescription("New padded."));
            edit(store, id, "twin", l -> l.withDescription("New twin."));
            edit(store, id, "origin", l -> l.withDescription("New origin."));
            assertExports(store, id, text.replace("Old start.", "New start.").replace("Old padded.", "New padded.")
                    .replace("Old twin.", "New twin.").replace("Old origin.", "New origin."));
            assertThat(store.locations().unconnected(id)).extracting(Location::locationId).containsExactly("lore_1");
            assertThat(store.locations().list(id)).extracting(Location::locationId)
                    .containsExactly("start", "padded", "twin", "origin", "lore_1");
            assertThat(store.locations().at(id, Coordinates.of(1, 0, 0))).map(Location::locationId).hasValue("padded");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private WorldStore open() {
        return TestStores.configure(dir.resolve("store")).open();
    }

    /** Writes {@code world_state.json} into a world folder, imports it and checks both exports give it back. */
    private String importWorld(WorldStore store, String name, String stateText) throws IOException {
        Path world = dir.resolve("src").resolve(name);
        Files.createDirectories(world);
        Files.writeString(world.resolve("world_state.json"), stateText, StandardCharsets.UTF_8);
        String id = importOk(store, world);
        assertExports(store, id, stateText);
        return id;
    }

    private static String importOk(WorldStore store, Path folder) {
        List<ImportResult> results = store.folders().importFolders(List.of(folder), false);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).error()).as("import of " + folder).isNull();
        return results.get(0).worldId();
    }

    private static void edit(WorldStore store, String worldId, String locationId,
                             java.util.function.UnaryOperator<Location> change) {
        store.locations().put(worldId, change.apply(store.locations().get(worldId, locationId)));
    }

    /** Both layouts write {@code world_state.json} as exactly {@code expected}. */
    private void assertExports(WorldStore store, String id, String expected) throws IOException {
        for (Layout layout : Layout.values()) {
            Path folder = export(store, id, layout);
            assertThat(read(folder.resolve("world_state.json"))).as(layout.name()).isEqualTo(expected);
            assertThat(Files.readAllBytes(folder.resolve("world_state.json"))).as(layout.name())
                    .isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        }
    }

    private Path export(WorldStore store, String id, Layout layout) {
        Path out = dir.resolve("out").resolve(String.valueOf(++exports));
        List<ExportResult> results = store.folders().export(List.of(id), out, layout);
        assertThat(results).hasSize(1);
        return out.resolve(id);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
