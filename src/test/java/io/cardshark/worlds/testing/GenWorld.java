package io.cardshark.worlds.testing;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.WorldShape;
import io.cardshark.worlds.folder.ImportCounts;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonWriter;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A whole generated world folder ({@link GenWorlds}), as the round-trip properties use it: every file it holds,
 * written onto disk by {@link #writeTo}, and what the format spec says an import of it reports and stores.
 *
 * @param id             the folder name, and so the world id (§2)
 * @param state          world_state.json as an object
 * @param stateStyle     how world_state.json is written
 * @param metadataFile   metadata.json as an object, or {@code null}
 * @param metadataOpaque metadata.json as bytes that are not a JSON object, or {@code null}
 * @param expected       what the store answers for the world, recorded by the generator from its own choices
 */
public record GenWorld(String id, WorldShape shape, JsonObject state, GenStyle stateStyle, JsonObject metadataFile,
                       GenStyle metadataStyle, byte[] metadataOpaque, List<GenChat> chats, List<GenEvent> events,
                       List<GenFile> opaque, List<GenFile> backups, List<String> emptyDirectories, Expected expected) {

    /** The places §2 takes a display name from, in its order: the first that holds a non-empty string gives it. */
    public enum NameSource {
        /** "name" in world_state.json's metadata. */
        STATE_METADATA,
        /** "name" in metadata.json. */
        METADATA_JSON,
        /** The top-level "name" of world_state.json. */
        TOP_LEVEL,
        /** The folder name, when none of the others holds a non-empty string. */
        FOLDER
    }

    /**
     * What the spec makes of the world, as the generator decided it: it chose which place gives the display
     * name and left every place before it absent or "", it chose the current position and its coordinates,
     * and it chose the location keys together with the grid positions §3.3 gives them.
     *
     * @param displayName     the display name (§2)
     * @param displayNameFrom the place it comes from
     * @param positionKey     current_position, or its default "0,0,0" when absent (§3.2)
     * @param position        the current position as coordinates; empty when it is no x,y,z key (§3.3)
     * @param grid            each placed location's coordinates, by location id: the key's x,y,z, unless an
     *                        earlier key named the same coordinates (§3.3, this store)
     */
    public record Expected(String displayName, NameSource displayNameFrom, String positionKey,
                           Optional<Coordinates> position, Map<String, Coordinates> grid) {
    }

    /** Every file of the folder, by relative path. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("world_state.json", stateStyle.write(state));
        if (metadataFile != null) {
            files.put("metadata.json", metadataStyle.write(metadataFile));
        } else if (metadataOpaque != null) {
            files.put("metadata.json", metadataOpaque);
        }
        for (GenChat c : chats) {
            files.put(c.path(), c.bytes());
        }
        for (GenEvent e : events) {
            files.put(e.path(), e.style().write(e.document()));
        }
        for (GenFile f : opaque) {
            files.put(f.path(), f.bytes());
        }
        for (GenFile f : backups) {
            files.put(f.path(), f.bytes());
        }
        return files;
    }

    public Path writeTo(Path base) throws IOException {
        Path folder = base.resolve(id);
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> e : files().entrySet()) {
            Path p = folder.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
        for (String d : emptyDirectories) {
            Files.createDirectories(folder.resolve(d));
        }
        return folder;
    }

    public ImportCounts expectedCounts() {
        int locations = state.get("locations") instanceof JsonObject o ? o.size() : 0;
        int unconnected = state.get("unconnected_locations") instanceof JsonObject o ? o.size() : 0;
        long messages = chats.stream().mapToLong(c -> c.messages().size()).sum();
        long bytes = files().values().stream().mapToLong(b -> b.length).sum();
        return new ImportCounts(locations, unconnected, chats.size(), messages, events.size(),
                opaque.size() + (metadataOpaque != null ? 1 : 0), backups.size(), bytes);
    }

    /** What the generator covered; jqwik prints it after the property. */
    public void collectStatistics() {
        Statistics.label("shape").collect(shape);
        Statistics.label("display name from").collect(expected.displayNameFrom());
        Statistics.label("chats").collect(chats.stream().map(c -> c.kind().name()).sorted().toList().toString());
        Statistics.label("long chat (2000 messages)").collect(chats.stream().anyMatch(c -> c.messages().size() >= 2000));
        int grid = state.get("locations") instanceof JsonObject o ? o.size() : -1;
        Statistics.label("locations (-1: key absent)").collect(grid);
        Set<String> odd = new TreeSet<>();
        if (!stateStyle.reproducible()) {
            odd.add("state bytes no style reproduces");
        }
        for (GenChat c : chats) {
            if (c.kind() == GenChat.Kind.JSONL && (c.crlf() || c.blankAfter() >= 0 && c.blankAfter() < c.messages().size())) {
                odd.add("JSONL CRLF/blank line");
            }
            if (c.kind() != GenChat.Kind.JSONL && !c.style().reproducible()) {
                odd.add(".json chat bytes no style reproduces");
            }
            if (!c.expected().idFile()) {
                odd.add("chat id no file can be named after");
            }
        }
        if (events.stream().anyMatch(e -> !e.style().reproducible())) {
            odd.add("event bytes no style reproduces");
        }
        if (locationIds(state).stream().anyMatch(id -> GenStates.LONG_LOCATION_IDS.stream().anyMatch(id::startsWith))) {
            odd.add("location id too long for a file name");
        }
        if (JsonWriter.toCompactString(state).matches("(?s).*\\\\ud[89ab][0-9a-f]{2}(?!\\\\ud[c-f]).*")) {
            odd.add("lone high surrogate in state");
        }
        if (!backups.isEmpty()) {
            odd.add("backups");
        }
        if (metadataFile != null || metadataOpaque != null) {
            odd.add(metadataOpaque != null ? "metadata.json not an object" : "metadata.json");
        }
        Statistics.label("oddities").collect(odd.toString());
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("GenWorld " + quoted(id) + " shape " + shape + "\n");
        b.append("  world_state.json ").append(stateStyle).append(": ").append(JsonWriter.toCompactString(state));
        if (metadataFile != null) {
            b.append("\n  metadata.json ").append(metadataStyle).append(": ")
                    .append(JsonWriter.toCompactString(metadataFile));
        } else if (metadataOpaque != null) {
            b.append("\n  metadata.json: ").append(metadataOpaque.length).append(" bytes, not an object");
        }
        chats.forEach(c -> b.append("\n  chat ").append(c));
        events.forEach(e -> b.append("\n  event ").append(e));
        opaque.forEach(f -> b.append("\n  file ").append(f));
        backups.forEach(f -> b.append("\n  backup ").append(f));
        emptyDirectories.forEach(d -> b.append("\n  empty directory ").append(d));
        b.append("\n  expected: ").append(expected);
        return b.toString();
    }

    private static List<String> locationIds(JsonObject state) {
        List<String> ids = new ArrayList<>();
        for (String map : List.of("locations", "unconnected_locations")) {
            if (state.get(map) instanceof JsonObject o) {
                o.asMap().values().forEach(l -> ids.add(((JsonString) ((JsonObject) l).get("location_id")).value()));
            }
        }
        return ids;
    }

    private static String quoted(String s) {
        return JsonWriter.quote(s, true);
    }
}
