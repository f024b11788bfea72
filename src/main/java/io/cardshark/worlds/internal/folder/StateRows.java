package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.internal.doc.ObjectLayout;
import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.WorldShape;
import io.cardshark.worlds.internal.doc.StoredJson;
import io.cardshark.worlds.internal.doc.ModelFields;
import io.cardshark.worlds.internal.db.tables.records.LocationEventRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationExitRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationRecord;
import io.cardshark.worlds.internal.db.tables.records.PlayerStateRecord;
import io.cardshark.worlds.internal.db.tables.records.WorldRecord;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonBool;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.rows.LocationRows;
import io.cardshark.worlds.internal.rows.MetadataRows;
import io.cardshark.worlds.internal.rows.PlayerRows;
import io.cardshark.worlds.internal.rows.VisitRows;
import io.cardshark.worlds.internal.rows.WorldRows;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


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

    private final DSLContext dsl;
    private final String worldId;
    final List<String> warnings = new ArrayList<>();
    int locations;
    int unconnected;

    StateRows(DSLContext dsl, String worldId) {
        this.dsl = dsl;
        this.worldId = worldId;
    }

    /** Writes the world's row under {@code worldKey} (the import's, whose chats may be written already), then the rest. */
    void insert(long worldKey, JsonObject state, WorldShape shape, String style, String displayName) {
        OffsetDateTime now = WorldRows.now();
        ObjectLayout.Split split = ObjectLayout.split(state, STATE_KEYS, k -> true);
        WorldRecord w = new WorldRecord();
        w.setWorldKey(worldKey);
        w.setId(worldId);
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
        WorldRows.insert(dsl, w);

        if (state.get("metadata") instanceof JsonObject metadata) {
            MetadataRows.put(dsl, worldId, MetadataRows.STATE, StoredJson.compact(metadata));
        }
        if (state.get("visited_positions") instanceof JsonArray visits) {
            VisitRows.insert(dsl, worldId, 0, visits.elements().stream().map(v -> ((JsonString) v).value()).toList());
        }
        try (LocationRows.Batch batch = LocationRows.batch(dsl, worldId)) {
            insertLocations(state, batch);
        }
        if (state.get("player") instanceof JsonObject player) {
            ObjectLayout.Split p = ObjectLayout.split(player, PLAYER_KEYS, k -> ObjectLayout.exactLong(player.get(k)));
            PlayerStateRecord r = new PlayerStateRecord();
            r.setHealth(ObjectLayout.integer(player.get("health")));
            r.setStamina(ObjectLayout.integer(player.get("stamina")));
            r.setLevel(ObjectLayout.integer(player.get("level")));
            r.setExperience(ObjectLayout.integer(player.get("experience")));
            r.setKeyOrder(p.keyOrder());
            r.setExtras(p.extras());
            PlayerRows.insert(dsl, worldId, r);
        }
    }

    private void insertLocations(JsonObject state, LocationRows.Batch batch) {
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
                batch.add(location((JsonObject) e.getValue(), LocationRows.GRID, e.getKey(), ordinal++, at.orElse(null)));
                locations++;
            }
        }
        if (state.get("unconnected_locations") instanceof JsonObject lore) {
            int ordinal = 0;
            for (Map.Entry<String, Json> e : lore.asMap().entrySet()) {
                batch.add(location((JsonObject) e.getValue(), LocationRows.LORE, e.getKey(), ordinal++, null));
                unconnected++;
            }
        }
    }

    /** A location of the state as its rows: typed columns, and what they cannot carry kept as extras. */
    private LocationRows.Stored location(JsonObject l, String placement, String key, int ordinal, Coordinates at) {
        boolean grid = placement.equals(LocationRows.GRID);
        // Fields of Location that an UnconnectedLocation does not have are unknown there: kept as extras.
        ObjectLayout.Split split = ObjectLayout.split(l, grid ? LOCATION_KEYS : UNCONNECTED_KEYS, k -> true);
        LocationRecord r = new LocationRecord();
        r.setLocationId(((JsonString) l.get("location_id")).value());
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
        r.setExplicitExitsNull(false);
        if (!grid) {
            return new LocationRows.Stored(r, List.of(), List.of(), List.of());
        }
        if (l.get("coordinates") instanceof JsonArray coordinates) {
            r.setCoordinates(StoredJson.compact(coordinates));
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
        return new LocationRows.Stored(r, exits(l), npcs(l), events(l));
    }

    private static List<LocationExitRecord> exits(JsonObject l) {
        List<LocationExitRecord> rows = new ArrayList<>();
        if (l.get("explicit_exits") instanceof JsonObject exits) {
            for (Map.Entry<String, Json> e : exits.asMap().entrySet()) {
                JsonObject x = (JsonObject) e.getValue();
                ObjectLayout.Split s = ObjectLayout.split(x, EXIT_KEYS, k -> true);
                LocationExitRecord xr = new LocationExitRecord();
                xr.setDirection(e.getKey());
                xr.setTargetCoordinates(ObjectLayout.text(x.get("target_coordinates")));
                xr.setTargetLocationId(ObjectLayout.text(x.get("target_location_id")));
                xr.setName(ObjectLayout.text(x.get("name")));
                xr.setDescription(ObjectLayout.text(x.get("description")));
                xr.setLocked(ObjectLayout.bool(x.get("locked")));
                xr.setKeyItemId(ObjectLayout.text(x.get("key_item_id")));
                xr.setKeyOrder(s.keyOrder());
                xr.setExtras(s.extras());
                rows.add(xr);
            }
        }
        return rows;
    }

    private static List<String> npcs(JsonObject l) {
        return l.get("npcs") instanceof JsonArray npcs
                ? npcs.elements().stream().map(n -> ((JsonString) n).value()).toList() : List.of();
    }

    private static List<LocationEventRecord> events(JsonObject l) {
        List<LocationEventRecord> rows = new ArrayList<>();
        if (l.get("events") instanceof JsonArray events) {
            for (Json ev : events.elements()) {
                JsonObject d = (JsonObject) ev;
                ObjectLayout.Split s = ObjectLayout.split(d, EVENT_KEYS,
                        k -> !k.equals("cooldown") || d.get(k) instanceof JsonNull || ObjectLayout.exactLong(d.get(k)));
                LocationEventRecord er = new LocationEventRecord();
                er.setEventId(ObjectLayout.text(d.get("id")));
                er.setTriggerName(ObjectLayout.text(d.get("trigger")));
                er.setDescription(ObjectLayout.text(d.get("description")));
                if (d.get("conditions") instanceof JsonArray conditions) {
                    er.setConditions(StoredJson.compact(conditions));
                }
                er.setCooldown(ObjectLayout.integer(d.get("cooldown")));
                er.setKeyOrder(s.keyOrder());
                er.setExtras(s.extras());
                rows.add(er);
            }
        }
        return rows;
    }
}
