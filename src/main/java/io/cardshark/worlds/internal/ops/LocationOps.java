package io.cardshark.worlds.internal.ops;

import io.cardshark.worlds.internal.engine.Access;
import io.cardshark.worlds.AlreadyExistsException;
import io.cardshark.worlds.Box;
import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.EventDefinition;
import io.cardshark.worlds.Exit;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.Locations;
import io.cardshark.worlds.NotFoundException;
import io.cardshark.worlds.NpcAppearance;
import io.cardshark.worlds.internal.db.tables.records.LocationEventRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationExitRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.cardshark.worlds.internal.db.Tables.LOCATION;
import static io.cardshark.worlds.internal.db.Tables.LOCATION_EVENT;
import static io.cardshark.worlds.internal.db.Tables.LOCATION_EXIT;
import static io.cardshark.worlds.internal.db.Tables.LOCATION_NPC;

/** {@link Locations} over the location, location_exit, location_npc and location_event tables. */
public final class LocationOps implements Locations {

    private static final Logger log = LoggerFactory.getLogger(LocationOps.class);

    public static final String GRID = "GRID";
    public static final String LORE = "LORE";

    // A point read, compiled once (Compiled): the location, then its exits, NPCs and events by primary key.
    private static final Compiled AT = Compiled.select(LOCATION, DSL.selectFrom(LOCATION)
            .where(LOCATION.WORLD_ID.eq(Compiled.bind(LOCATION.WORLD_ID)), LOCATION.X.eq(Compiled.bind(LOCATION.X)),
                    LOCATION.Y.eq(Compiled.bind(LOCATION.Y)), LOCATION.Z.eq(Compiled.bind(LOCATION.Z)))
            .orderBy(DSL.when(LOCATION.PLACEMENT.eq(GRID), 0).otherwise(1), LOCATION.ORDINAL).limit(1));
    private static final Compiled BY_ID = Compiled.select(LOCATION, DSL.selectFrom(LOCATION)
            .where(LOCATION.WORLD_ID.eq(Compiled.bind(LOCATION.WORLD_ID)),
                    LOCATION.LOCATION_ID.eq(Compiled.bind(LOCATION.LOCATION_ID))));
    private static final Compiled EXITS_OF = Compiled.select(LOCATION_EXIT, DSL.selectFrom(LOCATION_EXIT)
            .where(LOCATION_EXIT.WORLD_ID.eq(Compiled.bind(LOCATION_EXIT.WORLD_ID)),
                    LOCATION_EXIT.LOCATION_ID.eq(Compiled.bind(LOCATION_EXIT.LOCATION_ID)))
            .orderBy(LOCATION_EXIT.ORDINAL));
    private static final Compiled NPCS_OF = Compiled.select(DSL.select(LOCATION_NPC.NPC_REF).from(LOCATION_NPC)
            .where(LOCATION_NPC.WORLD_ID.eq(Compiled.bind(LOCATION_NPC.WORLD_ID)),
                    LOCATION_NPC.LOCATION_ID.eq(Compiled.bind(LOCATION_NPC.LOCATION_ID)))
            .orderBy(LOCATION_NPC.ORDINAL), LOCATION_NPC.NPC_REF);
    private static final Compiled EVENTS_OF = Compiled.select(LOCATION_EVENT, DSL.selectFrom(LOCATION_EVENT)
            .where(LOCATION_EVENT.WORLD_ID.eq(Compiled.bind(LOCATION_EVENT.WORLD_ID)),
                    LOCATION_EVENT.LOCATION_ID.eq(Compiled.bind(LOCATION_EVENT.LOCATION_ID)))
            .orderBy(LOCATION_EVENT.ORDINAL));

    private final Access access;

    public LocationOps(Access access) {
        this.access = access;
    }

    @Override
    public Location put(String worldId, Location location) {
        Checks.worldId(worldId);
        validate(worldId, location);
        return access.write(worldId, dsl -> {
            WorldLocks.lockForWrite(dsl, worldId);
            writeLocation(dsl, worldId, location);
            log.debug("world {}: put location {}", worldId, location.locationId());
            return load(dsl, worldId, location.locationId()).orElseThrow();
        });
    }

    private static void validate(String worldId, Location l) {
        if (l == null) {
            throw new InvalidInputException(worldId, "world " + worldId + ": location: expected a location, found null");
        }
        Checks.safeSegment(worldId, "location_id", l.locationId(), 250);
        String at = "location " + l.locationId() + " ";
        Checks.required(worldId, at + "name", l.name(), Checks.MAX_NAME);
        Checks.required(worldId, at + "description", l.description(), Checks.MAX_TEXT);
        Checks.optional(worldId, at + "introduction", l.introduction(), Checks.MAX_TEXT);
        Checks.optional(worldId, at + "zone_id", l.zoneId(), Checks.MAX_NAME);
        Checks.optional(worldId, at + "room_type", l.roomType(), Checks.MAX_NAME);
        Checks.optional(worldId, at + "notes", l.notes(), Checks.MAX_TEXT);
        Checks.optional(worldId, at + "lore_source", l.loreSource(), Checks.MAX_TEXT);
        if (l.background() != null) {
            Checks.safeSegment(worldId, at + "background", l.background(), 255);
        }
        Set<String> directions = new HashSet<>();
        for (Exit e : l.exits()) {
            if (e == null) {
                throw new InvalidInputException(worldId, "world " + worldId + ": " + at + "explicit_exits: expected an exit, found null");
            }
            Checks.nonEmpty(worldId, at + "exit direction", e.direction(), Checks.MAX_NAME);
            if (!directions.add(e.direction())) {
                throw new InvalidInputException(worldId, "world " + worldId + ": " + at + "explicit_exits: direction \""
                        + e.direction() + "\" appears twice");
            }
            String exitAt = at + "exit " + e.direction() + " ";
            Checks.required(worldId, exitAt + "name", e.name(), Checks.MAX_NAME);
            Checks.optional(worldId, exitAt + "target_coordinates", e.targetCoordinates(), Checks.MAX_NAME);
            Checks.optional(worldId, exitAt + "target_location_id", e.targetLocationId(), Checks.MAX_NAME);
            Checks.optional(worldId, exitAt + "description", e.description(), Checks.MAX_TEXT);
            Checks.optional(worldId, exitAt + "key_item_id", e.keyItemId(), Checks.MAX_NAME);
        }
        for (String npc : l.npcs()) {
            Checks.nonEmpty(worldId, at + "npcs", npc, 4000);
        }
        for (EventDefinition ev : l.events()) {
            if (ev == null) {
                throw new InvalidInputException(worldId, "world " + worldId + ": " + at + "events: expected an event definition, found null");
            }
            Checks.required(worldId, at + "event id", ev.id(), Checks.MAX_NAME);
            String evAt = at + "event " + ev.id() + " ";
            Checks.required(worldId, evAt + "trigger", ev.trigger(), Checks.MAX_NAME);
            Checks.required(worldId, evAt + "description", ev.description(), Checks.MAX_TEXT);
            if (ev.conditions() != null) {
                for (String c : ev.conditions()) {
                    Checks.required(worldId, evAt + "conditions", c, Checks.MAX_TEXT);
                }
            }
        }
    }

    /**
     * Inserts or replaces one location with its children; the world lock is held. A location that was
     * already stored keeps its placement, entry key, position, key order and extras; only the fields this
     * call changes are written (format spec §3.4), see {@link Residual}.
     */
    private static void writeLocation(DSLContext dsl, String worldId, Location l) {
        LocationRecord old = dsl.selectFrom(LOCATION)
                .where(LOCATION.WORLD_ID.eq(worldId), LOCATION.LOCATION_ID.eq(l.locationId())).fetchOne();
        Location before = old == null ? null : load(dsl, worldId, l.locationId()).orElseThrow();
        // An entry of "locations" whose key names no coordinates (or names taken ones) reads without
        // coordinates; it stays in "locations" under its key unless the caller places it on the grid.
        boolean keptOffGrid = !l.isOnGrid() && old != null && old.getPlacement().equals(GRID) && old.getX() == null;
        String placement = l.isOnGrid() || keptOffGrid ? GRID : LORE;
        if (placement.equals(LORE)) {
            Checks.required(worldId, "location " + l.locationId() + " lore_source (required for an unconnected location)",
                    l.loreSource(), Checks.MAX_TEXT);
        }
        if (l.isOnGrid()) {
            Coordinates c = l.coordinates();
            Optional<String> occupant = dsl.select(LOCATION.LOCATION_ID).from(LOCATION)
                    .where(LOCATION.WORLD_ID.eq(worldId), LOCATION.X.eq(c.x()), LOCATION.Y.eq(c.y()), LOCATION.Z.eq(c.z()),
                            LOCATION.LOCATION_ID.ne(l.locationId()))
                    .fetchOptional(LOCATION.LOCATION_ID);
            if (occupant.isPresent()) {
                throw new AlreadyExistsException(worldId, "world " + worldId + ": location " + l.locationId()
                        + ": coordinates " + c + " are taken by location " + occupant.get());
            }
        }
        LocationRecord row = dsl.newRecord(LOCATION);
        Residual residual;
        if (old != null && old.getPlacement().equals(placement)) {
            row.setOrdinal(old.getOrdinal());
            boolean keyWasCoordinates = old.getX() != null && old.getEntryKey().equals(
                    new Coordinates(old.getX(), old.getY(), old.getZ()).key());
            row.setEntryKey(l.isOnGrid() && keyWasCoordinates ? l.coordinates().key() : old.getEntryKey());
            residual = Residual.of(old.getKeyOrder(), old.getExtras());
        } else {
            Integer last = dsl.select(DSL.max(LOCATION.ORDINAL)).from(LOCATION)
                    .where(LOCATION.WORLD_ID.eq(worldId), LOCATION.PLACEMENT.eq(placement)).fetchOne(0, Integer.class);
            row.setOrdinal(last == null ? 0 : last + 1);
            row.setEntryKey(l.isOnGrid() ? l.coordinates().key() : l.locationId());
            residual = old != null ? Residual.of(old.getKeyOrder(), old.getExtras())
                    : Residual.fresh(l.isOnGrid() ? ModelFields.LOCATION
                            : Documents.appendKeys(ModelFields.UNCONNECTED, presentFields(l)));
        }
        Map<String, LocationExitRecord> oldExits = new HashMap<>();
        List<LocationEventRecord> oldEvents = List.of();
        if (old != null) {
            for (LocationExitRecord e : dsl.selectFrom(LOCATION_EXIT)
                    .where(LOCATION_EXIT.WORLD_ID.eq(worldId), LOCATION_EXIT.LOCATION_ID.eq(l.locationId())).fetch()) {
                oldExits.put(e.getDirection(), e);
            }
            oldEvents = dsl.selectFrom(LOCATION_EVENT)
                    .where(LOCATION_EVENT.WORLD_ID.eq(worldId), LOCATION_EVENT.LOCATION_ID.eq(l.locationId()))
                    .orderBy(LOCATION_EVENT.ORDINAL).fetch();
            old.delete();
        }
        row.setWorldId(worldId);
        row.setLocationId(l.locationId());
        row.setPlacement(placement);
        if (l.isOnGrid()) {
            row.setX(l.coordinates().x());
            row.setY(l.coordinates().y());
            row.setZ(l.coordinates().z());
        }
        // The "coordinates" field is independent of the key: rewritten only when the location moves, added
        // only when the key alone does not say where it is.
        boolean moved = before == null || !Objects.equals(before.coordinates(), l.coordinates());
        if (moved) {
            row.setCoordinates(l.coordinates() == null ? null
                    : Documents.intArray(l.coordinates().x(), l.coordinates().y(), l.coordinates().z()));
            residual.field("coordinates", true, l.coordinates() == null || row.getEntryKey().equals(l.coordinates().key()));
        } else {
            row.setCoordinates(old.getCoordinates());
        }
        row.setName(l.name());
        row.setDescription(l.description());
        row.setIntroduction(l.introduction());
        row.setZoneId(l.zoneId());
        row.setRoomType(l.roomType());
        row.setNotes(l.notes());
        row.setBackground(l.background());
        row.setLoreSource(l.loreSource());
        row.setConnected(l.connected());
        boolean exitsChanged = before == null || !before.exits().equals(l.exits());
        row.setExplicitExitsNull(!exitsChanged && old.getExplicitExitsNull());
        if (before != null) {
            residual.field("name", !Objects.equals(before.name(), l.name()), false);
            residual.field("description", !Objects.equals(before.description(), l.description()), false);
            residual.field("introduction", !Objects.equals(before.introduction(), l.introduction()), l.introduction() == null);
            residual.field("zone_id", !Objects.equals(before.zoneId(), l.zoneId()), l.zoneId() == null);
            residual.field("room_type", !Objects.equals(before.roomType(), l.roomType()), l.roomType() == null);
            residual.field("notes", !Objects.equals(before.notes(), l.notes()), l.notes() == null);
            residual.field("background", !Objects.equals(before.background(), l.background()), l.background() == null);
            residual.field("events", !before.events().equals(l.events()), l.events().isEmpty());
            residual.field("npcs", !before.npcs().equals(l.npcs()), l.npcs().isEmpty());
            residual.field("explicit_exits", exitsChanged, l.exits().isEmpty());
            residual.field("lore_source", !Objects.equals(before.loreSource(), l.loreSource()), l.loreSource() == null);
            // Absent and null both read as connected.
            residual.field("connected", !Objects.equals(before.connected(), l.connected()), !Boolean.FALSE.equals(l.connected()));
        }
        row.setKeyOrder(residual.keyOrder());
        row.setExtras(residual.extras());
        row.insert();
        WorldOps.ensureStateKeys(dsl, worldId, placement.equals(GRID) ? "locations" : "unconnected_locations");

        int ordinal = 0;
        for (Exit e : l.exits()) {
            LocationExitRecord previous = oldExits.get(e.direction());
            LocationExitRecord x = dsl.newRecord(LOCATION_EXIT);
            x.setWorldId(worldId);
            x.setLocationId(l.locationId());
            x.setDirection(e.direction());
            x.setOrdinal(ordinal++);
            x.setTargetCoordinates(e.targetCoordinates());
            x.setTargetLocationId(e.targetLocationId());
            x.setName(e.name());
            x.setDescription(e.description());
            x.setKeyItemId(e.keyItemId());
            Residual r;
            if (previous == null) {
                r = Residual.fresh(ModelFields.EXIT);
            } else {
                Exit was = exit(previous);
                r = Residual.of(previous.getKeyOrder(), previous.getExtras());
                r.field("target_coordinates", !Objects.equals(was.targetCoordinates(), e.targetCoordinates()),
                        e.targetCoordinates() == null);
                r.field("target_location_id", !Objects.equals(was.targetLocationId(), e.targetLocationId()),
                        e.targetLocationId() == null);
                r.field("name", !Objects.equals(was.name(), e.name()), false);
                r.field("description", !Objects.equals(was.description(), e.description()), e.description() == null);
                // Absent and null both read as unlocked.
                r.field("locked", !Objects.equals(was.locked(), e.locked()), !e.isLocked());
                r.field("key_item_id", !Objects.equals(was.keyItemId(), e.keyItemId()), e.keyItemId() == null);
            }
            // "locked" is a boolean where it is written (null is not allowed there); absent stays absent.
            x.setLocked(e.locked() == null && r.has("locked") ? Boolean.FALSE : e.locked());
            x.setKeyOrder(r.keyOrder());
            x.setExtras(r.extras());
            x.insert();
        }
        ordinal = 0;
        for (String npc : l.npcs()) {
            dsl.insertInto(LOCATION_NPC).set(LOCATION_NPC.WORLD_ID, worldId).set(LOCATION_NPC.LOCATION_ID, l.locationId())
                    .set(LOCATION_NPC.ORDINAL, ordinal++).set(LOCATION_NPC.NPC_REF, npc).execute();
        }
        List<LocationEventRecord> matched = matchEvents(oldEvents, l.events());
        ordinal = 0;
        for (EventDefinition ev : l.events()) {
            LocationEventRecord previous = matched.get(ordinal);
            LocationEventRecord r = dsl.newRecord(LOCATION_EVENT);
            r.setWorldId(worldId);
            r.setLocationId(l.locationId());
            r.setOrdinal(ordinal++);
            r.setEventId(ev.id());
            r.setTriggerName(ev.trigger());
            r.setDescription(ev.description());
            r.setCooldown(ev.cooldown());
            Residual res;
            if (previous == null) {
                res = Residual.fresh(ModelFields.EVENT);
                r.setConditions(ev.conditions() == null ? null : Documents.stringArray(ev.conditions()));
            } else {
                EventDefinition was = event(previous);
                res = Residual.of(previous.getKeyOrder(), previous.getExtras());
                res.field("id", !Objects.equals(was.id(), ev.id()), false);
                res.field("trigger", !Objects.equals(was.trigger(), ev.trigger()), false);
                res.field("description", !Objects.equals(was.description(), ev.description()), false);
                boolean conditionsChanged = !Objects.equals(was.conditions(), ev.conditions());
                res.field("conditions", conditionsChanged, ev.conditions() == null);
                r.setConditions(!conditionsChanged ? previous.getConditions()
                        : ev.conditions() == null ? null : Documents.stringArray(ev.conditions()));
                res.field("cooldown", !Objects.equals(was.cooldown(), ev.cooldown()), ev.cooldown() == null);
            }
            r.setKeyOrder(res.keyOrder());
            r.setExtras(res.extras());
            r.insert();
        }
    }

    /**
     * The stored definition each new one continues, by position in the new list ({@code null}: a new
     * definition). The same id matches first (at the same position, else the first unused one), then a
     * definition left at the same position.
     */
    private static List<LocationEventRecord> matchEvents(List<LocationEventRecord> old, List<EventDefinition> events) {
        List<LocationEventRecord> matched = new ArrayList<>(java.util.Collections.nCopies(events.size(), null));
        boolean[] used = new boolean[old.size()];
        for (int i = 0; i < events.size(); i++) {
            String id = events.get(i).id();
            if (i < old.size() && !used[i] && Objects.equals(old.get(i).getEventId(), id)) {
                matched.set(i, old.get(i));
                used[i] = true;
            }
        }
        for (int i = 0; i < events.size(); i++) {
            if (matched.get(i) != null) {
                continue;
            }
            for (int j = 0; j < old.size(); j++) {
                if (!used[j] && Objects.equals(old.get(j).getEventId(), events.get(i).id())) {
                    matched.set(i, old.get(j));
                    used[j] = true;
                    break;
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

    private static Exit exit(LocationExitRecord e) {
        return new Exit(e.getDirection(), e.getTargetCoordinates(), e.getTargetLocationId(), e.getName(),
                e.getDescription(), e.getLocked(), e.getKeyItemId());
    }

    private static EventDefinition event(LocationEventRecord ev) {
        return new EventDefinition(ev.getEventId(), ev.getTriggerName(), ev.getDescription(),
                ev.getConditions() == null ? null : Documents.stringList(ev.getConditions()), ev.getCooldown());
    }

    /** The known fields a location record carries a value for, in model order. */
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

    @Override
    public Location get(String worldId, String locationId) {
        return find(worldId, locationId).orElseThrow(() -> new NotFoundException(worldId,
                "world " + worldId + ": location " + locationId + " does not exist"));
    }

    @Override
    public Optional<Location> find(String worldId, String locationId) {
        Checks.worldId(worldId);
        Checks.required(worldId, "location_id", locationId, Checks.MAX_TEXT);
        return access.read(worldId, dsl -> {
            Optional<Location> found = load(dsl, worldId, locationId);
            if (found.isEmpty()) {
                WorldLocks.requireWorld(dsl, worldId);
            }
            return found;
        });
    }

    private static Optional<Location> load(DSLContext dsl, String worldId, String locationId) {
        return first(dsl, worldId, BY_ID, worldId, locationId);
    }

    /** The first location {@code query} finds, with its exits, NPCs and events. */
    private static Optional<Location> first(DSLContext dsl, String worldId, Compiled query, Object... values) {
        List<LocationRecord> rows = query.fetchInto(dsl, LOCATION, values);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        LocationRecord r = rows.get(0);
        String id = r.getLocationId();
        List<Exit> exits = EXITS_OF.fetchInto(dsl, LOCATION_EXIT, worldId, id).stream().map(LocationOps::exit).toList();
        List<String> npcs = NPCS_OF.fetch(dsl, worldId, id).stream().map(n -> n.get(LOCATION_NPC.NPC_REF)).toList();
        List<EventDefinition> events = EVENTS_OF.fetchInto(dsl, LOCATION_EVENT, worldId, id).stream()
                .map(LocationOps::event).toList();
        return Optional.of(toLocation(r, exits.isEmpty() ? null : exits, npcs.isEmpty() ? null : npcs,
                events.isEmpty() ? null : events));
    }

    @Override
    public Optional<Location> at(String worldId, Coordinates c) {
        Checks.worldId(worldId);
        if (c == null) {
            throw new InvalidInputException(worldId, "world " + worldId + ": coordinates must be set");
        }
        return access.read(worldId, dsl -> {
            Optional<Location> found = first(dsl, worldId, AT, worldId, c.x(), c.y(), c.z());
            if (found.isEmpty()) {
                WorldLocks.requireWorld(dsl, worldId);
            }
            return found;
        });
    }

    @Override
    public List<Location> list(String worldId) {
        return listWhere(worldId, DSL.noCondition());
    }

    @Override
    public List<Location> within(String worldId, Box box) {
        if (box == null) {
            throw new InvalidInputException(worldId, "world " + worldId + ": box must be set");
        }
        return listWhere(worldId, LOCATION.X.between(box.min().x(), box.max().x())
                .and(LOCATION.Y.between(box.min().y(), box.max().y()))
                .and(LOCATION.Z.between(box.min().z(), box.max().z())));
    }

    @Override
    public List<Location> unconnected(String worldId) {
        return listWhere(worldId, LOCATION.PLACEMENT.eq(LORE));
    }

    private List<Location> listWhere(String worldId, Condition condition) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> {
            WorldLocks.requireWorld(dsl, worldId);
            return fetch(dsl, worldId, condition);
        });
    }

    /**
     * Loads matching locations with their exits, NPCs and events: four queries however many locations
     * match, ordered grid first, each placement in its stored order.
     */
    private static List<Location> fetch(DSLContext dsl, String worldId, Condition condition) {
        List<LocationRecord> rows = dsl.selectFrom(LOCATION)
                .where(LOCATION.WORLD_ID.eq(worldId)).and(condition)
                .orderBy(DSL.when(LOCATION.PLACEMENT.eq(GRID), 0).otherwise(1), LOCATION.ORDINAL)
                .fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        // Children of a few locations by id; of many, the world's whole set in one scan is cheaper.
        List<String> ids = rows.stream().map(LocationRecord::getLocationId).toList();
        boolean few = ids.size() <= 500;
        Map<String, List<Exit>> exits = new HashMap<>();
        dsl.selectFrom(LOCATION_EXIT).where(LOCATION_EXIT.WORLD_ID.eq(worldId))
                .and(few ? LOCATION_EXIT.LOCATION_ID.in(ids) : DSL.noCondition())
                .orderBy(LOCATION_EXIT.LOCATION_ID, LOCATION_EXIT.ORDINAL)
                .forEach(e -> exits.computeIfAbsent(e.getLocationId(), k -> new ArrayList<>()).add(exit(e)));
        Map<String, List<String>> npcs = new HashMap<>();
        dsl.selectFrom(LOCATION_NPC).where(LOCATION_NPC.WORLD_ID.eq(worldId))
                .and(few ? LOCATION_NPC.LOCATION_ID.in(ids) : DSL.noCondition())
                .orderBy(LOCATION_NPC.LOCATION_ID, LOCATION_NPC.ORDINAL)
                .forEach(n -> npcs.computeIfAbsent(n.getLocationId(), k -> new ArrayList<>()).add(n.getNpcRef()));
        Map<String, List<EventDefinition>> events = new HashMap<>();
        dsl.selectFrom(LOCATION_EVENT).where(LOCATION_EVENT.WORLD_ID.eq(worldId))
                .and(few ? LOCATION_EVENT.LOCATION_ID.in(ids) : DSL.noCondition())
                .orderBy(LOCATION_EVENT.LOCATION_ID, LOCATION_EVENT.ORDINAL)
                .forEach(ev -> events.computeIfAbsent(ev.getLocationId(), k -> new ArrayList<>()).add(event(ev)));
        List<Location> result = new ArrayList<>(rows.size());
        for (LocationRecord r : rows) {
            String id = r.getLocationId();
            result.add(toLocation(r, exits.get(id), npcs.get(id), events.get(id)));
        }
        return result;
    }

    /** A location from its row and its children, each null when it has none. */
    private static Location toLocation(LocationRecord r, List<Exit> exits, List<String> npcs, List<EventDefinition> events) {
        Coordinates c = r.getX() == null ? null : new Coordinates(r.getX(), r.getY(), r.getZ());
        return new Location(r.getLocationId(), r.getName(), r.getDescription(), c, r.getIntroduction(),
                r.getZoneId(), r.getRoomType(), r.getNotes(), r.getBackground(), r.getLoreSource(),
                r.getConnected(), exits, npcs, events);
    }

    @Override
    public Location connect(String worldId, String locationId, Coordinates coordinates) {
        Checks.worldId(worldId);
        if (coordinates == null) {
            throw new InvalidInputException(worldId, "world " + worldId + ": connect " + locationId + ": coordinates must be set");
        }
        return access.write(worldId, dsl -> {
            WorldLocks.lockForWrite(dsl, worldId);
            Location current = load(dsl, worldId, locationId).orElseThrow(() -> new NotFoundException(worldId,
                    "world " + worldId + ": location " + locationId + " does not exist"));
            if (current.isOnGrid()) {
                throw new InvalidInputException(worldId, "world " + worldId + ": location " + locationId
                        + " is already connected at " + current.coordinates());
            }
            Location placed = new Location(current.locationId(), current.name(), current.description(), coordinates,
                    current.introduction(), current.zoneId(), current.roomType(), current.notes(), current.background(),
                    current.loreSource(), true, current.exits(), current.npcs(), current.events());
            writeLocation(dsl, worldId, placed);
            log.info("world {}: connected location {} at {}", worldId, locationId, coordinates);
            return load(dsl, worldId, locationId).orElseThrow();
        });
    }

    @Override
    public void remove(String worldId, String locationId) {
        Checks.worldId(worldId);
        Checks.required(worldId, "location_id", locationId, Checks.MAX_TEXT);
        access.write(worldId, dsl -> {
            WorldLocks.lockForWrite(dsl, worldId);
            int deleted = dsl.deleteFrom(LOCATION)
                    .where(LOCATION.WORLD_ID.eq(worldId), LOCATION.LOCATION_ID.eq(locationId)).execute();
            if (deleted == 0) {
                throw new NotFoundException(worldId, "world " + worldId + ": location " + locationId + " does not exist");
            }
            return null;
        });
    }

    @Override
    public List<NpcAppearance> whereNpcAppears(String npcRef) {
        Checks.nonEmpty(null, "npc", npcRef, 4000);
        return access.read(null, dsl -> dsl.selectDistinct(LOCATION.WORLD_ID, LOCATION.LOCATION_ID, LOCATION.NAME)
                .from(LOCATION_NPC)
                .join(LOCATION).on(LOCATION.WORLD_ID.eq(LOCATION_NPC.WORLD_ID), LOCATION.LOCATION_ID.eq(LOCATION_NPC.LOCATION_ID))
                .where(LOCATION_NPC.NPC_REF.eq(npcRef))
                .orderBy(LOCATION.WORLD_ID, LOCATION.LOCATION_ID)
                .fetch(r -> new NpcAppearance(r.value1(), r.value2(), r.value3())));
    }
}
