package io.cardshark.worlds.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.folder.ExportResult;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.internal.json.Json;
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
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Import and export of a big world (10,000 locations, 1,000,000 chat messages by default), with the raw
 * Jackson streaming parse and generate of the same chat bytes as the limit of the JSON side. Prints
 * figures; asserts nothing. Run it with a small heap to show that nothing is held whole:
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * java -Xmx256m -cp target/cardshark-worlds.jar:target/test-classes io.cardshark.worlds.bench.FolderBenchmark [locations] [messages] [dir]
 * </pre>
 */
public final class FolderBenchmark {

    public static void main(String[] args) throws IOException {
        int locations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("cardshark-bench");
        Path source = dir.resolve("source");
        Path world = source.resolve("Bench_World");
        System.out.printf("generating a world of %,d locations and %,d messages in %s%n", locations, messages, world);
        generate(world, locations, messages);
        long sourceBytes = size(world);
        long chatBytes = size(world.resolve("chats"));

        // Opening (and migrating) the store is not part of the import.
        WorldStore.configure().dataDir(dir.resolve("store")).open().close();
        resetPeaks();
        ImportResult imported;
        double importSeconds;
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            long t0 = System.nanoTime();
            imported = store.folders().importFolders(List.of(world), false).get(0);
            importSeconds = (System.nanoTime() - t0) / 1e9;
        }
        long importHeap = peakHeap();
        if (!imported.isImported()) {
            throw new IllegalStateException(imported.error());
        }

        resetPeaks();
        ExportResult exported;
        double exportSeconds;
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            long t1 = System.nanoTime();
            exported = store.folders().export(List.of("Bench_World"), dir.resolve("export"), Layout.DOCUMENTED).get(0);
            exportSeconds = (System.nanoTime() - t1) / 1e9;
        }
        long exportHeap = peakHeap();

        double parseSeconds = jacksonParse(world.resolve("chats"));
        double generateSeconds = jacksonGenerate(messages);

        double mb = sourceBytes / 1e6;
        System.out.println();
        System.out.printf("%-34s %12s %14s %10s %12s%n", "step", "seconds", "messages/s", "MB/s", "peak heap MB");
        System.out.printf("%-34s %12.2f %,14.0f %10.1f %12.0f%n", "import (one transaction)", importSeconds,
                messages / importSeconds, mb / importSeconds, importHeap / 1e6);
        System.out.printf("%-34s %12.2f %,14.0f %10.1f %12.0f%n", "export (documented, atomic)", exportSeconds,
                messages / exportSeconds, exported.bytes() / 1e6 / exportSeconds, exportHeap / 1e6);
        System.out.printf("%-34s %12.2f %,14.0f %10.1f %12s%n", "raw Jackson parse of the chat bytes", parseSeconds,
                messages / parseSeconds, chatBytes / 1e6 / parseSeconds, "-");
        System.out.printf("%-34s %12.2f %,14.0f %10.1f %12s%n", "raw Jackson generate of as many", generateSeconds,
                messages / generateSeconds, chatBytes / 1e6 / generateSeconds, "-");
        System.out.printf("%nsource %.1f MB (chats %.1f MB), max heap %d MB, store file %.1f MB%n", mb, chatBytes / 1e6,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), size(dir.resolve("store")) / 1e6);
    }

    /** A world folder in the documented layout, written as a stream. */
    static void generate(Path world, int locations, int messages) throws IOException {
        Files.createDirectories(world.resolve("chats"));
        int side = (int) Math.ceil(Math.sqrt(locations));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(world.resolve("world_state.json")), 1 << 16)) {
            JsonObject.Builder grid = JsonObject.builder();
            for (int i = 0; i < locations; i++) {
                int x = i % side;
                int y = i / side;
                grid.put(x + "," + y + ",0", JsonObject.builder()
                        .put("name", new JsonString("Room " + i))
                        .put("coordinates", new JsonArray(List.of(JsonNumber.of(x), JsonNumber.of(y), JsonNumber.of(0))))
                        .put("location_id", new JsonString("loc_" + i))
                        .put("description", new JsonString("A room with a number, " + i + ", and nothing else of note."))
                        .put("introduction", JsonNull.INSTANCE)
                        .put("events", JsonArray.EMPTY)
                        .put("npcs", new JsonArray(List.of(new JsonString("characters/npc_" + (i % 50) + ".png"))))
                        .put("explicit_exits", JsonObject.EMPTY)
                        .put("connected", JsonBool.TRUE)
                        .build());
            }
            JsonObject state = JsonObject.builder()
                    .put("name", new JsonString("Bench_World"))
                    .put("version", new JsonString("1.0"))
                    .put("current_position", new JsonString("0,0,0"))
                    .put("locations", grid.build())
                    .put("metadata", JsonObject.builder().put("name", new JsonString("Bench World")).build())
                    .build();
            JsonWriter.write(state, JsonStyle.DOCUMENTED, out);
        }
        int chats = 10;
        for (int c = 0; c < chats; c++) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(
                    world.resolve("chats").resolve("loc_" + c + "_chat.jsonl")), 1 << 16)) {
                out.write(JsonWriter.toBytes(JsonObject.builder().put("chat_id", new JsonString("chat_" + c))
                        .put("title", new JsonString("Chat " + c)).put("location_id", new JsonString("loc_" + c))
                        .put("created", JsonNumber.of(1_795_715_060_000L)).put("updated", JsonNumber.of(1_795_715_060_000L))
                        .build(), JsonStyle.JSONL_LINE));
                for (int m = c; m < messages; m += chats) {
                    Json message = JsonObject.builder().put("id", new JsonString("msg_" + m))
                            .put("role", new JsonString(m % 2 == 0 ? "user" : "assistant"))
                            .put("content", new JsonString("Message number " + m + " — the tavern is warm, the ale ✨ cold."))
                            .put("timestamp", JsonNumber.of(1_795_715_060_000L + m)).build();
                    out.write(JsonWriter.toBytes(message, JsonStyle.JSONL_LINE));
                }
            }
        }
    }

    static double jacksonParse(Path chats) throws IOException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build();
        long t = System.nanoTime();
        long tokens = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(chats)) {
            files = s.sorted().toList();
        }
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f); JsonParser p = factory.createParser(in)) {
                while (p.nextToken() != null) {
                    if (p.currentToken() == JsonToken.VALUE_STRING) {
                        p.getText();
                    }
                    tokens++;
                }
            }
        }
        if (tokens == 0) {
            throw new IllegalStateException("no tokens");
        }
        return (System.nanoTime() - t) / 1e9;
    }

    static double jacksonGenerate(int messages) throws IOException {
        long t = System.nanoTime();
        try (JsonGenerator g = new JsonFactory().createGenerator(OutputStream.nullOutputStream())) {
            for (int m = 0; m < messages; m++) {
                g.writeStartObject();
                g.writeStringField("id", "msg_" + m);
                g.writeStringField("role", m % 2 == 0 ? "user" : "assistant");
                g.writeStringField("content", "Message number " + m + " — the tavern is warm, the ale ✨ cold.");
                g.writeNumberField("timestamp", 1_795_715_060_000L + m);
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
        return (System.nanoTime() - t) / 1e9;
    }

    /**
     * The most heap in use, garbage included, sampled every 5 ms by a daemon thread since the last reset: what
     * the work needed at worst, as {@code -Xmx} would have to allow.
     */
    private static final java.util.concurrent.atomic.AtomicLong PEAK = new java.util.concurrent.atomic.AtomicLong();

    static {
        Thread sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (true) {
                PEAK.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static void resetPeaks() {
        System.gc();
        PEAK.set(0);
    }

    static long peakHeap() {
        return PEAK.get();
    }

    static long size(Path root) throws IOException {
        List<Long> sizes = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                sizes.add(Files.size(p));
            }
        }
        return sizes.stream().mapToLong(Long::longValue).sum();
    }
}
