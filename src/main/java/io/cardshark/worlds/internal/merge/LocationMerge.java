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
import io.cardshark.worlds.internal.doc.ModelFields;
import io.cardshark.worlds.internal.doc.Residual;
import io.cardshark.worlds.internal.doc.StoredJson;
import io.cardshark.worlds.internal.rows.LocationRows;
import io.cardshark.worlds.internal.rows.LocationRows.Stored;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * What an API put makes of a location: a pure function of the location as stored (or none) and the new
 * value, giving the rows to store. A location that was stored keeps its placement, entry key, position, key
 * order and extras; of its fields, only those the put changes are written anew (format §3.4, {@link Residual}),
 * and so for its exits and event definitions.
 */
public final class LocationMerge {

    private LocationMerge() {
    }

    /**
     * The rows of {@code after}, given the location as stored ({@code null}: a new one).
     *
     * @param nextOrdinal the ordinal a location added to a placement ({@link LocationRows#GRID} or
     *                    {@link LocationRows#LORE}) would take; asked only when the location moves to one
     * @throws InvalidInputException when the location would be unconnected without a lore source
     */
    public static Stored merge(String worldId, Stored before, Location after, ToIntFunction<String> nextOrdinal) {
        LocationRecord old = before == null ? null : before.location();
        Location was = before == null ? null : before.toLocation();
        // An entry of "locations" whose key names no coordinates (or names taken ones) reads without
        // coordinates; it stays in "locations" under its key unless the caller places it on the grid.
        boolean keptOffGrid = !after.isOnGrid() && old != null && old.getPlacement().equals(LocationRows.GRID)
                && old.getX() == null;
        String placement = after.isOnGrid() || keptOffGrid ? LocationRows.GRID : LocationRows.LORE;
        if (placement.equals(LocationRows.LORE) && after.loreSource() == null) {
            throw new InvalidInputException(worldId, "world " + worldId + ": location " + after.locationId()
                    + " lore_source (required for an unconnected location): expected a string, found null");
        }
        LocationRecord row = new LocationRecord();
        Residual residual = place(row, old, after, placement, nextOrdinal);
        row.setLocationId(after.locationId());
        row.setPlacement(placement);
        if (after.isOnGrid()) {
            row.setX(after.coordinates().x());
            row.setY(after.coordinates().y());
            row.setZ(after.coordinates().z());
        }
        // The "coordinates" field is independent of the key: rewritten only when the location moves, added only
        // when the key alone does not say where it is.
        if (was == null || !Objects.equals(was.coordinates(), after.coordinates())) {
            Coordinates c = after.coordinates();
            row.setCoordinates(c == null ? null : StoredJson.intArray(c.x(), c.y(), c.z()));
            residual.field("coordinates", true, c == null || row.getEntryKey().equals(c.key()));
        } else {
            row.setCoordinates(old.getCoordinates());
        }
        setFields(row, after);
        boolean exitsChanged = was == null || !was.exits().equals(after.exits());
        row.setExplicitExitsNull(!exitsChanged && old.getExplicitExitsNull());
        if (was != null) {
            fieldsChanged(residual, was, after, exitsChanged);
        }
        row.setKeyOrder(residual.keyOrder());
        row.setExtras(residual.extras());
        return new Stored(row, exits(before, after), after.npcs(), events(before, after));
    }

    /** Sets the row's ordinal and entry key; returns the key order and extras to change. */
    private static Residual place(LocationRecord row, LocationRecord old, Location after, String placement,
                                  ToIntFunction<String> nextOrdinal) {
        if (old != null && old.getPlacement().equals(placement)) {
            row.setOrdinal(old.getOrdinal());
            boolean keyWasCoordinates = old.getX() != null && old.getEntryKey().equals(
                    new Coordinates(old.getX(), old.getY(), old.getZ()).key());
            row.setEntryKey(after.isOnGrid() && keyWasCoordinates ? after.coordinates().key() : old.getEntryKey());
            return Residual.of(old.getKeyOrder(), old.getExtras());
        }
        row.setOrdinal(nextOrdinal.applyAsInt(placement));
        row.setEntryKey(after.isOnGrid() ? after.coordinates().key() : after.locationId());
        return old != null ? Residual.of(old.getKeyOrder(), old.getExtras())
                : Residual.fresh(after.isOnGrid() ? ModelFields.LOCATION
                        : KeyOrders.appendKeys(ModelFields.UNCONNECTED, presentFields(after)));
    }

    private static void setFields(LocationRecord row, Location l) {
        row.setName(l.name());
        row.setDescription(l.description());
        row.setIntroduction(l.introduction());
        row.setZoneId(l.zoneId());
        row.setRoomType(l.roomType());
        row.setNotes(l.notes());
        row.setBackground(l.background());
        row.setLoreSource(l.loreSource());
        row.setConnected(l.connected());
    }

    private static void fieldsChanged(Residual r, Location was, Location l, boolean exitsChanged) {
        r.field("name", !Objects.equals(was.name(), l.name()), false);
        r.field("description", !Objects.equals(was.description(), l.description()), false);
        r.field("introduction", !Objects.equals(was.introduction(), l.introduction()), l.introduction() == null);
        r.field("zone_id", !Objects.equals(was.zoneId(), l.zoneId()), l.zoneId() == null);
        r.field("room_type", !Objects.equals(was.roomType(), l.roomType()), l.roomType() == null);
        r.field("notes", !Objects.equals(was.notes(), l.notes()), l.notes() == null);
        r.field("background", !Objects.equals(was.background(), l.background()), l.background() == null);
        r.field("events", !was.events().equals(l.events()), l.events().isEmpty());
        r.field("npcs", !was.npcs().equals(l.npcs()), l.npcs().isEmpty());
        r.field("explicit_exits", exitsChanged, l.exits().isEmpty());
        r.field("lore_source", !Objects.equals(was.loreSource(), l.loreSource()), l.loreSource() == null);
        // Absent and null both read as connected.
        r.field("connected", !Objects.equals(was.connected(), l.connected()), !Boolean.FALSE.equals(l.connected()));
    }

    /** The exit rows: an exit of a direction that was stored continues its row (key order, extras). */
    private static List<LocationExitRecord> exits(Stored before, Location after) {
        Map<String, LocationExitRecord> old = new HashMap<>();
        if (before != null) {
            before.exits().forEach(e -> old.put(e.getDirection(), e));
        }
        List<LocationExitRecord> rows = new ArrayList<>(after.exits().size());
        for (Exit e : after.exits()) {
            LocationExitRecord previous = old.get(e.direction());
            LocationExitRecord x = new LocationExitRecord();
            x.setDirection(e.direction());
            x.setTargetCoordinates(e.targetCoordinates());
            x.setTargetLocationId(e.targetLocationId());
            x.setName(e.name());
            x.setDescription(e.description());
            x.setKeyItemId(e.keyItemId());
            Residual r = previous == null ? Residual.fresh(ModelFields.EXIT) : exitChanged(previous, e);
            // "locked" is a boolean where it is written (null is not allowed there); absent stays absent.
            x.setLocked(e.locked() == null && r.has("locked") ? Boolean.FALSE : e.locked());
            x.setKeyOrder(r.keyOrder());
            x.setExtras(r.extras());
            rows.add(x);
        }
        return rows;
    }

    private static Residual exitChanged(LocationExitRecord previous, Exit e) {
        Exit was = LocationRows.exit(previous);
        Residual r = Residual.of(previous.getKeyOrder(), previous.getExtras());
        r.field("target_coordinates", !Objects.equals(was.targetCoordinates(), e.targetCoordinates()),
                e.targetCoordinates() == null);
        r.field("target_location_id", !Objects.equals(was.targetLocationId(), e.targetLocationId()),
                e.targetLocationId() == null);
        r.field("name", !Objects.equals(was.name(), e.name()), false);
        r.field("description", !Objects.equals(was.description(), e.description()), e.description() == null);
        // Absent and null both read as unlocked.
        r.field("locked", !Objects.equals(was.locked(), e.locked()), !e.isLocked());
        r.field("key_item_id", !Objects.equals(was.keyItemId(), e.keyItemId()), e.keyItemId() == null);
        return r;
    }

    /** The event definition rows: each continues the stored definition {@link #matchEvents} pairs it with. */
    private static List<LocationEventRecord> events(Stored before, Location after) {
        List<LocationEventRecord> old = before == null ? List.of() : before.events();
        List<LocationEventRecord> matched = matchEvents(old, after.events());
        List<LocationEventRecord> rows = new ArrayList<>(after.events().size());
        for (int i = 0; i < after.events().size(); i++) {
            EventDefinition ev = after.events().get(i);
            LocationEventRecord previous = matched.get(i);
            LocationEventRecord r = new LocationEventRecord();
            r.setEventId(ev.id());
            r.setTriggerName(ev.trigger());
            r.setDescription(ev.description());
            r.setCooldown(ev.cooldown());
            Residual res;
            if (previous == null) {
                res = Residual.fresh(ModelFields.EVENT);
                r.setConditions(ev.conditions() == null ? null : StoredJson.stringArray(ev.conditions()));
            } else {
                EventDefinition was = LocationRows.event(previous);
                res = Residual.of(previous.getKeyOrder(), previous.getExtras());
                res.field("id", !Objects.equals(was.id(), ev.id()), false);
                res.field("trigger", !Objects.equals(was.trigger(), ev.trigger()), false);
                res.field("description", !Objects.equals(was.description(), ev.description()), false);
                boolean conditionsChanged = !Objects.equals(was.conditions(), ev.conditions());
                res.field("conditions", conditionsChanged, ev.conditions() == null);
                r.setConditions(!conditionsChanged ? previous.getConditions()
                        : ev.conditions() == null ? null : StoredJson.stringArray(ev.conditions()));
                res.field("cooldown", !Objects.equals(was.cooldown(), ev.cooldown()), ev.cooldown() == null);
            }
            r.setKeyOrder(res.keyOrder());
            r.setExtras(res.extras());
            rows.add(r);
        }
        return rows;
    }

    /**
     * The stored definition each new one continues, by position in the new list ({@code null}: a new
     * definition). The same id matches first (at the same position, else the first unused one), then a
     * definition left at the same position.
     */
    static List<LocationEventRecord> matchEvents(List<LocationEventRecord> old, List<EventDefinition> events) {
        List<LocationEventRecord> matched = new ArrayList<>(Collections.nCopies(events.size(), null));
        boolean[] used = new boolean[old.size()];
        for (int i = 0; i < events.size(); i++) {
            if (i < old.size() && Objects.equals(old.get(i).getEventId(), events.get(i).id())) {
                matched.set(i, old.get(i));
                used[i] = true;
            }
        }
        for (int i = 0; i < events.size(); i++) {
            for (int j = 0; j < old.size() && matched.get(i) == null; j++) {
                if (!used[j] && Objects.equals(old.get(j).getEventId(), events.get(i).id())) {
                    matched.set(i, old.get(j));
                    used[j] = true;
                }
            }
        }
        for (int i = 0; i < events.size(); i++) {
            if (matched.get(i) == null && i < old.size() && !used[i]) {
                matched.set(i, old.get(i));
                used[i] = true;
            }
        }
        return matched;
    }

    /** The known fields a new unconnected location carries a value for, in model order. */
    private static List<String> presentFields(Location l) {
        List<String> present = new ArrayList<>(List.of("name", "location_id", "description"));
        if (l.isOnGrid()) {
            present.add("coordinates");
        }
        addIf(present, "introduction", l.introduction() != null);
        addIf(present, "zone_id", l.zoneId() != null);
        addIf(present, "room_type", l.roomType() != null);
        addIf(present, "notes", l.notes() != null);
        addIf(present, "background", l.background() != null);
        addIf(present, "events", !l.events().isEmpty());
        addIf(present, "npcs", !l.npcs().isEmpty());
        addIf(present, "explicit_exits", !l.exits().isEmpty());
        addIf(present, "lore_source", l.loreSource() != null);
        addIf(present, "connected", l.connected() != null);
        present.sort((a, b) -> Integer.compare(ModelFields.LOCATION.indexOf(a), ModelFields.LOCATION.indexOf(b)));
        return present;
    }

    private static void addIf(List<String> list, String key, boolean condition) {
        if (condition) {
            list.add(key);
        }
    }
}
