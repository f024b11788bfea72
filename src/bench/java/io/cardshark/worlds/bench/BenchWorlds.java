package io.cardshark.worlds.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonBool;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonWriter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The worlds and chats every benchmark uses, one generator for all of them, so that this store, the file approach
 * and SQLite hold the same content: location {@code i} of a world of {@code n} sits at {@code (i % side, i / side, 0)}
 * with {@code side = ceil(sqrt(n))}, is called {@code loc_i} and has one NPC, {@code characters/npc_(i % 50).png};
 * message {@code m} is {@code {"id": "msg_m", "role", "content", "timestamp"}} with a short sentence holding
 * non-ASCII text. Also the raw Jackson streaming parse and generate of the same bytes, the limit of the JSON side.
 */
public final class BenchWorlds {

    /** Epoch milliseconds of the generated chats' times. */
    public static final long T0 = 1_795_715_060_000L;

    private BenchWorlds() {
    }

    /** The side of the square grid that holds {@code locations}. */
    public static int side(int locations) {
        return (int) Math.ceil(Math.sqrt(locations));
    }

    public static Coordinates coordinates(int i, int side) {
        return Coordinates.of(i % side, i / side, 0);
    }

    public static String locationId(int i) {
        return "loc_" + i;
    }

    public static String npc(int i) {
        return "characters/npc_" + (i % 50) + ".png";
    }

    public static String description(int i) {
        return "A room with a number, " + i + ", and nothing else of note.";
    }

    /** Location {@code i} as the API takes it. */
    public static Location location(int i, int side) {
        return Location.at(coordinates(i, side), locationId(i), "Room " + i, description(i)).withNpcs(List.of(npc(i)));
    }

    /** Location {@code i} as world_state.json holds it. */
    public static JsonObject locationJson(int i, int side) {
        Coordinates c = coordinates(i, side);
        return JsonObject.builder()
                .put("name", new JsonString("Room " + i))
                .put("coordinates", new JsonArray(List.of(JsonNumber.of(c.x()), JsonNumber.of(c.y()), JsonNumber.of(c.z()))))
                .put("location_id", new JsonString(locationId(i)))
                .put("description", new JsonString(description(i)))
                .put("introduction", JsonNull.INSTANCE)
                .put("events", JsonArray.EMPTY)
                .put("npcs", new JsonArray(List.of(new JsonString(npc(i)))))
                .put("explicit_exits", JsonObject.EMPTY)
                .put("connected", JsonBool.TRUE)
                .build();
    }

    /** A whole world_state.json (shape F, as CardShark's manager wrote it) of {@code locations} locations. */
    public static JsonObject worldState(String name, int locations) {
        int side = side(locations);
        JsonObject.Builder grid = JsonObject.builder();
        for (int i = 0; i < locations; i++) {
            grid.put(coordinates(i, side).key(), locationJson(i, side));
        }
        return JsonObject.builder()
                .put("name", new JsonString(name))
                .put("version", new JsonString("1.0"))
                .put("current_position", new JsonString("0,0,0"))
                .put("visited_positions", JsonArray.of(new JsonString("0,0,0")))
                .put("locations", grid.build())
                .put("metadata", JsonObject.builder().put("name", new JsonString(name.replace('_', ' '))).build())
                .build();
    }

    public static void writeWorldState(Path file, String name, int locations, JsonStyle style) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            JsonWriter.write(worldState(name, locations), style, out);
        }
    }

    public static String role(long m) {
        return m % 2 == 0 ? "user" : "assistant";
    }

    public static String content(long m) {
        return "Message number " + m + " — the tavern is warm, the ale ✨ cold.";
    }

    /** Message {@code m}, as the chat files hold it. */
    public static JsonObject message(long m) {
        return JsonObject.builder().put("id", new JsonString("msg_" + m))
                .put("role", new JsonString(role(m)))
                .put("content", new JsonString(content(m)))
                .put("timestamp", JsonNumber.of(T0 + m)).build();
    }

    /** The header line of generated JSONL chat {@code c}. */
    public static JsonObject chatHeader(int c) {
        return JsonObject.builder().put("chat_id", new JsonString("chat_" + c))
                .put("title", new JsonString("Chat " + c)).put("location_id", new JsonString(locationId(c)))
                .put("created", JsonNumber.of(T0)).put("updated", JsonNumber.of(T0))
                .build();
    }

    /** The JSONL line of message {@code m}, with its LF. */
    public static byte[] jsonlLine(long m) {
        return JsonWriter.toBytes(message(m), JsonStyle.JSONL_LINE);
    }

    /**
     * A world folder in the documented layout, written as a stream: {@code locations} locations and
     * {@code messages} messages dealt round-robin over {@code chats} JSONL chats ({@code chats/loc_c_chat.jsonl}).
     */
    public static void generateFolder(Path world, int locations, int messages, int chats) throws IOException {
        Files.createDirectories(world.resolve("chats"));
        writeWorldState(world.resolve("world_state.json"), world.getFileName().toString(), locations, JsonStyle.DOCUMENTED);
        for (int c = 0; c < chats; c++) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(
                    world.resolve("chats").resolve(locationId(c) + "_chat.jsonl")), 1 << 16)) {
                out.write(JsonWriter.toBytes(chatHeader(c), JsonStyle.JSONL_LINE));
                for (int m = c; m < messages; m += chats) {
                    out.write(jsonlLine(m));
                }
            }
        }
    }

    /**
     * Chat {@code c} with messages {@code 0 .. messages-1} as CardShark's live writer saved it (format §5.2 shape A,
     * {@code chats/{chat_id}.json}, indent 2, {@code ensure_ascii}), written as a stream.
     */
    public static void writeShapeAChat(Path file, int c, int messages) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = new OutputStreamWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                StandardCharsets.UTF_8)) {
            JsonWriter.Streaming w = JsonWriter.streaming(JsonStyle.CARDSHARK, out);
            w.beginObject();
            w.name("id").value(new JsonString("chat_" + c));
            w.name("title").value(new JsonString("Chat " + c));
            w.name("created").value(new JsonString("2026-11-27T10:00:00.000000"));
            w.name("updated").value(new JsonString("2026-11-27T10:00:00.000000"));
            w.name("messages").beginArray();
            for (int m = 0; m < messages; m++) {
                w.value(message(m));
            }
            w.end();
            w.name("participants").value(JsonArray.of(new JsonString("assistant"), new JsonString("user")));
            w.name("location_id").value(new JsonString(locationId(c)));
            w.end();
            w.finish();
        }
    }

    // ---- the limit of the JSON side: raw Jackson streaming over the same bytes ----

    private static final JsonFactory JACKSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build();

    /** Parses every token of {@code in}, reading every string; returns the token count. */
    public static long jacksonParse(InputStream in) throws IOException {
        long tokens = 0;
        try (JsonParser p = JACKSON.createParser(in)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    p.getText();
                }
                tokens++;
            }
        }
        return tokens;
    }

    /** Parses every chat file under {@code chats}; returns the seconds it took. */
    public static double jacksonParse(Path chats) throws IOException {
        long t = System.nanoTime();
        long tokens = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(chats)) {
            files = s.sorted().toList();
        }
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                tokens += jacksonParse(in);
            }
        }
        if (tokens == 0) {
            throw new IllegalStateException("no tokens");
        }
        return (System.nanoTime() - t) / 1e9;
    }

    /** Generates messages {@code from .. from+count-1} as JSONL into {@code out}. */
    public static void jacksonGenerate(long from, int count, OutputStream out) throws IOException {
        try (JsonGenerator g = JACKSON.createGenerator(out)) {
            for (long m = from; m < from + count; m++) {
                g.writeStartObject();
                g.writeStringField("id", "msg_" + m);
                g.writeStringField("role", role(m));
                g.writeStringField("content", content(m));
                g.writeNumberField("timestamp", T0 + m);
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
    }

    /** Generates {@code messages} messages into nothing; returns the seconds it took. */
    public static double jacksonGenerate(int messages) throws IOException {
        long t = System.nanoTime();
        jacksonGenerate(0, messages, OutputStream.nullOutputStream());
        return (System.nanoTime() - t) / 1e9;
    }

    /** The total size of the regular files under {@code root}. */
    public static long size(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            long total = 0;
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }

    /** Deletes {@code root} and everything under it, if present. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Copies {@code from} (a folder) to {@code to}, which must not exist. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
