package io.cardshark.worlds.internal.merge;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.EventDefinition;
import io.cardshark.worlds.Exit;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.internal.db.tables.records.LocationEventRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationExitRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationRecord;
import io.cardshark.worlds.internal.doc.KeyOrders;
import io.cardshark.worlds.internal.rows.LocationRows;
import io.cardshark.worlds.internal.rows.LocationRows.Stored;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The merge of an API put with a stored location, without a store (format §3.4): a new location gets the
 * model's fields in the model's order; an edited one keeps its key order, its unknown keys and every field the
 * put leaves as it was, and a field the put sets that the object never had goes last.
 */
class LocationMergeTest {

    private static final Coordinates ORIGIN = Coordinates.of(0, 0, 0);

    private static List<String> keys(String stored) {
        return KeyOrders.keyOrder(stored);
    }

    /** A location as an import stores it: these keys in this order, with an unknown one among them. */
    private static Stored imported() {
        LocationRecord r = new LocationRecord();
        r.setLocationId("hall");
        r.setPlacement(LocationRows.GRID);
        r.setEntryKey("0,0,0");
        r.setOrdinal(3);
        r.setX(0);
        r.setY(0);
        r.setZ(0);
        r.setName("Hall");
        r.setDescription("Long tables.");
        r.setExplicitExitsNull(false);
        r.setKeyOrder(KeyOrders.keyOrder(List.of("location_id", "name", "custom_mood", "description", "npcs",
                "explicit_exits")));
        r.setExtras("{\"custom_mood\": \"gloomy\"}");
        LocationExitRecord north = new LocationExitRecord();
        north.setDirection("north");
        north.setTargetCoordinates("0,1,0");
        north.setName("Arch");
        north.setKeyOrder(KeyOrders.keyOrder(List.of("name", "target_coordinates", "secret")));
        north.setExtras("{\"secret\": true}");
        return new Stored(r, List.of(north), List.of("characters/Brann.png"), List.of());
    }

    @Test
    void aNewConnectedLocationHasEveryFieldOfTheModelInItsOrder() {
        Location l = Location.at(Coordinates.of(2, -1, 0), "gate", "Gate", "Rain.");
        Stored s = LocationMerge.merge("W", null, l, placement -> 7);
        assertThat(s.location().getPlacement()).isEqualTo("GRID");
        assertThat(s.location().getEntryKey()).isEqualTo("2,-1,0");
        assertThat(s.location().getOrdinal()).isEqualTo(7);
        assertThat(s.location().getCoordinates()).isEqualTo("[2, -1, 0]");
        assertThat(keys(s.location().getKeyOrder())).containsExactly("name", "coordinates", "location_id",
                "description", "introduction", "zone_id", "room_type", "notes", "background", "events", "npcs",
                "explicit_exits", "lore_source", "connected");
        assertThat(s.location().getExtras()).isNull();
    }

    @Test
    void aNewUnconnectedLocationHasTheLoreFieldsThenWhatItSets() {
        Location l = Location.unconnected("chapel", "Drowned Chapel", "Never found.", "Brann's stories")
                .withNotes("ask Mira");
        Stored s = LocationMerge.merge("W", null, l, placement -> placement.equals("LORE") ? 0 : 99);
        assertThat(s.location().getPlacement()).isEqualTo("LORE");
        assertThat(s.location().getEntryKey()).isEqualTo("chapel");
        assertThat(s.location().getOrdinal()).isZero();
        assertThat(keys(s.location().getKeyOrder())).containsExactly("location_id", "name", "description",
                "lore_source", "notes");
    }

    @Test
    void anUnconnectedLocationNeedsALoreSource() {
        Location l = Location.unconnected("chapel", "Drowned Chapel", "Never found.", null);
        assertThatThrownBy(() -> LocationMerge.merge("W", null, l, p -> 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lore_source");
    }

    @Test
    void anEditKeepsKeyOrderUnknownKeysAndUntouchedFields() {
        Stored before = imported();
        Location edited = before.toLocation().withDescription("Long tables, cold hearth.");
        Stored s = LocationMerge.merge("W", before, edited, p -> {
            throw new AssertionError("a location that stays where it is keeps its ordinal");
        });
        assertThat(s.location().getOrdinal()).isEqualTo(3);
        assertThat(s.location().getEntryKey()).isEqualTo("0,0,0");
        assertThat(keys(s.location().getKeyOrder())).containsExactly("location_id", "name", "custom_mood",
                "description", "npcs", "explicit_exits");
        assertThat(s.location().getExtras()).isEqualTo("{\"custom_mood\": \"gloomy\"}");
        assertThat(s.location().getDescription()).isEqualTo("Long tables, cold hearth.");
        assertThat(s.location().getCoordinates()).as("not moved: the field stays absent").isNull();
    }

    @Test
    void aFieldTheObjectNeverHadGoesLastAndOnlyWhenItReadsDifferentlyFromAbsence() {
        Stored before = imported();
        Location edited = before.toLocation().withIntroduction("You enter.").withZone(null);
        Stored s = LocationMerge.merge("W", before, edited, p -> 0);
        assertThat(keys(s.location().getKeyOrder())).containsExactly("location_id", "name", "custom_mood",
                "description", "npcs", "explicit_exits", "introduction");
    }

    @Test
    void aMoveMovesTheCoordinatesKeyAndWritesTheCoordinatesField() {
        Stored before = imported();
        Location moved = before.toLocation().withCoordinates(Coordinates.of(5, 5, 0));
        Stored s = LocationMerge.merge("W", before, moved, p -> 0);
        assertThat(s.location().getEntryKey()).isEqualTo("5,5,0");
        assertThat(s.location().getCoordinates()).isEqualTo("[5, 5, 0]");
        assertThat(keys(s.location().getKeyOrder())).as("the key says where it is: no coordinates field added")
                .doesNotContain("coordinates");
    }

    @Test
    void anUnchangedExitKeepsItsKeysAndANewOneGetsTheModelsFields() {
        Stored before = imported();
        Location edited = before.toLocation().withExits(List.of(before.toLocation().exits().get(0),
                Exit.to("down", "Stairs", ORIGIN.plus(0, 0, -1)).lockedBy("key")));
        Stored s = LocationMerge.merge("W", before, edited, p -> 0);
        assertThat(s.exits()).hasSize(2);
        assertThat(keys(s.exits().get(0).getKeyOrder())).containsExactly("name", "target_coordinates", "secret");
        assertThat(s.exits().get(0).getExtras()).isEqualTo("{\"secret\": true}");
        assertThat(s.exits().get(0).getLocked()).as("absent stays absent").isNull();
        assertThat(keys(s.exits().get(1).getKeyOrder())).containsExactly("target_coordinates", "target_location_id",
                "name", "description", "locked", "key_item_id");
        assertThat(s.exits().get(1).getLocked()).isTrue();
        assertThat(keys(s.location().getKeyOrder())).as("explicit_exits was there: its key stays where it was")
                .containsExactly("location_id", "name", "custom_mood", "description", "npcs", "explicit_exits");
    }

    @Test
    void eventDefinitionsContinueTheStoredOneWithTheSameIdWhereverItMoved() {
        LocationEventRecord creak = new LocationEventRecord();
        creak.setEventId("creak");
        creak.setTriggerName("enter");
        creak.setDescription("It creaks.");
        LocationEventRecord bell = new LocationEventRecord();
        bell.setEventId("bell");
        bell.setTriggerName("timer");
        bell.setDescription("A bell.");
        List<EventDefinition> now = List.of(new EventDefinition("bell", "timer", "A bell.", null, null),
                new EventDefinition("new", "look", "New.", null, null),
                new EventDefinition("creak", "enter", "It creaks.", null, null));
        List<LocationEventRecord> matched = LocationMerge.matchEvents(List.of(creak, bell), now);
        assertThat(matched).containsExactly(bell, null, creak);
        assertThat(LocationMerge.matchEvents(List.of(creak), List.of(new EventDefinition("renamed", "enter", "x", null, null))))
                .as("no id matches: the one left at the same position continues").containsExactly(creak);
    }
}
