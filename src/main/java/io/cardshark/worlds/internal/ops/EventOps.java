package io.cardshark.worlds.internal.ops;

import io.cardshark.worlds.internal.rows.WorldKeys;
import io.cardshark.worlds.internal.rows.WorldRows;
import io.cardshark.worlds.internal.rows.EventRows;
import io.cardshark.worlds.internal.doc.FolderPaths;
import io.cardshark.worlds.internal.doc.EventDocuments;
import io.cardshark.worlds.internal.doc.StoredJson;
import io.cardshark.worlds.internal.engine.RandomIds;
import io.cardshark.worlds.internal.engine.Access;
import io.cardshark.worlds.AlreadyExistsException;
import io.cardshark.worlds.Events;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.NewEvent;
import io.cardshark.worlds.NotFoundException;
import io.cardshark.worlds.WorldEvent;
import io.cardshark.worlds.internal.db.tables.records.WorldEventRecord;
import org.jooq.Condition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

import static io.cardshark.worlds.internal.db.Tables.WORLD_EVENT;

/** {@link Events} over the world_event table. */
public final class EventOps implements Events {

    private static final Logger log = LoggerFactory.getLogger(EventOps.class);

    /** Event ids name files {@code events/{id}.json}; 250 bytes leaves room for the suffix. */
    static final int MAX_EVENT_ID_BYTES = 250;

    private final Access access;

    public EventOps(Access access) {
        this.access = access;
    }

    @Override
    public WorldEvent record(String worldId, NewEvent event) {
        Checks.worldId(worldId);
        if (event == null) {
            throw new InvalidInputException(worldId, "world " + worldId + ": event: expected an event, found null");
        }
        if (event.eventId() != null) {
            Checks.safeSegment(worldId, "event id", event.eventId(), MAX_EVENT_ID_BYTES);
            if (FolderPaths.isBackupName(event.eventId() + ".json")) {
                // events/{id}.json would read as a backup on re-import (format §6, §8), and the event be lost.
                throw new InvalidInputException(worldId, "world " + worldId + ": event id '" + event.eventId()
                        + "': its file " + event.eventId() + ".json would read as a backup ({stem}.backup.{tag}.json);"
                        + " choose an id without '.backup.'");
            }
        }
        Checks.optional(worldId, "event definition_id", event.definitionId(), Checks.MAX_NAME);
        Checks.optional(worldId, "event location_id", event.locationId(), Checks.MAX_NAME);
        Checks.optional(worldId, "event trigger", event.trigger(), Checks.MAX_NAME);
        String outcome = event.outcomeJson() == null ? null
                : StoredJson.requireValue(worldId, "event " + event.eventId() + " outcome", event.outcomeJson());
        long timestamp = event.timestamp() == null ? System.currentTimeMillis() : event.timestamp();
        return access.write(worldId, dsl -> {
            WorldRows.lock(dsl, worldId);
            String eventId = event.eventId() != null ? event.eventId() : "evt_" + RandomIds.hex(12);
            if (EventRows.exists(dsl, worldId, eventId)) {
                throw new AlreadyExistsException(worldId, "world " + worldId + ": event " + eventId + " already exists");
            }
            WorldEventRecord r = new WorldEventRecord();
            r.setWorldKey(WorldKeys.of(dsl, worldId));
            r.setEventId(eventId);
            r.setDefinitionId(event.definitionId());
            r.setLocationId(event.locationId());
            r.setTriggerName(event.trigger());
            r.setOccurredAt(timestamp);
            r.setDocument(EventDocuments.newEventRecord(eventId, event.definitionId(), event.locationId(), event.trigger(),
                    timestamp, outcome));
            EventRows.insert(dsl, r);
            log.debug("world {}: recorded event {}", worldId, eventId);
            return toEvent(worldId, r);
        });
    }

    @Override
    public WorldEvent get(String worldId, String eventId) {
        Checks.worldId(worldId);
        Checks.required(worldId, "event id", eventId, Checks.MAX_NAME);
        return access.read(worldId, dsl -> {
            WorldEventRecord r = dsl.selectFrom(WORLD_EVENT)
                    .where(WORLD_EVENT.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)), WORLD_EVENT.EVENT_ID.eq(eventId))
                    .fetchOne();
            if (r == null) {
                WorldRows.requireWorld(dsl, worldId);
                throw new NotFoundException(worldId, "world " + worldId + ": event " + eventId + " does not exist");
            }
            return toEvent(worldId, r);
        });
    }

    @Override
    public List<WorldEvent> atLocation(String worldId, String locationId) {
        Checks.required(worldId, "location_id", locationId, Checks.MAX_TEXT);
        return listWhere(worldId, WORLD_EVENT.LOCATION_ID.eq(locationId));
    }

    @Override
    public List<WorldEvent> withTrigger(String worldId, String trigger) {
        Checks.required(worldId, "trigger", trigger, Checks.MAX_NAME);
        return listWhere(worldId, WORLD_EVENT.TRIGGER_NAME.eq(trigger));
    }

    @Override
    public List<WorldEvent> between(String worldId, long fromMillis, long toMillis) {
        if (fromMillis > toMillis) {
            throw new InvalidInputException(worldId, "world " + worldId + ": between: from " + fromMillis
                    + " is after to " + toMillis);
        }
        return listWhere(worldId, WORLD_EVENT.OCCURRED_AT.ge(fromMillis).and(WORLD_EVENT.OCCURRED_AT.lt(toMillis)));
    }

    private List<WorldEvent> listWhere(String worldId, Condition condition) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> {
            WorldRows.requireWorld(dsl, worldId);
            return dsl.selectFrom(WORLD_EVENT).where(WORLD_EVENT.WORLD_KEY.eq(WorldKeys.of(dsl, worldId))).and(condition)
                    .orderBy(WORLD_EVENT.OCCURRED_AT.asc().nullsLast(), WORLD_EVENT.EVENT_ID)
                    .fetch(r -> toEvent(worldId, r));
        });
    }

    private static WorldEvent toEvent(String worldId, WorldEventRecord r) {
        return new WorldEvent(worldId, r.getEventId(), r.getDefinitionId(), r.getLocationId(),
                r.getTriggerName(), r.getOccurredAt(), StoredJson.memberText(r.getDocument(), "outcome"), r.getDocument());
    }
}
