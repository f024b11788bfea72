package io.cardshark.worlds;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocationsApiTest {

    @TempDir
    Path dir;
    WorldStore store;
    String world;

    @BeforeEach
    void open() {
        store = TempStore.open(dir);
        world = store.worlds().create("Grid World").id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Location hall() {
        return Location.at(Coordinates.of(0, 1, 0), "hall", "Hall", "Long tables.")
                .withIntroduction("You enter.")
                .withBackground("hall.png")
                .withExits(List.of(Exit.to("south", "Gate", Coordinates.of(0, 0, 0)),
                        new Exit("down", null, "cellar", "Stairs", null, true, "key_1")))
                .withNpcs(List.of("characters/Zoë 🦊.png", "7f3c2a9e-1d2b-4c5d-9e8f-0a1b2c3d4e5f"))
                .withEvents(List.of(new EventDefinition("evt_1", "enter", "A draft.", List.of("night", "!rain"), 30L),
                        new EventDefinition("evt_2", "look", "Dust.", null, null)));
    }

    @Test
    void putThenGetByIdAndByCoordinatesReturnsEveryField() {
        Location stored = store.locations().put(world, hall());
        assertThat(stored).isEqualTo(hall());
        assertThat(store.locations().get(world, "hall")).isEqualTo(hall());
        assertThat(store.locations().at(world, Coordinates.of(0, 1, 0))).hasValue(hall());
        assertThat(store.locations().at(world, Coordinates.of(9, 9, 9))).isEmpty();
        assertThat(store.locations().get(world, "hall").exits().get(1).isLocked()).isTrue();
    }

    @Test
    void aSecondLocationAtTheSameCoordinatesIsRefused() {
        store.locations().put(world, hall());
        Location intruder = Location.at(Coordinates.of(0, 1, 0), "other", "Other", "d");
        assertThatThrownBy(() -> store.locations().put(world, intruder))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("0,1,0").hasMessageContaining("hall").hasMessageContaining("Grid_World");
        assertThat(store.locations().find(world, "other")).isEmpty();
    }

    @Test
    void putReplacesByIdAndMayMoveTheLocation() {
        store.locations().put(world, hall());
        Location moved = new Location("hall", "Hall", "Moved.", Coordinates.of(-3, 2, -1), null, null, null, null,
                null, null, true, List.of(), List.of(), List.of());
        store.locations().put(world, moved);
        assertThat(store.locations().get(world, "hall")).isEqualTo(moved);
        assertThat(store.locations().at(world, Coordinates.of(0, 1, 0))).isEmpty();
        assertThat(store.locations().at(world, Coordinates.of(-3, 2, -1))).hasValue(moved);
        assertThat(store.locations().list(world)).hasSize(1);
    }

    @Test
    void listsKeepInsertionOrderAndSeparateUnconnectedLore() {
        for (int i = 10; i >= 0; i--) {
            store.locations().put(world, Location.at(Coordinates.of(i, 0, 0), "loc_" + i, "L" + i, "d"));
        }
        store.locations().put(world, Location.unconnected("lore_9", "Nine", "d", "book"));
        store.locations().put(world, Location.unconnected("lore_10", "Ten", "d", "book"));
        List<Location> all = store.locations().list(world);
        assertThat(all).extracting(Location::locationId).startsWith("loc_10", "loc_9").endsWith("loc_0", "lore_9", "lore_10");
        assertThat(store.locations().unconnected(world)).extracting(Location::locationId).containsExactly("lore_9", "lore_10");
        assertThat(store.locations().within(world, Box.of(Coordinates.of(2, 0, 0), Coordinates.of(4, 0, 0))))
                .extracting(Location::locationId).containsExactly("loc_4", "loc_3", "loc_2");
    }

    /**
     * Over 500 matches, the children are read for the whole world in one scan each and sorted to their locations;
     * those of locations outside the box are skipped. Each location here has children of its own (two exits, an
     * NPC and an event named after it), so a child handed to the wrong location or left out shows.
     */
    @Test
    void aBoxOfManyLocationsGetsEachLocationsOwnChildren() {
        List<Location> all = new java.util.ArrayList<>();
        for (int x = 0; x < 30; x++) {
            for (int y = 0; y < 30; y++) {
                String id = "loc_" + x + "_" + y;
                all.add(Location.at(Coordinates.of(x, y, 0), id, "L" + id, "d")
                        .withExits(List.of(Exit.to("north", "N of " + id, Coordinates.of(x, y + 1, 0)),
                                new Exit("down", null, "cellar_" + id, "Stairs of " + id, null, x % 2 == 0, null)))
                        .withNpcs(List.of("npc_" + id))
                        .withEvents(List.of(new EventDefinition("evt_" + id, "enter", "At " + id, List.of(id), (long) x))));
            }
        }
        store.useTransaction(tx -> all.forEach(l -> tx.locations().put(world, l)));

        List<Location> box = store.locations().within(world, new Box(Coordinates.of(0, 0, 0), Coordinates.of(19, 29, 0)));
        assertThat(box).hasSize(600).isEqualTo(all.subList(0, 600));
        assertThat(store.locations().within(world, new Box(Coordinates.of(3, 4, 0), Coordinates.of(4, 5, 0))))
                .containsExactly(all.get(3 * 30 + 4), all.get(3 * 30 + 5), all.get(4 * 30 + 4), all.get(4 * 30 + 5));
        assertThat(store.locations().list(world)).isEqualTo(all);
    }

    @Test
    void connectPlacesLoreOnTheGridOnce() {
        store.locations().put(world, Location.unconnected("lore_1", "Chapel", "Sunken.", "tales"));
        Location placed = store.locations().connect(world, "lore_1", Coordinates.of(5, 5, 0));
        assertThat(placed.coordinates()).isEqualTo(Coordinates.of(5, 5, 0));
        assertThat(placed.loreSource()).isEqualTo("tales");
        assertThat(store.locations().unconnected(world)).isEmpty();
        assertThat(store.locations().at(world, Coordinates.of(5, 5, 0))).hasValue(placed);
        assertThatThrownBy(() -> store.locations().connect(world, "lore_1", Coordinates.of(6, 6, 0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already connected");
        store.locations().put(world, Location.unconnected("lore_2", "Tower", "Tall.", "tales"));
        assertThatThrownBy(() -> store.locations().connect(world, "lore_2", Coordinates.of(5, 5, 0)))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(store.locations().unconnected(world)).extracting(Location::locationId).containsExactly("lore_2");
    }

    @Test
    void npcLookupSpansWorlds() {
        store.locations().put(world, hall());
        String other = store.worlds().create("Other World").id();
        store.locations().put(other, Location.at(Coordinates.of(0, 0, 0), "camp", "Camp", "d")
                .withNpcs(List.of("characters/Zoë 🦊.png")));
        assertThat(store.locations().whereNpcAppears("characters/Zoë 🦊.png")).containsExactly(
                new NpcAppearance("Grid_World", "hall", "Hall"), new NpcAppearance("Other_World", "camp", "Camp"));
        assertThat(store.locations().whereNpcAppears("nobody")).isEmpty();
    }

    @Test
    void removeDeletesChildrenToo() {
        store.locations().put(world, hall());
        store.locations().remove(world, "hall");
        assertThat(store.locations().find(world, "hall")).isEmpty();
        assertThat(store.locations().whereNpcAppears("characters/Zoë 🦊.png")).isEmpty();
        assertThatThrownBy(() -> store.locations().remove(world, "hall")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("hall");
    }

    @Test
    void invalidLocationsAreRefusedNamingTheFieldAndChangeNothing() {
        store.locations().put(world, hall());
        long version = store.worlds().get(world).rowVersion();
        List<Location> bad = List.of(
                Location.at(Coordinates.of(1, 1, 1), "", "n", "d"),
                Location.at(Coordinates.of(1, 1, 1), "a/b", "n", "d"),
                Location.at(Coordinates.of(1, 1, 1), "..", "n", "d"),
                Location.at(Coordinates.of(1, 1, 1), "x", null, "d"),
                Location.at(Coordinates.of(1, 1, 1), "x", "n", null),
                Location.unconnected("lore_x", "n", "d", null),
                Location.at(Coordinates.of(1, 1, 1), "x", "n", "d").withBackground("../../etc/passwd"),
                Location.at(Coordinates.of(1, 1, 1), "x", "n", "d").withExits(List.of(
                        Exit.to("north", "a", Coordinates.of(0, 0, 0)), Exit.to("north", "b", Coordinates.of(0, 0, 0)))),
                Location.at(Coordinates.of(1, 1, 1), "x", "n", "d").withExits(List.of(
                        new Exit("", null, null, "n", null, false, null))),
                Location.at(Coordinates.of(1, 1, 1), "x", "n", "d").withEvents(List.of(
                        new EventDefinition("e", null, "d", null, null))),
                Location.at(Coordinates.of(1, 1, 1), "x", "n", "d").withNpcs(List.of("a", "")),
                Location.at(Coordinates.of(1, 1, 1), "x", "n", "x".repeat(1_000_001)));
        for (Location l : bad) {
            assertThatThrownBy(() -> store.locations().put(world, l)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Grid_World");
        }
        assertThatThrownBy(() -> store.locations().put(world, null)).isInstanceOf(InvalidInputException.class);
        assertThat(store.locations().list(world)).containsExactly(hall());
        assertThat(store.worlds().get(world).rowVersion()).isEqualTo(version);
    }

    @Test
    void locationsOfAMissingWorldAreNotFound() {
        assertThatThrownBy(() -> store.locations().put("Missing", hall())).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Missing");
        assertThatThrownBy(() -> store.locations().list("Missing")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.locations().get(world, "nope")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nope");
    }
}
