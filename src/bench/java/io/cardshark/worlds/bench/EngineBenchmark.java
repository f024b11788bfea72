package io.cardshark.worlds.bench;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Durability;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.PostgresDatabase;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.WorldStoreBuilder;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.testing.PostgresServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * The embedded H2 file and PostgreSQL side by side, in one run, through the public API (issue 15, item 9): the
 * same workloads on a store in a data folder and on a store in a real PostgreSQL 15 server that this run starts
 * (the machine's {@code initdb}/{@code pg_ctl}, {@code fsync} on, on a loopback port, stopped at the end). Prints
 * figures; asserts nothing.
 *
 * <pre>
 * mvn -B -q -Pbench test-compile -DskipTests
 * java -Xmx256m -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
 *     io.cardshark.worlds.bench.EngineBenchmark [locations] [messages] [dir]
 * </pre>
 *
 * Workloads: an append of one message (chat of 1,000) at both durability levels (PostgreSQL's
 * {@code synchronous_commit} off and on), a move (1,000 locations), a location by coordinates (10,000
 * locations), the list of 1,000 worlds, 8 threads appending to 8 worlds, on PostgreSQL also 4 + 4 threads in two
 * processes, and the import and export of a world of {@code locations} and {@code messages} (default 10,000
 * and 1,000,000).
 */
public final class EngineBenchmark {

    private static final int OPS = 5_000;
    private static final int WARMUP = 5_000;
    private static final int SECONDS = 10;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("writer")) {
            writer(args);
            return;
        }
        int locations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("cardshark-engines");
        List<String> table = new ArrayList<>();
        table.add("| workload | H2 (file) | PostgreSQL 15 (loopback) |");
        table.add("|---|---:|---:|");
        try (PostgresServer server = PostgresServer.start(true)) {
            Engines engines = new Engines(dir, server);
            for (Durability d : Durability.values()) {
                table.add(row("append 1 message, chat of 1,000, " + d + " (p50)", engines,
                        (b, s) -> append(b.durability(d), s), "µs"));
            }
            table.add(row("move one step, 1,000 locations (p50)", engines, EngineBenchmark::move, "µs"));
            table.add(row("location by coordinates, 10,000 locations (p50)", engines, EngineBenchmark::at, "µs"));
            table.add(row("list 1,000 worlds (p50)", engines, EngineBenchmark::list, "µs"));
            table.add(row("8 threads append to 8 worlds, PROCESS_CRASH (total)", engines, EngineBenchmark::eight,
                    "msgs/s"));
            PostgresDatabase twoProcesses = server.newStore("two_processes");
            table.add("| 4 + 4 threads in two processes append to 8 worlds (total) | one process only | "
                    + String.format("%,.0f msgs/s", twoProcesses(twoProcesses, dir)) + " |");
            Path world = dir.resolve("source").resolve("Bench_World");
            FolderBenchmark.generate(world, locations, messages);
            String size = String.format("%,d locations, %,d messages", locations, messages);
            double[] h2 = importExport(engines.h2("bulk"), world, dir.resolve("export-h2"), messages);
            double[] pg = importExport(engines.postgres("bulk"), world, dir.resolve("export-pg"), messages);
            table.add(String.format("| import a world folder, %s | %,.0f msgs/s | %,.0f msgs/s |", size, h2[0], pg[0]));
            table.add(String.format("| export a world folder, %s | %,.0f msgs/s | %,.0f msgs/s |", size, h2[1], pg[1]));
        }
        System.out.println();
        table.forEach(System.out::println);
    }

    /** The two stores of one workload: a fresh H2 data folder and a fresh schema of the server. */
    private record Engines(Path dir, PostgresServer server) {
        WorldStoreBuilder h2(String name) {
            return WorldStore.configure().dataDir(dir.resolve("h2-" + name)).serveInspection(false);
        }

        WorldStoreBuilder postgres(String name) {
            return WorldStore.configure().dataDir(dir.resolve("pg-" + name)).postgres(server.newStore(name));
        }
    }

    private interface Workload {
        double run(WorldStoreBuilder store, String name) throws Exception;
    }

    private static int names;

    private static String row(String workload, Engines engines, Workload w, String unit) throws Exception {
        String name = "w" + (++names);
        double h2 = w.run(engines.h2(name), name);
        double pg = w.run(engines.postgres(name), name);
        System.out.printf("%s: H2 %.1f, PostgreSQL %.1f %s%n", workload, h2, pg, unit);
        return unit.equals("µs") ? String.format("| %s | %.1f µs | %.1f µs |", workload, h2, pg)
                : String.format("| %s | %,.0f %s | %,.0f %s |", workload, h2, unit, pg, unit);
    }

    private static double append(WorldStoreBuilder builder, String name) {
        try (WorldStore store = builder.open()) {
            String world = store.worlds().create("Append").id();
            store.chats().create(world, new NewChat("c", null, "chat"));
            List<NewMessage> thousand = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                thousand.add(NewMessage.of("user", "message " + i));
            }
            store.chats().appendAll(world, "c", thousand);
            return p50(OPS, i -> store.chats().append(world, "c", NewMessage.of("user", "one more, " + i)));
        }
    }

    private static double move(WorldStoreBuilder builder, String name) {
        try (WorldStore store = builder.open()) {
            String world = store.worlds().create("Move").id();
            grid(store, world, 1_000);
            return p50(OPS, i -> store.players().move(world, Coordinates.of(i % 32, (i / 32) % 31, 0)));
        }
    }

    private static double at(WorldStoreBuilder builder, String name) {
        try (WorldStore store = builder.open()) {
            String world = store.worlds().create("Read").id();
            grid(store, world, 10_000);
            Random random = new Random(7);
            return p50(OPS * 5, i -> store.locations().at(world, Coordinates.of(random.nextInt(100), random.nextInt(100), 0)));
        }
    }

    private static double list(WorldStoreBuilder builder, String name) {
        try (WorldStore store = builder.open()) {
            store.useTransaction(tx -> {
                for (int i = 0; i < 1_000; i++) {
                    tx.worlds().create("World " + i);
                }
            });
            return p50(500, i -> store.worlds().list());
        }
    }

    private static double eight(WorldStoreBuilder builder, String name) throws Exception {
        try (WorldStore store = builder.open()) {
            return appendFor(store, 8, "eight");
        }
    }

    /** Appends from {@code threads} threads, each to a world of its own, for {@link #SECONDS}; messages per second. */
    private static double appendFor(WorldStore store, int threads, String prefix) throws Exception {
        List<String> worlds = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String world = store.worlds().create(prefix + " " + t + " " + ProcessHandle.current().pid()).id();
            store.chats().create(world, new NewChat("c", null, "chat"));
            worlds.add(world);
        }
        LongAdder done = new LongAdder();
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String world : worlds) {
                running.add(pool.submit(() -> {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        store.chats().append(world, "c", NewMessage.of("user", "message " + i));
                        done.increment();
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return done.sum() / (double) SECONDS;
    }

    /** Two JVMs of 4 writing threads each on one PostgreSQL store, started together; their total rate. */
    private static double twoProcesses(PostgresDatabase db, Path dir) throws Exception {
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("two")).postgres(db).open()) {
            store.worlds().count();
        }
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), EngineBenchmark.class.getName(), "writer",
                    db.url(), db.user(), db.passwordFile().toString(), dir.resolve("two-" + p).toString())
                    .redirectErrorStream(true).start());
        }
        double total = 0;
        for (Process p : processes) {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String rate = null;
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("rate ")) {
                        rate = line.substring("rate ".length()).strip();
                    }
                }
                p.waitFor();
                if (rate == null) {
                    throw new IllegalStateException("a writer process printed no rate");
                }
                total += Double.parseDouble(rate);
            }
        }
        return total;
    }

    /** A child of {@link #twoProcesses}: prints its rate, {@code rate <messages per second>}. */
    private static void writer(String[] args) throws Exception {
        PostgresDatabase db = PostgresDatabase.of(args[1], args[2]).withPasswordFile(Path.of(args[3]));
        try (WorldStore store = WorldStore.configure().dataDir(Path.of(args[4])).postgres(db).open()) {
            System.out.println("rate " + appendFor(store, 4, "four"));
        }
    }

    /** Import of the generated world, then its export; messages per second of each. */
    private static double[] importExport(WorldStoreBuilder builder, Path world, Path out, int messages) {
        try (WorldStore store = builder.open()) {
            long t0 = System.nanoTime();
            ImportResult r = store.folders().importFolders(List.of(world), false).get(0);
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            if (!r.isImported()) {
                throw new IllegalStateException(r.error());
            }
            long t1 = System.nanoTime();
            store.folders().export(List.of(r.worldId()), out, Layout.DOCUMENTED);
            double exportSeconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf("import %.1f s, export %.1f s%n", importSeconds, exportSeconds);
            return new double[]{messages / importSeconds, messages / exportSeconds};
        }
    }

    private static void grid(WorldStore store, String world, int n) {
        int side = (int) Math.ceil(Math.sqrt(n));
        store.useTransaction(tx -> {
            for (int i = 0; i < n; i++) {
                int x = i % side;
                int y = i / side;
                tx.locations().put(world, Location.at(Coordinates.of(x, y, 0), "l" + i, "L " + i, "d"));
            }
        });
    }

    private interface Op {
        void run(int i) throws Exception;
    }

    /**
     * The median time of {@code n} runs of {@code op}, after as many untimed ones (at least {@link #WARMUP}, so
     * that the JIT has compiled the store's path), in microseconds.
     */
    private static double p50(int n, Op op) {
        int warmup = Math.max(n, WARMUP);
        try {
            for (int i = 0; i < warmup; i++) {
                op.run(i);
            }
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                op.run(warmup + i);
                times[i] = System.nanoTime() - t;
            }
            Arrays.sort(times);
            return times[n / 2] / 1_000.0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
