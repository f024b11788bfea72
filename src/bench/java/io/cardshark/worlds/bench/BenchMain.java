package io.cardshark.worlds.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The benchmark suite of issue 6 in one command: runs every JMH benchmark (one fork each, sizes as {@code @Param}),
 * then the import/export benchmark ({@link FolderBenchmark}) in a child JVM with {@code -Xmx256m}, prints one table
 * (this store, the file approach, SQLite NORMAL and FULL, the ratio, the target and whether this run met it) and
 * writes {@code jmh.json} (JMH's own format), {@code folder.json}, {@code folder-cli.json} and {@code summary.json} into
 * {@code bench.dir}.
 *
 * <p>System properties: {@code bench.dir} (default {@code target/bench}); {@code bench.quick=true} for a smoke test
 * (one short warmup and two short measurements, the smallest sizes, a small import); {@code bench.include}, a regex
 * over {@code Class.method} (and {@code FolderBenchmark}) to run a part; {@code bench.forkArgs}, extra JVM options
 * for the forks (a profiler, for example).
 */
public final class BenchMain {

    static final List<Class<?>> BENCHMARKS = List.of(LimitsBench.class, MoveBench.class, AppendBench.class,
            PowerLossBench.class, ReadBench.class, WorldsBench.class, LoadBench.class, ConcurrentAppendBench.class);

    private final boolean quick;
    private final Path dir;
    private final List<RunResult> results = new ArrayList<>();
    private JsonObject folder;
    /** {@link #folder} in a JVM with the command line's option ({@link #CLI_JVM_OPTION}). */
    private JsonObject folderCli;
    private List<DiskBytes.Figure> diskBytes = List.of();
    /** The search indexer's CPU beside the append workloads, by trial ({@link IndexerCpu#read}). */
    private Map<String, JsonObject> indexerCpu = Map.of();
    private final List<Map<String, Object>> rows = new ArrayList<>();

    private BenchMain(boolean quick, Path dir) {
        this.quick = quick;
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        boolean quick = Boolean.getBoolean("bench.quick") || Arrays.asList(args).contains("--quick");
        String include = System.getProperty("bench.include", "");
        Pattern filter = include.isBlank() ? null : Pattern.compile(include);
        Path dir = Fixtures.benchDir();
        Files.createDirectories(dir.resolve("logs"));
        // The classpath of this run, for running one benchmark or a profile by hand.
        Files.writeString(dir.resolve("classpath.txt"), System.getProperty("java.class.path") + "\n");
        BenchWorlds.deleteTree(Fixtures.fixtureRoot());
        BenchWorlds.deleteTree(dir.resolve("trials"));
        Files.deleteIfExists(dir.resolve(IndexerCpu.FILE));
        new BenchMain(quick, dir).run(filter);
    }

    private void run(Pattern filter) throws Exception {
        long t0 = System.nanoTime();
        String loadBefore = loadAverage();
        Instant started = Instant.now();
        System.out.printf("cardshark-worlds benchmarks (%s) on %d cores, load average %s; logs in %s%n",
                quick ? "quick" : "full", Runtime.getRuntime().availableProcessors(), loadBefore, dir.resolve("logs"));
        try {
            for (Class<?> bench : BENCHMARKS) {
                List<String> methods = new ArrayList<>();
                for (Method m : bench.getMethods()) {
                    String name = bench.getSimpleName() + "." + m.getName();
                    if (m.isAnnotationPresent(Benchmark.class) && (filter == null || filter.matcher(name).find())) {
                        methods.add(m.getName());
                    }
                }
                if (!methods.isEmpty()) {
                    runJmh(bench, methods.stream().sorted().toList());
                }
            }
            ResultFormatFactory.getInstance(ResultFormatType.JSON, dir.resolve("jmh.json").toString()).writeOut(results);
            if (filter == null || filter.matcher("FolderBenchmark").find()) {
                runFolderBenchmark();
            }
            if (filter == null || filter.matcher("DiskBytes").find()) {
                runDiskBytes();
            }
            if (filter == null || filter.matcher("EngineBenchmark").find()) {
                runEngineBenchmark();
            }
        } finally {
            BenchWorlds.deleteTree(Fixtures.fixtureRoot());
            BenchWorlds.deleteTree(dir.resolve("trials"));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        indexerCpu = IndexerCpu.read(dir);
        buildRows();
        String loadAfter = loadAverage();
        printTable(System.out, seconds, loadBefore, loadAfter);
        writeSummary(started, seconds, loadBefore, loadAfter);
    }

    // ---- running ----

    private void runJmh(Class<?> bench, List<String> methods) throws RunnerException {
        long t = System.nanoTime();
        Path log = dir.resolve("logs").resolve(bench.getSimpleName() + ".log");
        System.out.printf("  %-22s %s ... ", bench.getSimpleName(), String.join(", ", methods));
        System.out.flush();
        List<String> jvm = new ArrayList<>(List.of("-Xmx4g", "-Dbench.dir=" + dir));
        String forkArgs = System.getProperty("bench.forkArgs", "");
        if (!forkArgs.isBlank()) {
            jvm.addAll(Arrays.asList(forkArgs.trim().split("\\s+")));
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(1)
                .jvmArgs(jvm.toArray(String[]::new))
                .shouldFailOnError(false)
                .output(log.toString());
        for (String m : methods) {
            options.include("^" + Pattern.quote(bench.getName() + "." + m) + "$");
        }
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.milliseconds(300))
                    .measurementIterations(2).measurementTime(TimeValue.milliseconds(500))
                    .param("locations", "1000").param("messages", "1000");
        }
        Collection<RunResult> run = new Runner(options.build()).run();
        results.addAll(run);
        System.out.printf("%d results, %.0f s%n", run.size(), (System.nanoTime() - t) / 1e9);
    }

    /**
     * {@link FolderBenchmark} twice, each in a child JVM with {@code -Xmx256m}: as a library's user runs it, then with
     * the JVM option the command line sets for itself ({@code h2.objectCache=false}, see {@code Main}).
     */
    private void runFolderBenchmark() throws IOException, InterruptedException {
        folder = runFolderBenchmark("FolderBenchmark", "folder.json", List.of());
        folderCli = runFolderBenchmark("FolderBenchmark (CLI)", "folder-cli.json", List.of(CLI_JVM_OPTION));
    }

    /** What {@code Main} sets in the command line's own JVM, and a library cannot set in an application's. */
    static final String CLI_JVM_OPTION = "-Dh2.objectCache=false";

    private JsonObject runFolderBenchmark(String name, String resultFile, List<String> jvmOptions)
            throws IOException, InterruptedException {
        int locations = quick ? 1_000 : 10_000;
        int messages = quick ? 20_000 : 1_000_000;
        long t = System.nanoTime();
        System.out.printf("  %-22s import/export of %,d locations and %,d messages, -Xmx256m %s... ", name,
                locations, messages, String.join(" ", jvmOptions) + (jvmOptions.isEmpty() ? "" : " "));
        System.out.flush();
        Path work = dir.resolve("trials").resolve("folder");
        Path result = dir.resolve(resultFile);
        Files.deleteIfExists(result);
        BenchWorlds.deleteTree(work);
        Files.createDirectories(work);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dbench.result=" + result));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FolderBenchmark.class.getName(),
                Integer.toString(locations), Integer.toString(messages), work.toString()));
        String log = resultFile.replace(".json", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs").resolve(log).toFile()).start();
        boolean done = p.waitFor(30, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        BenchWorlds.deleteTree(work);
        if (done && p.exitValue() == 0 && Files.exists(result)) {
            System.out.printf("%.0f s%n", (System.nanoTime() - t) / 1e9);
            return (JsonObject) JsonReader.read(Files.readAllBytes(result)).value();
        }
        System.out.printf("FAILED (see logs/%s)%n", log);
        return null;
    }

    /** The table of {@link EngineBenchmark}: H2 and PostgreSQL side by side, its markdown lines. */
    private List<String> engines = List.of();

    private void runEngineBenchmark() throws IOException, InterruptedException {
        int locations = quick ? 1_000 : 10_000;
        int messages = quick ? 20_000 : 1_000_000;
        long t = System.nanoTime();
        System.out.printf("  %-22s H2 and PostgreSQL side by side, -Xmx256m ... ", "EngineBenchmark");
        System.out.flush();
        Path work = dir.resolve("trials").resolve("engines");
        BenchWorlds.deleteTree(work);
        Files.createDirectories(work);
        Path log = dir.resolve("logs").resolve("EngineBenchmark.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), EngineBenchmark.class.getName(),
                Integer.toString(locations), Integer.toString(messages), work.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(30, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        BenchWorlds.deleteTree(work);
        if (done && p.exitValue() == 0) {
            // The table's lines: from its header on, as long as they are table lines (the log holds others).
            engines = Files.readAllLines(log).stream().dropWhile(line -> !line.startsWith("| workload |"))
                    .takeWhile(line -> line.startsWith("|")).toList();
            Files.write(dir.resolve("engines.md"), engines);
            System.out.printf("%.0f s%n", (System.nanoTime() - t) / 1e9);
        } else {
            System.out.printf("FAILED (see logs/EngineBenchmark.log)%n");
        }
    }

    private void runDiskBytes() throws Exception {
        long t = System.nanoTime();
        System.out.printf("  %-22s bytes written per operation, %,d operations each ... ", "DiskBytes", DiskBytes.OPERATIONS);
        System.out.flush();
        diskBytes = DiskBytes.measureAll();
        System.out.printf("%.0f s%n", (System.nanoTime() - t) / 1e9);
    }

    // ---- results ----

    /** The JMH result of {@code Class.method} with these params, or null. */
    private RunResult result(String benchmark, String... params) {
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            if (!name.endsWith("." + benchmark)) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < params.length; i += 2) {
                if (!params[i + 1].equals(r.getParams().getParam(params[i]))) {
                    match = false;
                    break;
                }
            }
            if (match) {
                return r;
            }
        }
        return null;
    }

    /** The median time per operation in µs, or null. */
    private Double p50(String benchmark, String... params) {
        RunResult r = result(benchmark, params);
        if (r == null || r.getParams().getMode() != Mode.SampleTime) {
            return null;
        }
        return r.getPrimaryResult().getStatistics().getPercentile(50.0);
    }

    /** Operations per second (all threads), or null. */
    private Double rate(String benchmark, String... params) {
        RunResult r = result(benchmark, params);
        return r == null ? null : r.getPrimaryResult().getScore();
    }

    private Double folder(String key) {
        return figure(folder, key);
    }

    private static Double figure(JsonObject figures, String key) {
        if (figures == null || !(figures.get(key) instanceof JsonNumber n)) {
            return null;
        }
        return n.doubleValue();
    }

    private static String time(Double micros) {
        if (micros == null || micros.isNaN()) {
            return "n/a";
        }
        if (micros < 10) {
            return String.format("%.2f µs", micros);
        }
        if (micros < 1000) {
            return String.format("%.1f µs", micros);
        }
        if (micros < 1_000_000) {
            return String.format("%.2f ms", micros / 1000);
        }
        return String.format("%.2f s", micros / 1e6);
    }

    private static String perSecond(Double rate, String unit) {
        return rate == null ? "n/a" : String.format("%,.0f %s/s", rate, unit);
    }

    private static String times(Double a, Double b, String label) {
        if (a == null || b == null || b == 0) {
            return "n/a";
        }
        double x = a / b;
        return label + " " + (x >= 100 ? String.format("%,.0fx", x) : x >= 10 ? String.format("%.1fx", x) : String.format("%.2fx", x));
    }

    /**
     * The rows of one append workload ({@code one} message or a {@code batch} of 1,000) for a chat of {@code m}
     * messages: this store, JSONL, SQLite NORMAL and FULL, then CardShark's whole-chat rewrite on a row of its own.
     */
    private void appendRows(String kind, String workload, String unit, String m, boolean targeted) {
        String size = "chat of " + n(Integer.parseInt(m));
        Double ours = p50("AppendBench." + kind + "Ours", "messages", m);
        Double jsonl = p50("AppendBench." + kind + "Jsonl", "messages", m);
        Double rewrite = p50("AppendBench." + kind + "Rewrite", "messages", m);
        Double normal = p50("AppendBench." + kind + "Sqlite", "messages", m, "sync", "NORMAL");
        Double full = p50("AppendBench." + kind + "Sqlite", "messages", m, "sync", "FULL");
        Double ratio = div(ours, normal);
        row(workload, size, time(ours), time(jsonl), time(normal), time(full), times(ours, normal, "ours/NORMAL"),
                targeted ? "≤ 2x SQLite NORMAL" : "-", targeted ? met(ratio == null ? null : ratio <= 2) : "",
                values("unit", unit, "ours", ours, "file", jsonl, "sqliteNormal", normal, "sqliteFull", full));
        Double bareH2 = p50("AppendBench." + kind + "BareH2", "messages", m);
        floor(ours, bareH2, normal, "NORMAL", size, false);
        indexerRow(kind, kind.equals("batch") ? AppendBench.BATCH : 1, m, size);
        if (kind.equals("batch")) {
            Double onDemand = p50("AppendBench.batchOursOnDemand", "messages", m);
            row("  this store, search indexed on demand (backgroundIndexing(false))", size, time(onDemand), "", "", "",
                    times(onDemand, bareH2, "ours/bare H2"), "-", "", values("unit", unit, "ours", onDemand,
                            "bareH2", bareH2));
        }
        row("  file: CardShark whole-chat rewrite", size, "", time(rewrite), "", "", times(rewrite, ours, "rewrite/ours"),
                "-", "", values("unit", unit, "file", rewrite));
    }

    /**
     * The row under this store's against bare H2 for an append workload: the CPU time the search indexer spent
     * beside each operation on the other core, and the writer's own ({@link IndexerCpu}), over the same
     * measurement iterations. Bare H2 and SQLite keep no search index.
     */
    private void indexerRow(String kind, int messagesPerOp, String m, String size) {
        JsonObject line = indexerCpu.get("AppendBench." + kind + "Ours/" + m);
        Double indexer = microsPerOp(figure(line, "indexerNanosPerMessage"), messagesPerOp);
        Double writer = microsPerOp(figure(line, "writerNanosPerMessage"), messagesPerOp);
        String text = indexer == null || writer == null ? "n/a" : time(indexer) + " (writer " + time(writer) + ")";
        row("  search indexer's CPU beside each (ours; writer's own)", size, text, "", "", "", "", "-", "",
                values("unit", "CPU µs per operation", "indexer", indexer, "writer", writer));
    }

    private static Double microsPerOp(Double nanosPerMessage, int messagesPerOp) {
        return nanosPerMessage == null ? null : nanosPerMessage * messagesPerOp / 1000;
    }

    private static String met(Boolean ok) {
        return ok == null ? "n/a" : ok ? "met" : "missed";
    }

    private static Double div(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : a / b;
    }

    private static String n(int value) {
        return String.format("%,d", value);
    }

    private Map<String, Object> row(String workload, String size, String ours, String file, String normal, String full,
                                    String ratio, String target, String met, Map<String, Object> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("workload", workload);
        row.put("size", size);
        row.put("cardshark-worlds", ours);
        row.put("bare H2", "-");
        row.put("file approach", file);
        row.put("SQLite NORMAL", normal);
        row.put("SQLite FULL", full);
        row.put("ratio", ratio);
        row.put("target", target);
        row.put("met", met);
        row.put("values", values);
        rows.add(row);
        return row;
    }

    /**
     * Puts bare H2's figure (the same rows through plain JDBC) into the row just added, and a row under it that
     * holds this store against that floor, and the floor against SQLite: which part of a gap is ours, which H2's.
     */
    private void floor(Double ours, Double bareH2, Double sqlite, String sqliteLabel, String size, boolean rate) {
        Map<String, Object> above = rows.get(rows.size() - 1);
        above.put("bare H2", rate ? perSecond(bareH2, "msgs") : time(bareH2));
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) above.get("values");
        values.put("bareH2", bareH2);
        // For a rate, more is better: the store's cost against the floor is the floor's rate over ours.
        Double cost = rate ? div(bareH2, ours) : div(ours, bareH2);
        Double floorCost = rate ? div(sqlite, bareH2) : div(bareH2, sqlite);
        row("  this store against bare H2", size, "", "", "", "", (cost == null ? "n/a" : String.format("ours/bare H2 %.2fx", cost))
                        + (floorCost == null ? "" : String.format("; bare H2/%s %.2fx", sqliteLabel, floorCost)),
                "≤ 1.3x bare H2", met(cost == null ? null : cost <= 1.3), values("unit", "cost ratio", "oursOverBareH2", cost,
                        "bareH2OverSqlite", floorCost));
    }

    private static Map<String, Object> values(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private void buildRows() {
        String[] sizes = quick ? new String[] {"1000"} : new String[] {"1000", "10000", "100000"};
        String[] chats = quick ? new String[] {"1000"} : new String[] {"1000", "1000000"};

        // 1. move
        Double move1k = p50("MoveBench.ours", "locations", "1000");
        for (String l : sizes) {
            Double ours = p50("MoveBench.ours", "locations", l);
            Double file = p50("MoveBench.fileApproach", "locations", l);
            Double normal = p50("MoveBench.sqlite", "locations", l, "sync", "NORMAL");
            Double full = p50("MoveBench.sqlite", "locations", l, "sync", "FULL");
            String ratio = times(file, ours, "file/ours");
            String target = "-";
            String met = "";
            if (l.equals("10000")) {
                target = "≥ 100x faster than file";
                met = met(div(file, ours) == null ? null : div(file, ours) >= 100);
            } else if (l.equals("100000")) {
                ratio = ratio + "; " + times(ours, move1k, "vs 1,000:");
                target = "≤ 1.5x the cost at 1,000";
                met = met(div(ours, move1k) == null ? null : div(ours, move1k) <= 1.5);
            }
            row("move one step (p50)", n(Integer.parseInt(l)) + " locations", time(ours), time(file), time(normal),
                    time(full), ratio, target, met, values("unit", "µs/op p50", "ours", ours, "file", file,
                            "sqliteNormal", normal, "sqliteFull", full));
            floor(ours, p50("MoveBench.bareH2", "locations", l), normal, "NORMAL", n(Integer.parseInt(l)) + " locations", false);
        }
        Double plMove = p50("PowerLossBench.move");
        Double fullMove = p50("MoveBench.sqlite", "locations", quick ? "1000" : "10000", "sync", "FULL");
        row("move, power-loss level (p50)", quick ? "1,000 locations" : "10,000 locations", time(plMove), "-", "-", time(fullMove),
                times(plMove, fullMove, "ours/FULL"), "-", "", values("unit", "µs/op p50", "ours", plMove, "sqliteFull", fullMove));
        floor(plMove, p50("PowerLossBench.moveBareH2"), fullMove, "FULL", quick ? "1,000 locations" : "10,000 locations", false);

        // 2. append
        for (String m : chats) {
            appendRows("one", "append 1 message (p50; file: JSONL + fsync)", "µs/op p50", m, true);
        }
        Double plAppend = p50("PowerLossBench.appendOne");
        Double fullAppend = p50("AppendBench.oneSqlite", "messages", "1000", "sync", "FULL");
        row("append 1, power-loss level (p50)", "chat of 1,000", time(plAppend), "-", "-", time(fullAppend),
                times(plAppend, fullAppend, "ours/FULL"), "≤ 1.2x SQLite FULL",
                met(div(plAppend, fullAppend) == null ? null : div(plAppend, fullAppend) <= 1.2),
                values("unit", "µs/op p50", "ours", plAppend, "sqliteFull", fullAppend));
        floor(plAppend, p50("PowerLossBench.appendOneBareH2"), fullAppend, "FULL", "chat of 1,000", false);
        for (String m : chats) {
            appendRows("batch", "append 1,000 in one batch (p50; file: JSONL)", "µs/batch p50", m, false);
        }

        // 3. point reads
        Double at1k = p50("ReadBench.atOurs", "locations", "1000");
        for (String l : sizes) {
            Double ours = p50("ReadBench.atOurs", "locations", l);
            Double sqlite = p50("ReadBench.atSqlite", "locations", l);
            String ratio = times(ours, sqlite, "ours/SQLite");
            String target = "p50 ≤ 20 µs";
            String met = met(ours == null ? null : ours <= 20);
            if (l.equals("100000")) {
                // Issue 14: flat in the world's size.
                ratio = ratio + "; " + times(ours, at1k, "vs 1,000:");
                target = "p50 ≤ 15 µs and ≤ 1.3x the cost at 1,000";
                met = met(div(ours, at1k) == null ? null : ours <= 15 && div(ours, at1k) <= 1.3);
            }
            row("location by coordinates (p50)", n(Integer.parseInt(l)) + " locations", time(ours), "-", time(sqlite), "-",
                    ratio, target, met, values("unit", "µs/op p50", "ours", ours, "sqlite", sqlite));
            floor(ours, p50("ReadBench.atBareH2", "locations", l), sqlite, "SQLite", n(Integer.parseInt(l)) + " locations", false);
        }
        Double cached = p50("ReadBench.atOursCached");
        row("location by coordinates, page cache 256 MB (p50)", "100,000 locations", time(cached), "-", "-", "-",
                times(cached, at1k, "vs 1,000 (16 MB):"), "-", "", values("unit", "µs/op p50", "ours", cached));
        for (String l : sizes) {
            Double ours = p50("ReadBench.byIdOurs", "locations", l);
            Double sqlite = p50("ReadBench.byIdSqlite", "locations", l);
            row("location by id (p50)", n(Integer.parseInt(l)) + " locations", time(ours), "-", time(sqlite), "-",
                    times(ours, sqlite, "ours/SQLite"), "-", "", values("unit", "µs/op p50", "ours", ours, "sqlite", sqlite));
        }
        Double npcOurs = p50("WorldsBench.npcOurs");
        Double npcSqlite = p50("WorldsBench.npcSqlite");
        row("NPC → its 20 locations (p50)", "1,000 worlds", time(npcOurs), "-", time(npcSqlite), "-",
                times(npcOurs, npcSqlite, "ours/SQLite"), "-", "", values("unit", "µs/op p50", "ours", npcOurs, "sqlite", npcSqlite));
        Double listOurs = p50("WorldsBench.listOurs");
        Double listSqlite = p50("WorldsBench.listSqlite");
        row("list worlds with metadata (p50)", "1,000 worlds", time(listOurs), "-", time(listSqlite), "-",
                times(listOurs, listSqlite, "ours/SQLite"), "≤ 20 ms", met(listOurs == null ? null : listOurs <= 20_000),
                values("unit", "µs/op p50", "ours", listOurs, "sqlite", listSqlite));

        // 4. load
        for (String l : sizes) {
            Double ours = p50("LoadBench.ours", "locations", l);
            Double file = p50("LoadBench.fileApproach", "locations", l);
            row("load a whole world (p50)", n(Integer.parseInt(l)) + " locations", time(ours), time(file), "-", "-",
                    times(file, ours, "file/ours"), l.equals("10000") ? "≤ the file's parse" : "-",
                    l.equals("10000") ? met(div(ours, file) == null ? null : ours <= file) : "",
                    values("unit", "µs/op p50", "ours", ours, "file", file));
        }

        // 5. import / export
        Double messages = folder("messages");
        String folderSize = folder == null ? "n/a" : String.format("%,.0f locations, %,.0f msgs", folder("locations"), messages);
        Double importRate = folder("importMessagesPerSecond");
        Double importHeap = folder("importPeakHeapBytes");
        Double parseRate = folder("jacksonParseMessagesPerSecond");
        Double generateRate = folder("jacksonGenerateMessagesPerSecond");
        row("import a world folder (-Xmx256m)", folderSize, rateAndHeap(importRate, importHeap), "-", "-", "-",
                times(importRate, parseRate, "of Jackson parse:"), "≥ 150,000 msgs/s, heap ≤ 256 MB",
                met(importRate == null ? null : importRate >= 150_000 && importHeap <= 256 * 1024 * 1024),
                values("unit", "messages/s", "ours", importRate, "peakHeapBytes", importHeap));
        Double againRate = folder("importAgainMessagesPerSecond");
        row("  import again, same JVM (JIT warm)", folderSize, rateAndHeap(againRate, folder("importAgainPeakHeapBytes")),
                "-", "-", "-", times(againRate, folder("bareH2StepsImportMessagesPerSecond"), "of bare H2 in steps:"),
                "≥ 150,000 msgs/s", met(againRate == null ? null : againRate >= 150_000),
                values("unit", "messages/s", "ours", againRate, "peakHeapBytes", folder("importAgainPeakHeapBytes")));
        // Held against bare H2's one-transaction import warm, as bare H2's runs (as the export below).
        floor(againRate, folder("bareH2ImportMessagesPerSecond"), null, "", folderSize, true);
        Double bareSteps = folder("bareH2StepsImportMessagesPerSecond");
        row("  bare H2 committing every " + String.format("%,d", FolderBenchmark.BARE_COMMIT_EVERY) + " messages",
                folderSize, perSecond(bareSteps, "msgs"), "-", "-", "-", times(bareSteps, folder("bareH2ImportMessagesPerSecond"),
                        "of one transaction:"), "-", "", values("unit", "messages/s", "bareH2Steps", bareSteps));
        Double exportRate = folder("exportMessagesPerSecond");
        Double exportHeap = folder("exportPeakHeapBytes");
        row("export a world folder (-Xmx256m)", folderSize, rateAndHeap(exportRate, exportHeap), "-", "-", "-",
                times(exportRate, generateRate, "of Jackson generate:"), "≥ 500,000 msgs/s, heap ≤ 256 MB",
                met(exportRate == null ? null : exportRate >= 500_000 && exportHeap <= 256 * 1024 * 1024),
                values("unit", "messages/s", "ours", exportRate, "peakHeapBytes", exportHeap));
        // Held against bare H2's export warm, as bare H2's runs: the first export compiles the read path for both.
        Double exportAgainRate = folder("exportAgainMessagesPerSecond");
        row("  export again, same JVM (JIT warm)", folderSize, rateAndHeap(exportAgainRate, folder("exportAgainPeakHeapBytes")),
                "-", "-", "-", times(exportAgainRate, exportRate, "of the first:"), "≥ 500,000 msgs/s",
                met(exportAgainRate == null ? null : exportAgainRate >= 500_000),
                values("unit", "messages/s", "ours", exportAgainRate, "peakHeapBytes", folder("exportAgainPeakHeapBytes")));
        floor(exportAgainRate, folder("bareH2ExportMessagesPerSecond"), null, "", folderSize, true);
        Double cliImport = figure(folderCli, "importMessagesPerSecond");
        Double cliExport = figure(folderCli, "exportMessagesPerSecond");
        row("  import, in the CLI's JVM (" + CLI_JVM_OPTION + ")", folderSize, perSecond(cliImport, "msgs"), "-", "-", "-",
                times(cliImport, importRate, "of the import above:"), "≥ 150,000 msgs/s",
                met(cliImport == null ? null : cliImport >= 150_000), values("unit", "messages/s", "ours", cliImport,
                        "peakHeapBytes", figure(folderCli, "importPeakHeapBytes")));
        row("  export, in the CLI's JVM (" + CLI_JVM_OPTION + ")", folderSize, perSecond(cliExport, "msgs"), "-", "-", "-",
                times(cliExport, exportRate, "of the export above:"), "≥ 500,000 msgs/s",
                met(cliExport == null ? null : cliExport >= 500_000), values("unit", "messages/s", "ours", cliExport,
                        "peakHeapBytes", figure(folderCli, "exportPeakHeapBytes")));
        Double archiveExportRate = folder("archiveExportMessagesPerSecond");
        Double archiveExportHeap = folder("archiveExportPeakHeapBytes");
        row("export a world archive (-Xmx256m)", folderSize, rateAndHeap(archiveExportRate, archiveExportHeap), "-", "-",
                "-", times(archiveExportRate, exportRate, "of folder export:"), "heap ≤ 256 MB",
                met(archiveExportHeap == null ? null : archiveExportHeap <= 256 * 1024 * 1024),
                values("unit", "messages/s", "ours", archiveExportRate, "peakHeapBytes", archiveExportHeap,
                        "archiveBytes", folder("archiveBytes")));
        Double archiveImportRate = folder("archiveImportMessagesPerSecond");
        Double archiveImportHeap = folder("archiveImportPeakHeapBytes");
        row("import a world archive (-Xmx256m)", folderSize, rateAndHeap(archiveImportRate, archiveImportHeap), "-", "-",
                "-", times(archiveImportRate, importRate, "of folder import:"), "heap ≤ 256 MB",
                met(archiveImportHeap == null ? null : archiveImportHeap <= 256 * 1024 * 1024),
                values("unit", "messages/s", "ours", archiveImportRate, "peakHeapBytes", archiveImportHeap));

        // 6. 8 threads
        Double ours8 = rate("ConcurrentAppendBench.ours");
        Double normal8 = rate("ConcurrentAppendBench.sqlite", "sync", "NORMAL");
        Double full8 = rate("ConcurrentAppendBench.sqlite", "sync", "FULL");
        row("8 threads append to 8 worlds (total)", "8 worlds", perSecond(ours8, "msgs"), "-", perSecond(normal8, "msgs"),
                perSecond(full8, "msgs"), times(ours8, normal8, "ours/NORMAL"), "≥ SQLite NORMAL",
                met(div(ours8, normal8) == null ? null : ours8 >= normal8),
                values("unit", "messages/s", "ours", ours8, "sqliteNormal", normal8, "sqliteFull", full8));
        floor(ours8, rate("ConcurrentAppendBench.bareH2"), normal8, "NORMAL", "8 worlds", true);

        // bytes written per operation
        for (DiskBytes.Figure ours : diskBytes) {
            if (ours.engine().equals("ours")) {
                diskBytesRow(ours);
            }
        }

        // physical limits
        Double fsync = p50("LimitsBench.fsync4k");
        row("limit: 4 KiB write + fsync (p50)", "same disk", "-", time(fsync), "-", "-",
                times(plAppend, fsync, "ours power-loss append/this"), "-", "", values("unit", "µs/op p50", "limit", fsync));
        Double parse = p50("LimitsBench.jacksonParse");
        Double generate = p50("LimitsBench.jacksonGenerate");
        row("limit: Jackson streaming parse of 1,000 JSONL msgs (p50)", "in memory", "-", time(parse), "-", "-",
                parse == null ? "n/a" : String.format("%,.0f msgs/s", LimitsBench.MESSAGES / parse * 1e6), "-", "",
                values("unit", "µs/1,000 messages p50", "limit", parse));
        row("limit: Jackson streaming generate of 1,000 JSONL msgs (p50)", "in memory", "-", time(generate), "-", "-",
                generate == null ? "n/a" : String.format("%,.0f msgs/s", LimitsBench.MESSAGES / generate * 1e6), "-", "",
                values("unit", "µs/1,000 messages p50", "limit", generate));
        row("limit: Jackson parse / generate of the import's chat files", folderSize,
                "-", parseRate == null ? "n/a" : String.format("%,.0f / %,.0f msgs/s", parseRate, generateRate), "-", "-",
                "-", "-", "", values("unit", "messages/s", "parse", parseRate, "generate", generateRate));
    }

    private void diskBytesRow(DiskBytes.Figure ours) {
        DiskBytes.Figure h2 = null;
        DiskBytes.Figure sqlite = null;
        for (DiskBytes.Figure f : diskBytes) {
            if (f.workload().equals(ours.workload()) && f.level().equals(ours.level())) {
                h2 = f.engine().equals("bare H2") ? f : h2;
                sqlite = f.engine().equals("SQLite") ? f : sqlite;
            }
        }
        boolean powerLoss = ours.level().equals("power loss");
        String sqliteBytes = sqlite == null ? "n/a" : bytes(sqlite);
        Map<String, Object> row = row("bytes written per op: " + ours.workload() + ", " + ours.level() + " level",
                ours.workload().startsWith("append") ? "chat of 1,000" : "10,000 locations", bytes(ours), "-",
                powerLoss ? "-" : sqliteBytes, powerLoss ? sqliteBytes : "-",
                h2 == null ? "n/a" : times(ours.bytesPerOp(), h2.bytesPerOp(), "ours/bare H2")
                        + (sqlite == null ? "" : "; " + times(h2.bytesPerOp(), sqlite.bytesPerOp(), "bare H2/SQLite")),
                "-", "", values("unit", "bytes/op", "ours", ours.bytesPerOp(), "bareH2", h2 == null ? null : h2.bytesPerOp(),
                        "sqlite", sqlite == null ? null : sqlite.bytesPerOp(), "oursWriteCalls", ours.writeCallsPerOp()));
        row.put("bare H2", h2 == null ? "n/a" : bytes(h2));
    }

    private static String bytes(DiskBytes.Figure f) {
        return String.format("%,.0f B in %.1f writes", f.bytesPerOp(), f.writeCallsPerOp());
    }

    private static String rateAndHeap(Double rate, Double heap) {
        if (rate == null) {
            return "n/a";
        }
        return String.format("%,.0f msgs/s, peak heap %.0f MB", rate, heap / (1024 * 1024));
    }

    // ---- output ----

    private static final String[] COLUMNS = {"workload", "size", "cardshark-worlds", "bare H2", "file approach", "SQLite NORMAL",
            "SQLite FULL", "ratio", "target", "met"};

    private void printTable(PrintStream out, double seconds, String loadBefore, String loadAfter) {
        out.println();
        out.println("| " + String.join(" | ", COLUMNS) + " |");
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < COLUMNS.length; i++) {
            rule.append(i >= 2 && i <= 6 ? "---:|" : "---|");
        }
        out.println(rule);
        for (Map<String, Object> row : rows) {
            StringBuilder line = new StringBuilder("|");
            for (String c : COLUMNS) {
                line.append(' ').append(row.get(c)).append(" |");
            }
            out.println(line);
        }
        out.println();
        out.printf("Times are medians (p50) per operation from JMH SampleTime, 1 fork; rates are totals. %s run, %.0f s in all, "
                        + "%d cores, load average %s before and %s after.%n", quick ? "Quick" : "Full", seconds,
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        out.printf("Results: %s (JMH), %s, %s, %s; logs in %s%n", dir.resolve("jmh.json"), dir.resolve("folder.json"),
                dir.resolve("folder-cli.json"), dir.resolve("summary.json"), dir.resolve("logs"));
        if (!engines.isEmpty()) {
            out.println();
            out.println("H2 and PostgreSQL side by side (EngineBenchmark: medians of 500 to 25,000 calls, each after as many "
                    + "untimed ones and at least 5,000; "
                    + dir.resolve("engines.md") + "):");
            out.println();
            engines.forEach(out::println);
        }
    }

    private void writeSummary(Instant started, double seconds, String loadBefore, String loadAfter) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(Files.newBufferedWriter(dir.resolve("summary.json"),
                StandardCharsets.UTF_8))) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("started", started.toString());
            g.writeBooleanField("quick", quick);
            g.writeNumberField("seconds", seconds);
            g.writeObjectFieldStart("machine");
            g.writeNumberField("cores", Runtime.getRuntime().availableProcessors());
            g.writeStringField("cpu", cpuModel());
            g.writeStringField("memory", memTotal());
            g.writeStringField("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
            g.writeStringField("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                    + System.getProperty("os.arch"));
            g.writeStringField("loadAverageBefore", loadBefore);
            g.writeStringField("loadAverageAfter", loadAfter);
            g.writeEndObject();
            g.writeArrayFieldStart("rows");
            for (Map<String, Object> row : rows) {
                g.writeStartObject();
                for (Map.Entry<String, Object> e : row.entrySet()) {
                    if (e.getValue() instanceof Map<?, ?> values) {
                        g.writeObjectFieldStart(e.getKey());
                        for (Map.Entry<?, ?> v : values.entrySet()) {
                            writeValue(g, (String) v.getKey(), v.getValue());
                        }
                        g.writeEndObject();
                    } else {
                        writeValue(g, e.getKey(), e.getValue());
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("jmh");
            Map<String, Object> sorted = new TreeMap<>();
            for (RunResult r : results) {
                StringBuilder key = new StringBuilder(r.getParams().getBenchmark().replace(BenchMain.class.getPackageName() + ".", ""));
                for (String p : r.getParams().getParamsKeys()) {
                    key.append(' ').append(p).append('=').append(r.getParams().getParam(p));
                }
                var s = r.getPrimaryResult().getStatistics();
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("mode", r.getParams().getMode().shortLabel());
                v.put("unit", r.getPrimaryResult().getScoreUnit());
                v.put("score", r.getPrimaryResult().getScore());
                if (r.getParams().getMode() == Mode.SampleTime) {
                    v.put("p50", s.getPercentile(50));
                    v.put("p90", s.getPercentile(90));
                    v.put("p99", s.getPercentile(99));
                    v.put("samples", s.getN());
                }
                sorted.put(key.toString(), v);
            }
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                for (Map.Entry<?, ?> v : ((Map<?, ?>) e.getValue()).entrySet()) {
                    writeValue(g, (String) v.getKey(), v.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            if (folder != null) {
                g.writeFieldName("folder");
                g.writeRawValue(new String(Files.readAllBytes(dir.resolve("folder.json")), StandardCharsets.UTF_8));
            }
            if (folderCli != null) {
                g.writeFieldName("folderCli");
                g.writeRawValue(new String(Files.readAllBytes(dir.resolve("folder-cli.json")), StandardCharsets.UTF_8));
            }
            g.writeEndObject();
        }
    }

    private static void writeValue(JsonGenerator g, String key, Object value) throws IOException {
        if (value == null) {
            g.writeNullField(key);
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                g.writeNullField(key);
            } else {
                g.writeNumberField(key, d);
            }
        } else if (value instanceof Long l) {
            g.writeNumberField(key, l);
        } else if (value instanceof Integer i) {
            g.writeNumberField(key, i);
        } else {
            g.writeStringField(key, value.toString());
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        return procField("/proc/cpuinfo", "model name");
    }

    private static String memTotal() {
        return procField("/proc/meminfo", "MemTotal");
    }

    /** The value of the first {@code key: value} line of a /proc file, or "unknown". */
    private static String procField(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
