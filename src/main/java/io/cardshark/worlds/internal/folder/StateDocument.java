package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.internal.doc.KeyOrders;
import io.cardshark.worlds.internal.doc.ObjectLayout;
import io.cardshark.worlds.internal.doc.StoredJson;
import io.cardshark.worlds.internal.rows.LocationRows;
import io.cardshark.worlds.internal.rows.MetadataRows;
import io.cardshark.worlds.internal.db.tables.records.LocationEventRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationExitRecord;
import io.cardshark.worlds.internal.db.tables.records.LocationRecord;
import io.cardshark.worlds.internal.db.tables.records.PlayerStateRecord;
import io.cardshark.worlds.internal.db.tables.records.WorldRecord;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.cardshark.worlds.internal.db.Tables.LOCATION;
import static io.cardshark.worlds.internal.db.Tables.LOCATION_EVENT;
import static io.cardshark.worlds.internal.db.Tables.LOCATION_EXIT;
import static io.cardshark.worlds.internal.db.Tables.LOCATION_NPC;
import static io.cardshark.worlds.internal.db.Tables.PLAYER_STATE;
import static io.cardshark.worlds.internal.db.Tables.VISIT;
import static io.cardshark.worlds.internal.db.Tables.WORLD_METADATA;

/** Rebuilds a world's {@code world_state.json} from its rows: the inverse of {@link StateRows}. */
final class StateDocument {

    /**
     * The key orders read so far, by stored form. The rows of a kind mostly share one (the 10,000 locations of the
     * benchmark's world have one), and parsing it again for each row was an eighth of building the document.
     */
    private final Map<String, List<String>> keyOrders = new HashMap<>();

    private StateDocument() {
    }

    static JsonObject of(DSLContext dsl, WorldRecord w) {
        return new StateDocument().build(dsl, w);
    }

    private JsonObject build(DSLContext dsl, WorldRecord w) {
        long worldKey = w.getWorldKey();
        List<LocationRecord> rows = dsl.selectFrom(LOCATION).where(LOCATION.WORLD_KEY.eq(worldKey))
                .orderBy(LOCATION.PLACEMENT, LOCATION.ORDINAL).fetch();
        Map<String, List<LocationExitRecord>> exits = new HashMap<>();
        dsl.selectFrom(LOCATION_EXIT).where(LOCATION_EXIT.WORLD_KEY.eq(worldKey)).orderBy(LOCATION_EXIT.ORDINAL)
                .forEach(x -> exits.computeIfAbsent(x.getLocationId(), k -> new ArrayList<>()).add(x));
        Map<String, List<Json>> npcs = new HashMap<>();
        dsl.selectFrom(LOCATION_NPC).where(LOCATION_NPC.WORLD_KEY.eq(worldKey)).orderBy(LOCATION_NPC.ORDINAL)
                .forEach(n -> npcs.computeIfAbsent(n.getLocationId(), k -> new ArrayList<>()).add(new JsonString(n.getNpcRef())));
        Map<String, List<LocationEventRecord>> events = new HashMap<>();
        dsl.selectFrom(LOCATION_EVENT).where(LOCATION_EVENT.WORLD_KEY.eq(worldKey)).orderBy(LOCATION_EVENT.ORDINAL)
                .forEach(e -> events.computeIfAbsent(e.getLocationId(), k -> new ArrayList<>()).add(e));

        JsonObject.Builder grid = JsonObject.builder();
        JsonObject.Builder lore = JsonObject.builder();
        for (LocationRecord r : rows) {
            JsonObject location = location(r, exits.getOrDefault(r.getLocationId(), List.of()),
                    npcs.getOrDefault(r.getLocationId(), List.of()), events.getOrDefault(r.getLocationId(), List.of()));
            (r.getPlacement().equals(LocationRows.GRID) ? grid : lore).put(r.getEntryKey(), location);
        }
        JsonObject locations = grid.build();
        JsonObject unconnected = lore.build();
        PlayerStateRecord player = dsl.selectFrom(PLAYER_STATE).where(PLAYER_STATE.WORLD_KEY.eq(worldKey)).fetchOne();
        List<Json> visits = new ArrayList<>();
        dsl.select(VISIT.POSITION).from(VISIT).where(VISIT.WORLD_KEY.eq(worldKey)).orderBy(VISIT.SEQ)
                .forEach(v -> visits.add(new JsonString(v.value1())));
        String metadata = dsl.select(WORLD_METADATA.DOCUMENT).from(WORLD_METADATA)
                .where(WORLD_METADATA.WORLD_KEY.eq(worldKey), WORLD_METADATA.SOURCE.eq(MetadataRows.STATE))
                .fetchOne(WORLD_METADATA.DOCUMENT);
        return assemble(w.getKeyOrder(), w.getExtras(), key -> switch (key) {
            case "name" -> ObjectLayout.string(w.getStateName());
            case "version" -> ObjectLayout.string(w.getFormatVersion());
            case "current_position" -> ObjectLayout.string(w.getCurrentPosition());
            case "visited_positions" -> new JsonArray(visits);
            case "locations" -> locations;
            case "unconnected_locations" -> unconnected;
            case "player" -> player == null ? JsonObject.EMPTY : player(player);
            case "base_character_id" -> ObjectLayout.string(w.getBaseCharacterId());
            case "metadata" -> metadata == null ? JsonObject.EMPTY : touched(StoredJson.parseObject(metadata), w);
            default -> JsonNull.INSTANCE;
        });
    }

    /**
     * CardShark's manager overwrites {@code metadata.last_modified} on every save (format spec §3.4): a world
     * changed since it was imported or created (its row version moved) shows when, in epoch seconds. An
     * unchanged world keeps the value it came with, so its export stays byte-identical.
     */
    private static JsonObject touched(JsonObject metadata, WorldRecord w) {
        if (w.getRowVersion() > 0 && metadata.get("last_modified") instanceof JsonNumber) {
            return metadata.with("last_modified", JsonNumber.of(w.getModifiedAt().toEpochSecond()));
        }
        return metadata;
    }

    private JsonObject assemble(String keyOrder, String extras, Function<String, Json> column) {
        return ObjectLayout.assemble(keyOrders.computeIfAbsent(keyOrder, KeyOrders::keyOrder), extras, column);
    }

    private JsonObject location(LocationRecord r, List<LocationExitRecord> exits, List<Json> npcs,
                                List<LocationEventRecord> events) {
        return assemble(r.getKeyOrder(), r.getExtras(), key -> switch (key) {
            case "name" -> ObjectLayout.string(r.getName());
            case "coordinates" -> r.getCoordinates() == null ? JsonNull.INSTANCE : StoredJson.parse(r.getCoordinates());
            case "location_id" -> new JsonString(r.getLocationId());
            case "description" -> ObjectLayout.string(r.getDescription());
            case "introduction" -> ObjectLayout.string(r.getIntroduction());
            case "zone_id" -> ObjectLayout.string(r.getZoneId());
            case "room_type" -> ObjectLayout.string(r.getRoomType());
            case "notes" -> ObjectLayout.string(r.getNotes());
            case "background" -> ObjectLayout.string(r.getBackground());
            case "events" -> new JsonArray(events.stream().map(this::event).map(Json.class::cast).toList());
            case "npcs" -> new JsonArray(npcs);
            case "explicit_exits" -> r.getExplicitExitsNull() && exits.isEmpty() ? JsonNull.INSTANCE : exits(exits);
            case "lore_source" -> ObjectLayout.string(r.getLoreSource());
            case "connected" -> ObjectLayout.bool(r.getConnected());
            default -> JsonNull.INSTANCE;
        });
    }

    private JsonObject exits(List<LocationExitRecord> exits) {
        JsonObject.Builder b = JsonObject.builder();
        for (LocationExitRecord x : exits) {
            b.put(x.getDirection(), assemble(x.getKeyOrder(), x.getExtras(), key -> switch (key) {
                case "target_coordinates" -> ObjectLayout.string(x.getTargetCoordinates());
                case "target_location_id" -> ObjectLayout.string(x.getTargetLocationId());
                case "name" -> ObjectLayout.string(x.getName());
                case "description" -> ObjectLayout.string(x.getDescription());
                case "locked" -> ObjectLayout.bool(x.getLocked());
                case "key_item_id" -> ObjectLayout.string(x.getKeyItemId());
                default -> JsonNull.INSTANCE;
            }));
        }
        return b.build();
    }

    private JsonObject event(LocationEventRecord e) {
        return assemble(e.getKeyOrder(), e.getExtras(), key -> switch (key) {
            case "id" -> ObjectLayout.string(e.getEventId());
            case "trigger" -> ObjectLayout.string(e.getTriggerName());
            case "description" -> ObjectLayout.string(e.getDescription());
            case "conditions" -> e.getConditions() == null ? JsonNull.INSTANCE : StoredJson.parse(e.getConditions());
            case "cooldown" -> ObjectLayout.number(e.getCooldown());
            default -> JsonNull.INSTANCE;
        });
    }

    private JsonObject player(PlayerStateRecord p) {
        return assemble(p.getKeyOrder(), p.getExtras(), key -> switch (key) {
            case "health" -> ObjectLayout.number(p.getHealth());
            case "stamina" -> ObjectLayout.number(p.getStamina());
            case "level" -> ObjectLayout.number(p.getLevel());
            case "experience" -> ObjectLayout.number(p.getExperience());
            default -> JsonNull.INSTANCE;
        });
    }
}
