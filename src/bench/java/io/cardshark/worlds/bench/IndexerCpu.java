package io.cardshark.worlds.bench;

import io.cardshark.worlds.internal.index.SearchIndexer;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time this store's search indexer spends beside an append workload, and the appending thread's own, over
 * the measurement iterations of a trial. Bare H2 and SQLite keep no search index. On this machine of two virtual
 * cores a thread busy on one slows the other (a thread spinning 90 % of the time beside the batches of 1,000 made
 * them 1.75x slower, and their own CPU time 1.7x), so the indexer's work shows in the writer's time; this says how
 * much of it there was in the run that measured the writer. Each measurement iteration adds a line of its trial's
 * totals so far to {@value #FILE} in {@code bench.dir}; {@link BenchMain} reads the last of each trial.
 */
final class IndexerCpu {

    static final String FILE = "indexer-cpu.jsonl";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long indexerNanos;
    private long writerNanos;
    private long messages;
    private long indexerAt;
    private long writerAt;
    private long messagesAt;

    /** At the start of a measurement iteration, on the benchmark's thread; {@code appended} so far. */
    void start(long appended) {
        indexerAt = indexerCpu();
        writerAt = THREADS.getCurrentThreadCpuTime();
        messagesAt = appended;
    }

    /** At the end of a measurement iteration, on the benchmark's thread. */
    void stop(long appended) {
        indexerNanos += indexerCpu() - indexerAt;
        writerNanos += THREADS.getCurrentThreadCpuTime() - writerAt;
        messages += appended - messagesAt;
    }

    /** Adds a line: the benchmark, its chat's size, and the CPU nanoseconds per message of each thread so far. */
    void report(String benchmark, String chatSize) {
        if (messages == 0) {
            return;
        }
        JsonObject line = JsonObject.builder()
                .put("benchmark", new JsonString(benchmark))
                .put("messages", new JsonString(chatSize))
                .put("indexerNanosPerMessage", JsonNumber.of(Math.round((double) indexerNanos / messages)))
                .put("writerNanosPerMessage", JsonNumber.of(Math.round((double) writerNanos / messages)))
                .build();
        try {
            Files.writeString(Fixtures.benchDir().resolve(FILE), JsonWriter.toCompactString(line) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last line of each trial of a run, by benchmark and chat size ({@code "AppendBench.batchOurs/1000"}). */
    static Map<String, JsonObject> read(Path benchDir) throws IOException {
        Map<String, JsonObject> byTrial = new HashMap<>();
        Path file = benchDir.resolve(FILE);
        if (Files.exists(file)) {
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Json value = JsonReader.read(text).value();
                if (value instanceof JsonObject o && o.get("benchmark") instanceof JsonString b
                        && o.get("messages") instanceof JsonString m) {
                    byTrial.put(b.value() + "/" + m.value(), o);
                }
            }
        }
        return byTrial;
    }

    /** The CPU time of the process's search indexer so far; 0 when there is none. */
    private static long indexerCpu() {
        long nanos = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(SearchIndexer.THREAD_NAME)) {
                nanos += Math.max(0, THREADS.getThreadCpuTime(t.getId()));
            }
        }
        return nanos;
    }
}
