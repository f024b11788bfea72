package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.WorldShape;
import io.cardshark.worlds.internal.ops.Documents;
import io.cardshark.worlds.internal.ops.LocationOps;
import io.cardshark.worlds.internal.ops.ModelFields;
import io.cardshark.worlds.internal.ops.WorldOps;
import io.cardshark.worlds.internal.db.tables.records.LocationEventRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationExitRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationNpcRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationRecord;
import io.cardshark.worlds.internal.db.tables.records.PlayerStateRecord;
import io.cardshark.worlds.internal.db.tables.records.VisitRecord;
import io.cardshark.worlds.internal.db.tables.records.WorldRecord;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonBool;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import org.jooq.DSLContext;
import org.jooq.TableRecord;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.cardshark.worlds.internal.db.Tables.WORLD;

/**
 * Writes a validated {@code world_state.json} into the world's tables, losslessly. The inverse is
 * {@link StateDocument}.
 */
final class StateRows {

    private static final Set<String> STATE_KEYS = Set.copyOf(ModelFields.STATE);
    private static final Set<String> LOCATION_KEYS = Set.copyOf(ModelFields.LOCATION);
    private static final Set<String> UNCONNECTED_KEYS = Set.copyOf(ModelFields.UNCONNECTED);
    private static final Set<String> EXIT_KEYS = Set.copyOf(ModelFields.EXIT);
    private static final Set<String> EVENT_KEYS = Set.copyOf(ModelFields.EVENT);
    private static final Set<String> PLAYER_KEYS = Set.copyOf(ModelFields.PLAYER);

    /** A grid key's form, whatever the size of its numbers. */
    private static final java.util.regex.Pattern KEY_FORM = java.util.regex.Pattern.compile("-?\\d+,-?\\d+,-?\\d+");

    /** Rows are sent to H2 in batches of this many. */
    private static final int BATCH = 1000;

    private final DSLContext dsl;
    private final String worldId;
    /** Rows waiting for a batch, by table; flushed parents first, so children never precede their location. */
    private final Map<org.jooq.Table<?>, List<TableRecord<?>>> pending = new java.util.LinkedHashMap<>();
    private int pendingCount;
    final List<String> warnings = new ArrayList<>();
    int locations;
    int unconnected;

    StateRows(DSLContext dsl, String worldId) {
        this.dsl = dsl;
        this.worldId = worldId;
    }

    void insert(JsonObject state, WorldShape shape, String style, String displayName) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        ObjectLayout.Split split = ObjectLayout.split(state, STATE_KEYS, k -> true);
        WorldRecord w = dsl.newRecord(WORLD);
        w.setId(worldId);
        w.setIdFold(WorldIds.caseFold(worldId));
        w.setDisplayName(displayName);
        w.setStateShape(shape.name());
        w.setStateName(ObjectLayout.text(state.get("name")));
        w.setFormatVersion(ObjectLayout.text(state.get("version")));
        w.setCurrentPosition(ObjectLayout.text(state.get("current_position")));
        w.setBaseCharacterId(ObjectLayout.text(state.get("base_character_id")));
        w.setCreatedAt(now);
        w.setModifiedAt(now);
        w.setCreatedByStore(false);
        w.setKeyOrder(split.keyOrder());
        w.setExtras(split.extras());
        w.setStateStyle(style);
        w.setRowVersion(0L);
        w.insert();

        if (state.get("metadata") instanceof JsonObject metadata) {
            WorldOps.putMetadata(dsl, worldId, WorldOps.METADATA_STATE, Documents.compact(metadata));
        }
        if (state.get("visited_positions") instanceof JsonArray visits) {
            int seq = 0;
            for (Json v : visits.elements()) {
                VisitRecord r = dsl.newRecord(io.cardshark.worlds.internal.db.Tables.VISIT);
                r.setWorldId(worldId);
                r.setSeq(seq++);
                r.setPosition(((JsonString) v).value());
                add(r);
            }
        }
        Set<Coordinates> taken = new HashSet<>();
        if (state.get("locations") instanceof JsonObject grid) {
            int ordinal = 0;
            for (Map.Entry<String, Json> e : grid.asMap().entrySet()) {
                Optional<Coordinates> at = Coordinates.parse(e.getKey());
                if (at.isEmpty()) {
                    warnings.add("world_state.json at /locations/" + e.getKey() + (KEY_FORM.matcher(e.getKey()).matches()
                            ? ": the key's numbers do not fit 32-bit integers" : ": the key is not x,y,z coordinates")
                            + "; kept, but not placed on the grid");
                } else if (!taken.add(at.get())) {
                    warnings.add("world_state.json at /locations/" + e.getKey()
                            + ": another key already names these coordinates; kept, but not placed on the grid");
                    at = Optional.empty();
                }
                insertLocation((JsonObject) e.getValue(), LocationOps.GRID, e.getKey(), ordinal++, at.orElse(null));
                locations++;
            }
        }
        if (state.get("unconnected_locations") instanceof JsonObject lore) {
            int ordinal = 0;
            for (Map.Entry<String, Json> e : lore.asMap().entrySet()) {
                insertLocation((JsonObject) e.getValue(), LocationOps.LORE, e.getKey(), ordinal++, null);
                unconnected++;
            }
        }
        if (state.get("player") instanceof JsonObject player) {
            ObjectLayout.Split p = ObjectLayout.split(player, PLAYER_KEYS, k -> ObjectLayout.exactLong(player.get(k)));
            PlayerStateRecord r = dsl.newRecord(io.cardshark.worlds.internal.db.Tables.PLAYER_STATE);
            r.setWorldId(worldId);
            r.setHealth(ObjectLayout.integer(player.get("health")));
            r.setStamina(ObjectLayout.integer(player.get("stamina")));
            r.setLevel(ObjectLayout.integer(player.get("level")));
            r.setExperience(ObjectLayout.integer(player.get("experience")));
            r.setKeyOrder(p.keyOrder());
            r.setExtras(p.extras());
            add(r);
        }
        flush();
    }

    private void insertLocation(JsonObject l, String placement, String key, int ordinal, Coordinates at) {
        boolean grid = placement.equals(LocationOps.GRID);
        Set<String> known = grid ? LOCATION_KEYS : UNCONNECTED_KEYS;
        // Fields of Location that an UnconnectedLocation does not have are unknown there: kept as extras.
        ObjectLayout.Split split = ObjectLayout.split(l, known, k -> true);
        String locationId = ((JsonString) l.get("location_id")).value();
        LocationRecord r = dsl.newRecord(io.cardshark.worlds.internal.db.Tables.LOCATION);
        r.setWorldId(worldId);
        r.setLocationId(locationId);
        r.setPlacement(placement);
        r.setEntryKey(key);
        r.setOrdinal(ordinal);
        if (at != null) {
            r.setX(at.x());
            r.setY(at.y());
            r.setZ(at.z());
        }
        r.setName(ObjectLayout.text(l.get("name")));
        r.setDescription(ObjectLayout.text(l.get("description")));
        r.setLoreSource(ObjectLayout.text(l.get("lore_source")));
        r.setKeyOrder(split.keyOrder());
        r.setExtras(split.extras());
        if (grid) {
            if (l.get("coordinates") instanceof JsonArray coordinates) {
                r.setCoordinates(Documents.compact(coordinates));
            }
            r.setIntroduction(ObjectLayout.text(l.get("introduction")));
            r.setZoneId(ObjectLayout.text(l.get("zone_id")));
            r.setRoomType(ObjectLayout.text(l.get("room_type")));
            r.setNotes(ObjectLayout.text(l.get("notes")));
            r.setBackground(ObjectLayout.text(l.get("background")));
            r.setConnected(l.get("connected") instanceof JsonBool b ? b.value() : null);
            r.setExplicitExitsNull(l.get("explicit_exits") instanceof JsonNull);
            String background = r.getBackground();
            if (background != null && !WorldIds.isSafeSegment(background)) {
                warnings.add("world_state.json at /locations/" + key + "/background: \"" + background
                        + "\" is not a file name; kept as data, never used as a path");
            }
        } else {
            r.setExplicitExitsNull(false);
        }
        add(r);
        if (!grid) {
            return;
        }
        if (l.get("explicit_exits") instanceof JsonObject exits) {
            int ordinal2 = 0;
            for (Map.Entry<String, Json> e : exits.asMap().entrySet()) {
                JsonObject x = (JsonObject) e.getValue();
                ObjectLayout.Split s = ObjectLayout.split(x, EXIT_KEYS, k -> true);
                LocationExitRecord xr = dsl.newRecord(io.cardshark.worlds.internal.db.Tables.LOCATION_EXIT);
                xr.setWorldId(worldId);
                xr.setLocationId(locationId);
                xr.setDirection(e.getKey());
                xr.setOrdinal(ordinal2++);
                xr.setTargetCoordinates(ObjectLayout.text(x.get("target_coordinates")));
                xr.setTargetLocationId(ObjectLayout.text(x.get("target_location_id")));
                xr.setName(ObjectLayout.text(x.get("name")));
                xr.setDescription(ObjectLayout.text(x.get("description")));
                xr.setLocked(ObjectLayout.bool(x.get("locked")));
                xr.setKeyItemId(ObjectLayout.text(x.get("key_item_id")));
                xr.setKeyOrder(s.keyOrder());
                xr.setExtras(s.extras());
                add(xr);
            }
        }
        if (l.get("npcs") instanceof JsonArray npcs) {
            int ordinal2 = 0;
            for (Json npc : npcs.elements()) {
                LocationNpcRecord nr = dsl.newRecord(io.cardshark.worlds.internal.db.Tables.LOCATION_NPC);
                nr.setWorldId(worldId);
                nr.setLocationId(locationId);
                nr.setOrdinal(ordinal2++);
                nr.setNpcRef(((JsonString) npc).value());
                add(nr);
            }
        }
        if (l.get("events") instanceof JsonArray events) {
            int ordinal2 = 0;
            for (Json ev : events.elements()) {
                JsonObject d = (JsonObject) ev;
                ObjectLayout.Split s = ObjectLayout.split(d, EVENT_KEYS,
                        k -> !k.equals("cooldown") || d.get(k) instanceof JsonNull || ObjectLayout.exactLong(d.get(k)));
                LocationEventRecord er = dsl.newRecord(io.cardshark.worlds.internal.db.Tables.LOCATION_EVENT);
                er.setWorldId(worldId);
                er.setLocationId(locationId);
                er.setOrdinal(ordinal2++);
                er.setEventId(ObjectLayout.text(d.get("id")));
                er.setTriggerName(ObjectLayout.text(d.get("trigger")));
                er.setDescription(ObjectLayout.text(d.get("description")));
                if (d.get("conditions") instanceof JsonArray conditions) {
                    er.setConditions(Documents.compact(conditions));
                }
                er.setCooldown(ObjectLayout.integer(d.get("cooldown")));
                er.setKeyOrder(s.keyOrder());
                er.setExtras(s.extras());
                add(er);
            }
        }
    }

    private void add(TableRecord<?> r) {
        pending.computeIfAbsent(r.getTable(), t -> new ArrayList<>()).add(r);
        if (++pendingCount >= BATCH) {
            flush();
        }
    }

    private void flush() {
        for (org.jooq.Table<?> table : FLUSH_ORDER) {
            List<TableRecord<?>> rows = pending.remove(table);
            if (rows != null && !rows.isEmpty()) {
                insertAll(table, rows);
            }
        }
        pendingCount = 0;
    }

    /**
     * One INSERT of every column, rendered once and bound per row. jOOQ's {@code batchInsert} of records renders
     * every record's statement anew, which made 10,000 locations cost seconds. Every column is sent, so an unset
     * one is NULL rather than its default: the only default among these tables ({@code explicit_exits_null}) is
     * always set.
     */
    private void insertAll(org.jooq.Table<?> table, List<TableRecord<?>> rows) {
        org.jooq.Field<?>[] fields = table.fields();
        org.jooq.BatchBindStep batch = dsl.batch(dsl.insertInto(table).columns(fields)
                .values(java.util.Collections.nCopies(fields.length, null)));
        for (TableRecord<?> r : rows) {
            batch.bind(r.intoArray());
        }
        batch.execute();
    }

    private static final List<org.jooq.Table<?>> FLUSH_ORDER = List.of(
            io.cardshark.worlds.internal.db.Tables.LOCATION, io.cardshark.worlds.internal.db.Tables.LOCATION_EXIT,
            io.cardshark.worlds.internal.db.Tables.LOCATION_NPC, io.cardshark.worlds.internal.db.Tables.LOCATION_EVENT,
            io.cardshark.worlds.internal.db.Tables.VISIT, io.cardshark.worlds.internal.db.Tables.PLAYER_STATE);
}
