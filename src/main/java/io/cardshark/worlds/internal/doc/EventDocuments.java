package io.cardshark.worlds.internal.doc;

import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;

/** The records of events that happened ({@code events/{id}.json}) the store makes. */
public final class EventDocuments {

    private EventDocuments() {
    }

    /** An event record the store creates: {@code id}, then the fields that are set (format spec §6). */
    public static String newEventRecord(String eventId, String definitionId, String locationId, String trigger,
                                 long timestamp, String outcome) {
        JsonObject o = JsonObject.EMPTY.with("id", new JsonString(eventId));
        if (definitionId != null) {
            o = o.with("definition_id", new JsonString(definitionId));
        }
        if (locationId != null) {
            o = o.with("location_id", new JsonString(locationId));
        }
        if (trigger != null) {
            o = o.with("trigger", new JsonString(trigger));
        }
        o = o.with("timestamp", JsonNumber.of(timestamp));
        if (outcome != null) {
            o = o.with("outcome", StoredJson.parse(outcome));
        }
        return StoredJson.compact(o);
    }
}
