package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;

import java.util.Map;
import java.util.Set;

/**
 * The {@code metadata} object of a converted state: the keys the store reads first (format §3.2: {@code name}
 * = display name, {@code version}, {@code created_at}, {@code last_modified}), then every other key of the
 * source's metadata in its order ({@code description}, {@code author}, {@code uuid}, ...), values as found.
 *
 * <p>Times are kept as the source wrote them (ISO strings in V2) and are never invented: a source without
 * them gives a metadata without them, since a pure conversion has no clock and an invented time would be a lie.
 */
final class StateMetadata {

    private static final Set<String> LEADING = Set.of("name", "version", "created_at", "last_modified");

    private StateMetadata() {
    }

    static JsonObject of(String displayName, JsonObject source) {
        JsonObject.Builder b = JsonObject.builder().put("name", new JsonString(displayName));
        Json version = source.get("version");
        b.put("version", version instanceof JsonString ? version : new JsonString("1.0"));
        putIfPresent(b, source, "created_at");
        putIfPresent(b, source, "last_modified");
        for (Map.Entry<String, Json> e : source.asMap().entrySet()) {
            if (!LEADING.contains(e.getKey())) {
                b.put(e.getKey(), e.getValue());
            }
        }
        return b.build();
    }

    private static void putIfPresent(JsonObject.Builder b, JsonObject source, String key) {
        if (source.has(key)) {
            b.put(key, source.get(key));
        }
    }
}
