package io.cardshark.worlds.testing;

import io.cardshark.worlds.Durability;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the crash harness ({@code CrashHarnessTest}) tells: its progress log, written to the test output and to
 * {@code target/crash-harness.log}; the problems the checks find, each also appended to
 * {@code target/crash-harness-failures/seed-S-problems.txt}; the journals and logs kept there when a kill
 * finds a problem; and the {@link Figures} of the closing summary, whose last line (the one the README
 * quotes) begins {@code crash harness: N kills}.
 */
public final class CrashReport implements Closeable {

    /** Where the evidence of failed checks is kept. */
    public static final Path FAILURES = Path.of("target", "crash-harness-failures");

    /** The counts the summary reports; the checks and the run add to them. */
    public static final class Figures {
        public final Map<Durability, Integer> killsBy = new TreeMap<>();
        /** Acknowledged operations checked, by the durability of the run. */
        public final Map<Durability, Long> opsBy = new TreeMap<>();
        public final Map<String, Integer> opsByKind = new TreeMap<>();
        /** The operation in flight at the kill, by kind: found applied (whole), or not applied. */
        public final Map<String, Integer> inFlightApplied = new TreeMap<>();
        public final Map<String, Integer> inFlightNotApplied = new TreeMap<>();
        /** Acknowledged writes missing from the store. */
        public long lost;
        public int corruptOpens;
        public int partialImports;
        public int partialExports;
        public int partialBackups;
        public int exportsValidated;
        public int exportsBetweenRenames;
        public int exportLeftovers;
        public int backupTempLeftovers;
        public int backupsRestored;
        public int fullVerifies;
        /** Runs whose pipe delivered fewer lines than the journal holds. */
        public int pipeShort;
        public int scratchFailures;
        public int snapshotsListed;
        public int snapshotLeftovers;

        /** Every acknowledged operation checked. */
        public long operations() {
            return opsBy.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public final Figures figures = new Figures();

    private final long seed;
    private final PrintStream log;
    private final String unit;
    private final List<String> problems = new ArrayList<>();

    private CrashReport(long seed, PrintStream log, String unit) {
        this.seed = seed;
        this.log = log;
        this.unit = unit;
    }

    /** A report of a run with this seed; {@code target/crash-harness.log} starts empty. */
    public static CrashReport open(long seed) throws IOException {
        return open(seed, "crash-harness.log", "kill");
    }

    /**
     * A report whose log is {@code target/<logName>} (started empty) and whose problems name the event they
     * were found after as {@code <unit> N} (a kill, a power cut).
     */
    public static CrashReport open(long seed, String logName, String unit) throws IOException {
        Files.createDirectories(Path.of("target"));
        PrintStream log = new PrintStream(Files.newOutputStream(Path.of("target", logName),
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING), true, StandardCharsets.UTF_8);
        return new CrashReport(seed, log, unit);
    }

    /** One line of progress, to the test output and the log file. */
    public void log(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        log.println(line);
    }

    /** A broken promise, found after kill {@code kill}: logged, and kept in the failures folder. */
    public void problem(int kill, String what) {
        String line = unit + " " + kill + " (seed " + seed + "): " + what;
        problems.add(line);
        log("PROBLEM %s", line);
        try {
            Files.createDirectories(FAILURES);
            Files.writeString(FAILURES.resolve("seed-" + seed + "-problems.txt"), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log("cannot keep the problem in target/crash-harness-failures: %s", e);
        }
    }

    /** The child reported a failed operation: a problem of the workload itself, which ends the run at once. */
    public AssertionError childFailed(int kill, String line, Path childLog) {
        problems.add("kill " + kill + ": the child failed an operation: " + line.replace('|', '\n'));
        return new AssertionError(problems.get(problems.size() - 1) + "\nchild log tail:\n" + tail(childLog));
    }

    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    public int problemCount() {
        return problems.size();
    }

    /** Keeps the evidence of a kill that found a problem: the journal and library log of its run and the two before. */
    public void keepEvidence(int kill, Path logs) throws IOException {
        Files.createDirectories(FAILURES);
        for (int k = Math.max(0, kill - 2); k <= kill; k++) {
            for (String suffix : List.of(".out", ".log")) {
                Path f = logs.resolve("run-" + k + suffix);
                if (Files.exists(f)) {
                    Files.copy(f, FAILURES.resolve("seed-" + seed + "-run-" + k + suffix), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        log("kill %d: child output and logs kept in %s", kill, FAILURES.toAbsolutePath());
    }

    /** The closing summary: what was exercised, then the line of kills, operations checked and what broke. */
    public void summary(long startedNanos) {
        Figures f = figures;
        log("operations by kind %s; in flight at the kill and applied %s, not applied %s", f.opsByKind,
                f.inFlightApplied, f.inFlightNotApplied);
        log("exports validated by re-import %d, killed between renames %d, export leftovers seen %d; "
                        + "backups restored and compared %d, backup temp files left after open %d; snapshots listed %d, "
                        + "half-written snapshot folders left after open %d; full verifications %d; pipe lost lines the journal has %d times; scratch store failures %d; %d s",
                f.exportsValidated, f.exportsBetweenRenames, f.exportLeftovers, f.backupsRestored, f.backupTempLeftovers,
                f.snapshotsListed, f.snapshotLeftovers, f.fullVerifies, f.pipeShort, f.scratchFailures,
                (System.nanoTime() - startedNanos) / 1_000_000_000L);
        int kills = f.killsBy.values().stream().mapToInt(Integer::intValue).sum();
        log("crash harness: %d kills (%d process-crash, %d power-loss), %,d operations checked "
                        + "(%,d process-crash, %,d power-loss), %d lost, %d corrupt opens, %d partial imports, "
                        + "%d partial exports, %d partial backups, seed %d",
                kills, f.killsBy.getOrDefault(Durability.PROCESS_CRASH, 0), f.killsBy.getOrDefault(Durability.POWER_LOSS, 0),
                f.operations(), f.opsBy.getOrDefault(Durability.PROCESS_CRASH, 0L), f.opsBy.getOrDefault(Durability.POWER_LOSS, 0L),
                f.lost, f.corruptOpens, f.partialImports, f.partialExports, f.partialBackups, seed);
    }

    @Override
    public void close() {
        log.close();
    }

    /** The last 40 lines of a log, for a failure message. */
    public static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
