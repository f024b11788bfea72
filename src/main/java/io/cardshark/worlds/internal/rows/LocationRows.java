package io.cardshark.worlds.internal.rows;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.EventDefinition;
import io.cardshark.worlds.Exit;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.internal.db.tables.records.LocationEventRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationExitRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationNpcRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationRecord;
import io.cardshark.worlds.internal.doc.StoredJson;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import static io.cardshark.worlds.internal.db.Tables.LOCATION;
import static io.cardshark.worlds.internal.db.Tables.LOCATION_EVENT;
import static io.cardshark.worlds.internal.db.Tables.LOCATION_EXIT;
import static io.cardshark.worlds.internal.db.Tables.LOCATION_NPC;

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

    private static final TableInsert<LocationRecord> INSERT_LOCATION = new TableInsert<>(LOCATION);
    private static final TableInsert<LocationExitRecord> INSERT_EXIT = new TableInsert<>(LOCATION_EXIT);
    private static final TableInsert<LocationNpcRecord> INSERT_NPC = new TableInsert<>(LOCATION_NPC);
    private static final TableInsert<LocationEventRecord> INSERT_EVENT = new TableInsert<>(LOCATION_EVENT);

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

    /** The stored location {@code locationId} of the world, with everything under it. */
    public static Optional<Stored> read(DSLContext dsl, String worldId, String locationId) {
        return first(dsl, worldId, BY_ID, worldId, locationId);
    }

    /** The first location {@code query} (of {@code LOCATION}'s records) finds, with everything under it. */
    public static Optional<Stored> first(DSLContext dsl, String worldId, Compiled query, Object... values) {
        List<LocationRecord> rows = query.fetchInto(dsl, LOCATION, values);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        LocationRecord r = rows.get(0);
        String id = r.getLocationId();
        return Optional.of(new Stored(r, EXITS_OF.fetchInto(dsl, LOCATION_EXIT, worldId, id),
                NPCS_OF.fetch(dsl, worldId, id).stream().map(n -> n.get(LOCATION_NPC.NPC_REF)).toList(),
                EVENTS_OF.fetchInto(dsl, LOCATION_EVENT, worldId, id)));
    }

    /**
     * The world's locations that match {@code condition}, with their exits, NPCs and events, grid first, each
     * placement in its stored order: four queries however many match. Rows are read straight from JDBC into the
     * API's records: building a jOOQ record per row was 40 % of loading a world of 10,000 locations.
     */
    public static List<Location> list(DSLContext dsl, String worldId, Condition condition) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        read(dsl, dsl.select(LOCATION.LOCATION_ID, LOCATION.NAME, LOCATION.DESCRIPTION, LOCATION.X, LOCATION.Y, LOCATION.Z,
                                LOCATION.INTRODUCTION, LOCATION.ZONE_ID, LOCATION.ROOM_TYPE, LOCATION.NOTES, LOCATION.BACKGROUND,
                                LOCATION.LORE_SOURCE, LOCATION.CONNECTED)
                        .from(LOCATION).where(LOCATION.WORLD_ID.eq(worldId)).and(condition)
                        .orderBy(DSL.when(LOCATION.PLACEMENT.eq(GRID), 0).otherwise(1), LOCATION.ORDINAL),
                rs -> drafts.put(rs.getString(1), new Draft(rs)));
        if (drafts.isEmpty()) {
            return List.of();
        }
        // Children of a few locations by id; of many, the world's whole set in one scan is cheaper (rows of
        // locations the condition left out are then skipped).
        boolean few = drafts.size() <= 500;
        read(dsl, dsl.select(LOCATION_EXIT.LOCATION_ID, LOCATION_EXIT.DIRECTION, LOCATION_EXIT.TARGET_COORDINATES,
                                LOCATION_EXIT.TARGET_LOCATION_ID, LOCATION_EXIT.NAME, LOCATION_EXIT.DESCRIPTION,
                                LOCATION_EXIT.LOCKED, LOCATION_EXIT.KEY_ITEM_ID)
                        .from(LOCATION_EXIT).where(LOCATION_EXIT.WORLD_ID.eq(worldId))
                        .and(few ? LOCATION_EXIT.LOCATION_ID.in(drafts.keySet()) : DSL.noCondition())
                        .orderBy(LOCATION_EXIT.LOCATION_ID, LOCATION_EXIT.ORDINAL),
                rs -> {
                    Draft d = drafts.get(rs.getString(1));
                    if (d != null) {
                        d.exits.add(new Exit(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getObject(7, Boolean.class), rs.getString(8)));
                    }
                });
        read(dsl, dsl.select(LOCATION_NPC.LOCATION_ID, LOCATION_NPC.NPC_REF).from(LOCATION_NPC)
                        .where(LOCATION_NPC.WORLD_ID.eq(worldId))
                        .and(few ? LOCATION_NPC.LOCATION_ID.in(drafts.keySet()) : DSL.noCondition())
                        .orderBy(LOCATION_NPC.LOCATION_ID, LOCATION_NPC.ORDINAL),
                rs -> {
                    Draft d = drafts.get(rs.getString(1));
                    if (d != null) {
                        d.npcs.add(rs.getString(2));
                    }
                });
        read(dsl, dsl.select(LOCATION_EVENT.LOCATION_ID, LOCATION_EVENT.EVENT_ID, LOCATION_EVENT.TRIGGER_NAME,
                                LOCATION_EVENT.DESCRIPTION, LOCATION_EVENT.CONDITIONS, LOCATION_EVENT.COOLDOWN)
                        .from(LOCATION_EVENT).where(LOCATION_EVENT.WORLD_ID.eq(worldId))
                        .and(few ? LOCATION_EVENT.LOCATION_ID.in(drafts.keySet()) : DSL.noCondition())
                        .orderBy(LOCATION_EVENT.LOCATION_ID, LOCATION_EVENT.ORDINAL),
                rs -> {
                    Draft d = drafts.get(rs.getString(1));
                    if (d != null) {
                        String conditions = rs.getString(5);
                        d.events.add(new EventDefinition(rs.getString(2), rs.getString(3), rs.getString(4),
                                conditions == null ? null : StoredJson.stringList(conditions), rs.getObject(6, Long.class)));
                    }
                });
        List<Location> result = new ArrayList<>(drafts.size());
        drafts.values().forEach(d -> result.add(d.toLocation()));
        return result;
    }

    /** A location read by {@link #list}, its children still being gathered. */
    private static final class Draft {
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

        /** From a row of {@link #list}'s first query, in its column order. */
        Draft(ResultSet rs) throws SQLException {
            id = rs.getString(1);
            name = rs.getString(2);
            description = rs.getString(3);
            Integer x = rs.getObject(4, Integer.class);
            coordinates = x == null ? null : new Coordinates(x, rs.getInt(5), rs.getInt(6));
            introduction = rs.getString(7);
            zoneId = rs.getString(8);
            roomType = rs.getString(9);
            notes = rs.getString(10);
            background = rs.getString(11);
            loreSource = rs.getString(12);
            connected = rs.getObject(13, Boolean.class);
        }

        Location toLocation() {
            return new Location(id, name, description, coordinates, introduction, zoneId, roomType, notes, background,
                    loreSource, connected, exits, npcs, events);
        }
    }

    /** Takes one row of a JDBC result. */
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code query} on the transaction's connection and hands each row to {@code reader}. */
    private static void read(DSLContext dsl, ResultQuery<?> query, RowReader reader) {
        String sql = dsl.render(query);
        List<Object> values = dsl.extractBindValues(query);
        dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    ps.setObject(i + 1, values.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        });
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
            s.location().setWorldId(worldId);
            locations.add(s.location());
            int ordinal = 0;
            for (LocationExitRecord x : s.exits()) {
                x.setWorldId(worldId);
                x.setLocationId(id);
                x.setOrdinal(ordinal++);
                exits.add(x);
            }
            ordinal = 0;
            for (String npc : s.npcs()) {
                LocationNpcRecord n = new LocationNpcRecord();
                n.setWorldId(worldId);
                n.setLocationId(id);
                n.setOrdinal(ordinal++);
                n.setNpcRef(npc);
                npcs.add(n);
            }
            ordinal = 0;
            for (LocationEventRecord e : s.events()) {
                e.setWorldId(worldId);
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

    /** Deletes a location with everything under it. Returns whether there was one. */
    public static boolean delete(DSLContext dsl, String worldId, String locationId) {
        return dsl.deleteFrom(LOCATION).where(LOCATION.WORLD_ID.eq(worldId), LOCATION.LOCATION_ID.eq(locationId))
                .execute() > 0;
    }

    /** The ordinal a location added to {@code placement} of the world takes: after the last one. */
    public static int nextOrdinal(DSLContext dsl, String worldId, String placement) {
        Integer last = dsl.select(DSL.max(LOCATION.ORDINAL)).from(LOCATION)
                .where(LOCATION.WORLD_ID.eq(worldId), LOCATION.PLACEMENT.eq(placement)).fetchOne(0, Integer.class);
        return last == null ? 0 : last + 1;
    }

    /** The location other than {@code locationId} that sits at {@code c}, if any. */
    public static Optional<String> occupant(DSLContext dsl, String worldId, Coordinates c, String locationId) {
        return dsl.select(LOCATION.LOCATION_ID).from(LOCATION)
                .where(LOCATION.WORLD_ID.eq(worldId), LOCATION.X.eq(c.x()), LOCATION.Y.eq(c.y()), LOCATION.Z.eq(c.z()),
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
        WorldCopy.copy(dsl, LOCATION, LOCATION.WORLD_ID, from, to);
        WorldCopy.copy(dsl, LOCATION_EXIT, LOCATION_EXIT.WORLD_ID, from, to);
        WorldCopy.copy(dsl, LOCATION_NPC, LOCATION_NPC.WORLD_ID, from, to);
        WorldCopy.copy(dsl, LOCATION_EVENT, LOCATION_EVENT.WORLD_ID, from, to);
    }
}
