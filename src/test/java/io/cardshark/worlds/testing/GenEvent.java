package io.cardshark.worlds.testing;

import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonWriter;

/** A generated event file, {@code events/{id}.json} (format spec §6), in its style. */
public record GenEvent(String eventId, JsonObject document, GenStyle style) {
    public String path() {
        return "events/" + eventId + ".json";
    }

    @Override
    public String toString() {
        return path() + " " + style + ": " + JsonWriter.toCompactString(document);
    }
}
