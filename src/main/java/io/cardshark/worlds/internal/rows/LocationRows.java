package io.cardshark.worlds.internal.rows;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.EventDefinition;
import io.cardshark.worlds.Exit;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.NpcAppearance;
import io.cardshark.worlds.internal.db.tables.records.LocationEventRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationExitRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationNpcRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationRecord;
import io.cardshark.worlds.internal.doc.StoredJson;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.cardshark.worlds.internal.db.Tables.LOCATION;
import static io.cardshark.worlds.internal.db.Tables.LOCATION_EVENT;
import static io.cardshark.worlds.internal.db.Tables.LOCATION_EXIT;
import static io.cardshark.worlds.internal.db.Tables.LOCATION_NPC;
import static io.cardshark.worlds.internal.db.Tables.WORLD;

/**
 * The one writer of {@code LOCATION} and the tables under it ({@code LOCATION_EXIT}, {@code LOCATION_NPC},
 * {@code LOCATION_EVENT}), which are only ever written with their location: an API put and an import both
 * hand it a {@link Stored} location, built from a {@link Location} and the stored one by
 * {@code LocationMerge}, or from the JSON of a world folder by the importer.
 */
public final class LocationRows {

    /** A location's placement: an entry of {@code locations}, or of {@code unconnected_locations}. */
    public static final String GRID = "GRID";
    public static final String LORE = "LORE";

    /** Rows are sent to H2 in batches of this many (of all four tables together). */
    private static final int BATCH = 1000;

    /** The tables of a location's exits, NPCs and events, by their columns that name it: world key, location id. */
    private static final Map<TableField<?, Long>, TableField<?, String>> UNDER_A_LOCATION = Map.of(
            LOCATION_EXIT.WORLD_KEY, LOCATION_EXIT.LOCATION_ID, LOCATION_NPC.WORLD_KEY, LOCATION_NPC.LOCATION_ID,
            LOCATION_EVENT.WORLD_KEY, LOCATION_EVENT.LOCATION_ID);
    private static final TableInsert<LocationRecord> INSERT_LOCATION = new TableInsert<>(LOCATION);
    private static final TableInsert<LocationExitRecord> INSERT_EXIT = new TableInsert<>(LOCATION_EXIT);
    private static final TableInsert<LocationNpcRecord> INSERT_NPC = new TableInsert<>(LOCATION_NPC);
    private static final TableInsert<LocationEventRecord> INSERT_EVENT = new TableInsert<>(LOCATION_EVENT);

    private static final Compiled BY_ID = Compiled.select(LOCATION, DSL.selectFrom(LOCATION)
            .where(LOCATION.WORLD_KEY.eq(Compiled.bind(LOCATION.WORLD_KEY)),
                    LOCATION.LOCATION_ID.eq(Compiled.bind(LOCATION.LOCATION_ID))));
    private static final Compiled EXITS_OF = Compiled.select(LOCATION_EXIT, DSL.selectFrom(LOCATION_EXIT)
            .where(LOCATION_EXIT.WORLD_KEY.eq(Compiled.bind(LOCATION_EXIT.WORLD_KEY)),
                    LOCATION_EXIT.LOCATION_ID.eq(Compiled.bind(LOCATION_EXIT.LOCATION_ID)))
            .orderBy(LOCATION_EXIT.ORDINAL));
    private static final Compiled NPCS_OF = Compiled.select(DSL.select(LOCATION_NPC.NPC_REF).from(LOCATION_NPC)
            .where(LOCATION_NPC.WORLD_KEY.eq(Compiled.bind(LOCATION_NPC.WORLD_KEY)),
                    LOCATION_NPC.LOCATION_ID.eq(Compiled.bind(LOCATION_NPC.LOCATION_ID)))
            .orderBy(LOCATION_NPC.ORDINAL), LOCATION_NPC.NPC_REF);
    private static final Compiled EVENTS_OF = Compiled.select(LOCATION_EVENT, DSL.selectFrom(LOCATION_EVENT)
            .where(LOCATION_EVENT.WORLD_KEY.eq(Compiled.bind(LOCATION_EVENT.WORLD_KEY)),
                    LOCATION_EVENT.LOCATION_ID.eq(Compiled.bind(LOCATION_EVENT.LOCATION_ID)))
            .orderBy(LOCATION_EVENT.ORDINAL));

    // What the API shows of a location and of the rows under it, in the column order that Draft reads. Each
    // child query leads with its location's id.
    private static final List<Field<?>> LOCATION_VIEW = List.of(LOCATION.LOCATION_ID, LOCATION.NAME, LOCATION.DESCRIPTION,
            LOCATION.X, LOCATION.Y, LOCATION.Z, LOCATION.INTRODUCTION, LOCATION.ZONE_ID, LOCATION.ROOM_TYPE, LOCATION.NOTES,
            LOCATION.BACKGROUND, LOCATION.LORE_SOURCE, LOCATION.CONNECTED);
    private static final List<Field<?>> EXIT_VIEW = List.of(LOCATION_EXIT.LOCATION_ID, LOCATION_EXIT.DIRECTION,
            LOCATION_EXIT.TARGET_COORDINATES, LOCATION_EXIT.TARGET_LOCATION_ID, LOCATION_EXIT.NAME,
            LOCATION_EXIT.DESCRIPTION, LOCATION_EXIT.LOCKED, LOCATION_EXIT.KEY_ITEM_ID);
    private static final List<Field<?>> NPC_VIEW = List.of(LOCATION_NPC.LOCATION_ID, LOCATION_NPC.NPC_REF);
    private static final List<Field<?>> EVENT_VIEW = List.of(LOCATION_EVENT.LOCATION_ID, LOCATION_EVENT.EVENT_ID,
            LOCATION_EVENT.TRIGGER_NAME, LOCATION_EVENT.DESCRIPTION, LOCATION_EVENT.CONDITIONS, LOCATION_EVENT.COOLDOWN);

    // A point read is one statement: the location's row joined to each of its exits (part 1), NPCs (2) and events
    // (3), each part in its stored order, so that it sees one moment of the store on H2 (each statement takes the
    // roots of the maps it reads as it starts) as on PostgreSQL and needs no snapshot; and one statement costs
    // less than the four it replaces. Not a UNION of four: H2 does not keep a UNION's plan, and parsed and planned
    // it at every run (some 120 µs).
    private static final int PART = 1;
    private static final int LOCATION_FIRST = 2;
    private static final int WORLD_KEY_COLUMN = LOCATION_FIRST + LOCATION_VIEW.size();
    /** Each child part's columns: its ordinal (NULL in a row of another part, or when it has none), its values. */
    private static final int EXIT_ORDINAL = WORLD_KEY_COLUMN + 1;
    private static final int NPC_ORDINAL = EXIT_ORDINAL + EXIT_VIEW.size();
    private static final int EVENT_ORDINAL = NPC_ORDINAL + NPC_VIEW.size();
    private static final Compiled VIEW_BY_ID = pointRead(LOCATION.LOCATION_ID.eq(Compiled.bind(LOCATION.LOCATION_ID)));
    private static final Compiled VIEW_AT = pointRead(LOCATION.X.eq(Compiled.bind(LOCATION.X))
            .and(LOCATION.Y.eq(Compiled.bind(LOCATION.Y))).and(LOCATION.Z.eq(Compiled.bind(LOCATION.Z))));

    /**
     * The point read of the location that {@code which} picks (at most one: ids and coordinates are unique in a
     * world) in the world named by a bound id: its row once per part, each with the rows under it of that part.
     */
    private static Compiled pointRead(Condition which) {
        Table<?> parts = DSL.generateSeries(1, 3).as("parts", "part");
        Field<Integer> part = parts.field("part", Integer.class);
        List<Field<?>> columns = new ArrayList<>(List.of(part));
        columns.addAll(LOCATION_VIEW);
        columns.add(WORLD.WORLD_KEY);
        columns.add(LOCATION_EXIT.ORDINAL);
        columns.addAll(valuesOf(EXIT_VIEW));
        columns.add(LOCATION_NPC.ORDINAL);
        columns.addAll(valuesOf(NPC_VIEW));
        columns.add(LOCATION_EVENT.ORDINAL);
        columns.addAll(valuesOf(EVENT_VIEW));
        return Compiled.select(DSL.select(columns).from(WORLD)
                .join(LOCATION).on(LOCATION.WORLD_KEY.eq(WORLD.WORLD_KEY))
                .crossJoin(parts)
                .leftJoin(LOCATION_EXIT).on(inPart(part, 1, LOCATION_EXIT.WORLD_KEY, LOCATION_EXIT.LOCATION_ID))
                .leftJoin(LOCATION_NPC).on(inPart(part, 2, LOCATION_NPC.WORLD_KEY, LOCATION_NPC.LOCATION_ID))
                .leftJoin(LOCATION_EVENT).on(inPart(part, 3, LOCATION_EVENT.WORLD_KEY, LOCATION_EVENT.LOCATION_ID))
                .where(WORLD.ID.eq(Compiled.bind(WORLD.ID)), which)
                .orderBy(part, LOCATION_EXIT.ORDINAL, LOCATION_NPC.ORDINAL, LOCATION_EVENT.ORDINAL));
    }

    /**
     * A child table's rows under the location, in the rows of part {@code number} only: elsewhere the key it is
     * looked up by is NULL, which H2 knows matches nothing without reading the table.
     */
    private static Condition inPart(Field<Integer> part, int number, Field<Long> worldKey, Field<String> locationId) {
        return worldKey.eq(DSL.when(part.eq(number), LOCATION.WORLD_KEY)).and(locationId.eq(LOCATION.LOCATION_ID));
    }

    /** A child view's own values: all but the location id it leads with. */
    private static List<Field<?>> valuesOf(List<Field<?>> childView) {
        return childView.subList(1, childView.size());
    }

    /** Where an NPC appears, every world's locations that name it, in world and location order. */
    private static final Compiled NPC_APPEARS = Compiled.select(DSL.selectDistinct(WORLD.ID, LOCATION.LOCATION_ID, LOCATION.NAME)
            .from(LOCATION_NPC)
            .join(LOCATION).on(LOCATION.WORLD_KEY.eq(LOCATION_NPC.WORLD_KEY), LOCATION.LOCATION_ID.eq(LOCATION_NPC.LOCATION_ID))
            .join(WORLD).on(WORLD.WORLD_KEY.eq(LOCATION.WORLD_KEY))
            .where(LOCATION_NPC.NPC_REF.eq(Compiled.bind(LOCATION_NPC.NPC_REF)))
            .orderBy(WORLD.ID, LOCATION.LOCATION_ID));

    private LocationRows() {
    }

    /**
     * A location as the tables hold it: its row, and the rows under it in their order (each child row's world,
     * location and ordinal are set by the writer).
     */
    public record Stored(LocationRecord location, List<LocationExitRecord> exits, List<String> npcs,
                         List<LocationEventRecord> events) {

        public Stored {
            exits = List.copyOf(exits);
            npcs = List.copyOf(npcs);
            events = List.copyOf(events);
        }

        /** What the API shows of it. */
        public Location toLocation() {
            LocationRecord r = location;
            Coordinates c = r.getX() == null ? null : new Coordinates(r.getX(), r.getY(), r.getZ());
            return new Location(r.getLocationId(), r.getName(), r.getDescription(), c, r.getIntroduction(),
                    r.getZoneId(), r.getRoomType(), r.getNotes(), r.getBackground(), r.getLoreSource(),
                    r.getConnected(), exits.stream().map(LocationRows::exit).toList(), npcs,
                    events.stream().map(LocationRows::event).toList());
        }
    }

    /** The stored location {@code locationId} of the world, with everything under it, for a merge. */
    public static Optional<Stored> read(DSLContext dsl, String worldId, String locationId) {
        long worldKey = WorldKeys.of(dsl, worldId);
        List<LocationRecord> rows = BY_ID.fetchInto(dsl, LOCATION, worldKey, locationId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        LocationRecord r = rows.get(0);
        String id = r.getLocationId();
        return Optional.of(new Stored(r, EXITS_OF.fetchInto(dsl, LOCATION_EXIT, worldKey, id),
                NPCS_OF.fetch(dsl, worldKey, id).stream().map(n -> n.get(LOCATION_NPC.NPC_REF)).toList(),
                EVENTS_OF.fetchInto(dsl, LOCATION_EVENT, worldKey, id)));
    }

    /** Which location a point read asks for: by its id, or by its coordinates. */
    public record Wanted(Compiled query, Object[] values) {

        public static Wanted byId(String worldId, String locationId) {
            return new Wanted(VIEW_BY_ID, new Object[] {worldId, locationId});
        }

        public static Wanted at(String worldId, Coordinates c) {
            return new Wanted(VIEW_AT, new Object[] {worldId, c.x(), c.y(), c.z()});
        }
    }

    /**
     * What the API shows of the wanted location of the world, if it exists, as one moment of the store in any
     * read (one statement). Empty also when H2 failed the statement with a transient error because a concurrent
     * write was replacing the row it had found in an index ("Row not found in primary index", 90143, seen in
     * {@code ReadMomentTest}) and {@code transientAsMissing}: the caller then reads again in a snapshot.
     */
    public static Optional<Location> view(DSLContext dsl, String worldId, Wanted wanted, boolean transientAsMissing) {
        try {
            return viewOne(dsl, worldId, wanted);
        } catch (DataAccessException e) {
            if (transientAsMissing && e.getCause() instanceof SQLTransientException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Optional<Location> viewOne(DSLContext dsl, String worldId, Wanted wanted) {
        Draft[] found = new Draft[1];
        wanted.query().forEachRow(dsl, rs -> {
            if (found[0] == null) {
                found[0] = new Draft(rs, LOCATION_FIRST);
                WorldKeys.remember(dsl, worldId, rs.getLong(WORLD_KEY_COLUMN));
            }
            int part = rs.getInt(PART);
            int ordinal = part == 1 ? EXIT_ORDINAL : part == 2 ? NPC_ORDINAL : EVENT_ORDINAL;
            if (rs.getObject(ordinal) == null) {
                return; // the location has none of this part's rows
            }
            switch (part) {
                case 1 -> found[0].addExit(rs, EXIT_ORDINAL + 1);
                case 2 -> found[0].addNpc(rs, NPC_ORDINAL + 1);
                default -> found[0].addEvent(rs, EVENT_ORDINAL + 1);
            }
        }, wanted.values());
        return Optional.ofNullable(found[0]).map(Draft::toLocation);
    }

    /**
     * The locations, in every world, whose NPCs include {@code npcRef}; compiled once (rendering the query took
     * longer than H2 took to run it).
     */
    public static List<NpcAppearance> whereNpcAppears(DSLContext dsl, String npcRef) {
        List<NpcAppearance> found = new ArrayList<>();
        NPC_APPEARS.forEachRow(dsl, rs -> found.add(new NpcAppearance(rs.getString(1), rs.getString(2), rs.getString(3))),
                npcRef);
        return found;
    }

    /**
     * What the API shows of the world's locations that match {@code condition}, with their exits, NPCs and
     * events, grid first, each placement in its stored order: four queries however many match.
     */
    public static List<Location> list(DSLContext dsl, String worldId, Condition condition) {
        long worldKey = WorldKeys.of(dsl, worldId);
        Map<String, Draft> drafts = new LinkedHashMap<>();
        Compiled.forEachRow(dsl, DSL.select(LOCATION_VIEW).from(LOCATION).where(LOCATION.WORLD_KEY.eq(worldKey))
                        .and(condition)
                        .orderBy(DSL.when(LOCATION.PLACEMENT.eq(GRID), 0).otherwise(1), LOCATION.ORDINAL),
                rs -> drafts.put(rs.getString(1), new Draft(rs, 1)));
        if (drafts.isEmpty()) {
            return List.of();
        }
        // Children of a few locations by id; of many, the world's whole set in one scan is cheaper (rows of
        // locations the condition left out are then skipped).
        boolean few = drafts.size() <= 500;
        Compiled.forEachRow(dsl, DSL.select(EXIT_VIEW).from(LOCATION_EXIT).where(LOCATION_EXIT.WORLD_KEY.eq(worldKey))
                        .and(few ? LOCATION_EXIT.LOCATION_ID.in(drafts.keySet()) : DSL.noCondition())
                        .orderBy(LOCATION_EXIT.LOCATION_ID, LOCATION_EXIT.ORDINAL),
                rs -> Draft.ifFound(drafts, rs).addExit(rs, 2));
        Compiled.forEachRow(dsl, DSL.select(NPC_VIEW).from(LOCATION_NPC).where(LOCATION_NPC.WORLD_KEY.eq(worldKey))
                        .and(few ? LOCATION_NPC.LOCATION_ID.in(drafts.keySet()) : DSL.noCondition())
                        .orderBy(LOCATION_NPC.LOCATION_ID, LOCATION_NPC.ORDINAL),
                rs -> Draft.ifFound(drafts, rs).addNpc(rs, 2));
        Compiled.forEachRow(dsl, DSL.select(EVENT_VIEW).from(LOCATION_EVENT)
                        .where(LOCATION_EVENT.WORLD_KEY.eq(worldKey))
                        .and(few ? LOCATION_EVENT.LOCATION_ID.in(drafts.keySet()) : DSL.noCondition())
                        .orderBy(LOCATION_EVENT.LOCATION_ID, LOCATION_EVENT.ORDINAL),
                rs -> Draft.ifFound(drafts, rs).addEvent(rs, 2));
        List<Location> result = new ArrayList<>(drafts.size());
        drafts.values().forEach(d -> result.add(d.toLocation()));
        return result;
    }

    /** A location being read, its children still being gathered; it reads the view queries' columns by index. */
    private static final class Draft {
        /** Takes the children of locations that a list's condition left out. */
        private static final Draft SKIPPED = new Draft();

        private final String id;
        private final String name;
        private final String description;
        private final Coordinates coordinates;
        private final String introduction;
        private final String zoneId;
        private final String roomType;
        private final String notes;
        private final String background;
        private final String loreSource;
        private final Boolean connected;
        private final List<Exit> exits = new ArrayList<>();
        private final List<String> npcs = new ArrayList<>();
        private final List<EventDefinition> events = new ArrayList<>();

        /** From a row holding the columns of {@link #LOCATION_VIEW} from column {@code first} on. */
        Draft(ResultSet rs, int first) throws SQLException {
            id = rs.getString(first);
            name = rs.getString(first + 1);
            description = rs.getString(first + 2);
            Integer x = rs.getObject(first + 3, Integer.class);
            coordinates = x == null ? null : new Coordinates(x, rs.getInt(first + 4), rs.getInt(first + 5));
            introduction = rs.getString(first + 6);
            zoneId = rs.getString(first + 7);
            roomType = rs.getString(first + 8);
            notes = rs.getString(first + 9);
            background = rs.getString(first + 10);
            loreSource = rs.getString(first + 11);
            connected = rs.getObject(first + 12, Boolean.class);
        }

        private Draft() {
            id = name = description = introduction = zoneId = roomType = notes = background = loreSource = null;
            coordinates = null;
            connected = null;
        }

        /** The draft of the location a child row belongs to, or {@link #SKIPPED}. */
        static Draft ifFound(Map<String, Draft> drafts, ResultSet rs) throws SQLException {
            return drafts.getOrDefault(rs.getString(1), SKIPPED);
        }

        /** From a row holding {@link #EXIT_VIEW}'s columns after the location id, from column {@code first} on. */
        void addExit(ResultSet rs, int first) throws SQLException {
            if (this != SKIPPED) {
                exits.add(new Exit(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2),
                        rs.getString(first + 3), rs.getString(first + 4), rs.getObject(first + 5, Boolean.class),
                        rs.getString(first + 6)));
            }
        }

        /** From a row holding {@link #NPC_VIEW}'s column after the location id at column {@code first}. */
        void addNpc(ResultSet rs, int first) throws SQLException {
            if (this != SKIPPED) {
                npcs.add(rs.getString(first));
            }
        }

        /** From a row holding {@link #EVENT_VIEW}'s columns after the location id, from column {@code first} on. */
        void addEvent(ResultSet rs, int first) throws SQLException {
            if (this != SKIPPED) {
                String conditions = rs.getString(first + 3);
                events.add(new EventDefinition(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2),
                        conditions == null ? null : StoredJson.stringList(conditions), rs.getObject(first + 4, Long.class)));
            }
        }

        Location toLocation() {
            return new Location(id, name, description, coordinates, introduction, zoneId, roomType, notes, background,
                    loreSource, connected, exits, npcs, events);
        }
    }

    /** Writes one location with everything under it. */
    public static void insert(DSLContext dsl, String worldId, Stored location) {
        try (Batch batch = batch(dsl, worldId)) {
            batch.add(location);
        }
    }

    /** A writer of many locations of one world, for an import: rows go to H2 in batches, parents first. */
    public static Batch batch(DSLContext dsl, String worldId) {
        return new Batch(dsl, worldId);
    }

    /** Collects locations and sends them in batches; {@link #close()} sends the rest. */
    public static final class Batch implements AutoCloseable {
        private final DSLContext dsl;
        private final String worldId;
        private final List<LocationRecord> locations = new ArrayList<>();
        private final List<LocationExitRecord> exits = new ArrayList<>();
        private final List<LocationNpcRecord> npcs = new ArrayList<>();
        private final List<LocationEventRecord> events = new ArrayList<>();
        private int pending;

        private Batch(DSLContext dsl, String worldId) {
            this.dsl = dsl;
            this.worldId = worldId;
        }

        public void add(Stored s) {
            String id = s.location().getLocationId();
            s.location().setWorldKey(WorldKeys.of(dsl, worldId));
            locations.add(s.location());
            int ordinal = 0;
            for (LocationExitRecord x : s.exits()) {
                x.setWorldKey(WorldKeys.of(dsl, worldId));
                x.setLocationId(id);
                x.setOrdinal(ordinal++);
                exits.add(x);
            }
            ordinal = 0;
            for (String npc : s.npcs()) {
                LocationNpcRecord n = new LocationNpcRecord();
                n.setWorldKey(WorldKeys.of(dsl, worldId));
                n.setLocationId(id);
                n.setOrdinal(ordinal++);
                n.setNpcRef(npc);
                npcs.add(n);
            }
            ordinal = 0;
            for (LocationEventRecord e : s.events()) {
                e.setWorldKey(WorldKeys.of(dsl, worldId));
                e.setLocationId(id);
                e.setOrdinal(ordinal++);
                events.add(e);
            }
            pending += 1 + s.exits().size() + s.npcs().size() + s.events().size();
            if (pending >= BATCH) {
                flush();
            }
        }

        private void flush() {
            INSERT_LOCATION.insert(dsl, locations);
            INSERT_EXIT.insert(dsl, exits);
            INSERT_NPC.insert(dsl, npcs);
            INSERT_EVENT.insert(dsl, events);
            locations.clear();
            exits.clear();
            npcs.clear();
            events.clear();
            pending = 0;
        }

        @Override
        public void close() {
            flush();
        }
    }

    /**
     * Deletes a location with everything under it. Its exits, NPCs and events go first, by this writer: on H2 no
     * foreign key takes them (schema V10). Returns whether there was one.
     */
    public static boolean delete(DSLContext dsl, String worldId, String locationId) {
        long worldKey = WorldKeys.of(dsl, worldId);
        UNDER_A_LOCATION.forEach((world, location) ->
                dsl.deleteFrom(world.getTable()).where(world.eq(worldKey), location.eq(locationId)).execute());
        return dsl.deleteFrom(LOCATION)
                .where(LOCATION.WORLD_KEY.eq(worldKey), LOCATION.LOCATION_ID.eq(locationId))
                .execute() > 0;
    }

    /** Deletes every location of a world with everything under them; {@link WorldRows#delete} calls this. */
    static void deleteWorld(DSLContext dsl, long worldKey) {
        for (TableField<?, Long> world : UNDER_A_LOCATION.keySet()) {
            WorldRows.deleteRowsOf(dsl, worldKey, world);
        }
        WorldRows.deleteRowsOf(dsl, worldKey, LOCATION.WORLD_KEY);
    }

    /** The ordinal a location added to {@code placement} of the world takes: after the last one. */
    public static int nextOrdinal(DSLContext dsl, String worldId, String placement) {
        Integer last = dsl.select(DSL.max(LOCATION.ORDINAL)).from(LOCATION)
                .where(LOCATION.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)), LOCATION.PLACEMENT.eq(placement))
                .fetchOne(0, Integer.class);
        return last == null ? 0 : last + 1;
    }

    /** The location other than {@code locationId} that sits at {@code c}, if any. */
    public static Optional<String> occupant(DSLContext dsl, String worldId, Coordinates c, String locationId) {
        return dsl.select(LOCATION.LOCATION_ID).from(LOCATION)
                .where(LOCATION.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)), LOCATION.X.eq(c.x()), LOCATION.Y.eq(c.y()),
                        LOCATION.Z.eq(c.z()),
                        LOCATION.LOCATION_ID.ne(locationId))
                .fetchOptional(LOCATION.LOCATION_ID);
    }

    /** An exit as the API shows it. */
    public static Exit exit(LocationExitRecord e) {
        return new Exit(e.getDirection(), e.getTargetCoordinates(), e.getTargetLocationId(), e.getName(),
                e.getDescription(), e.getLocked(), e.getKeyItemId());
    }

    /** An event definition as the API shows it. */
    public static EventDefinition event(LocationEventRecord ev) {
        return new EventDefinition(ev.getEventId(), ev.getTriggerName(), ev.getDescription(),
                ev.getConditions() == null ? null : StoredJson.stringList(ev.getConditions()), ev.getCooldown());
    }

    /** A branch: the world's locations with their exits, NPCs and event definitions, copied inside the database. */
    public static void copyWorld(DSLContext dsl, String from, String to) {
        WorldCopy.copy(dsl, LOCATION, LOCATION.WORLD_KEY, from, to);
        WorldCopy.copy(dsl, LOCATION_EXIT, LOCATION_EXIT.WORLD_KEY, from, to);
        WorldCopy.copy(dsl, LOCATION_NPC, LOCATION_NPC.WORLD_KEY, from, to);
        WorldCopy.copy(dsl, LOCATION_EVENT, LOCATION_EVENT.WORLD_KEY, from, to);
    }

    /** A copy between stores ({@code copy}): the world's rows of {@code LOCATION} and the tables under it, as they are, into another store's database. */
    public static long copyAcross(DSLContext from, DSLContext to, String worldId) {
        return Across.copyWorld(from, to, LOCATION, LOCATION.WORLD_KEY, worldId,
                List.of(LOCATION.LOCATION_ID.asc()))
                + Across.copyWorld(from, to, LOCATION_EXIT, LOCATION_EXIT.WORLD_KEY, worldId,
                        List.of(LOCATION_EXIT.LOCATION_ID.asc(), LOCATION_EXIT.DIRECTION.asc()))
                + Across.copyWorld(from, to, LOCATION_NPC, LOCATION_NPC.WORLD_KEY, worldId,
                        List.of(LOCATION_NPC.LOCATION_ID.asc(), LOCATION_NPC.ORDINAL.asc()))
                + Across.copyWorld(from, to, LOCATION_EVENT, LOCATION_EVENT.WORLD_KEY, worldId,
                        List.of(LOCATION_EVENT.LOCATION_ID.asc(), LOCATION_EVENT.ORDINAL.asc()));
    }
}
