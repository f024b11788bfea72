package io.cardshark.worlds;

import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.backup.VerifyReport;
import io.cardshark.worlds.internal.engine.H2Urls;
import io.cardshark.worlds.internal.fs.FileSync;
import io.cardshark.worlds.testing.CrashChecks;
import io.cardshark.worlds.testing.CrashJournal.Op;
import io.cardshark.worlds.testing.CrashModel;
import io.cardshark.worlds.testing.CrashReport;
import io.cardshark.worlds.testing.CrashSources;
import io.cardshark.worlds.testing.WorldImage;
import io.cardshark.worlds.testing.powercut.CutWorkload;
import io.cardshark.worlds.testing.powercut.PowerCutFigures;
import io.cardshark.worlds.testing.powercut.PowerCutFileSystem;
import io.cardshark.worlds.testing.powercut.StretchModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The power-cut harness (issue 17): the store's own code on real H2, with the database on a
 * {@link PowerCutFileSystem} (H2's pluggable file system, through {@link H2Urls#useFileSystemForTests}), where
 * a write reaches the disk only when it is synced and a power cut keeps, drops, tears or reorders the writes
 * that were not. Each cut:
 * <ol>
 *   <li>a stretch of work ({@link CutWorkload}: chat appends, moves, events, file puts, creates, deletes,
 *       imports with replace, now and then a close and reopen) runs until the power fails, at a random write
 *       count or byte count (or, when the stretch ends first, at rest);</li>
 *   <li>the power comes back with what the disk held, the store is opened again and verified (FULL);</li>
 *   <li>every world is compared with the crash harness's model of the acknowledged operations
 *       ({@link CrashModel}, {@link StretchModel}).</li>
 * </ol>
 * Every {@value #CUTS_PER_STORE} cuts a new store is made, with a cut at a random write of its creation.
 *
 * <p>At {@link Durability#POWER_LOSS} nothing acknowledged may be lost, every store must open and verify, and
 * an import in flight must be whole or absent ({@link CrashChecks#everyWorldIsTheModel}). At
 * {@link Durability#PROCESS_CRASH}, which promises nothing against a power cut, the harness only measures what a
 * cut costs: the acknowledged operations lost where the store holds a prefix of them (per cut, and the worst
 * case), and the stores it damaged (failing to open, failing verify, or holding no prefix: older operations
 * gone or mixed with newer ones), after which the next cut starts a new store.
 *
 * <p>{@code -Dcardshark.powercut.cuts=N} (default 200) sets the cuts at POWER_LOSS,
 * {@code -Dcardshark.powercut.crashCuts=M} (default N/4) those at PROCESS_CRASH, and
 * {@code -Dcardshark.powercut.seed=S} (printed) repeats a run's random choices: the workload runs in this JVM,
 * one thread, and each file system draws from its own seeded random (what H2 writes varies a little with
 * the clock, so a cut by count may land a write or a few bytes off). A line per cut and the closing summary line
 * go to {@code target/powercut-harness.log}; a store that does not open is kept in
 * {@code target/crash-harness-failures/powercut-S-cut-N/} (at PROCESS_CRASH, the first {@value #KEPT_IMAGES}).
 */
class PowerCutHarnessTest {

    static final int CUTS = Integer.getInteger("cardshark.powercut.cuts", 200);
    static final int CRASH_CUTS = Integer.getInteger("cardshark.powercut.crashCuts", CUTS / 4);
    static final long SEED = Long.getLong("cardshark.powercut.seed", System.nanoTime() & 0xFFFFFFFFL);
    static final int CUTS_PER_STORE = 25;
    /** A stretch's operations at most; the cut is armed to come well before, most of the time. */
    static final int MAX_OPS = 60;
    static final int MAX_WRITES = 30;
    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_PROBLEMS = 20;
    /** Damaged PROCESS_CRASH stores kept for a look (every POWER_LOSS one is kept). */
    static final int KEPT_IMAGES = 2;

    @TempDir
    Path dir;

    @Test
    void powerCutsLoseNothingAcknowledgedAtPowerLoss() throws Exception {
        CrashReport report = CrashReport.open(SEED, "powercut-harness.log", "cut");
        PowerCutFigures figures = new PowerCutFigures();
        long started = System.nanoTime();
        report.log("power-cut harness: %d cuts at POWER_LOSS, %d at PROCESS_CRASH, seed %d (replay with "
                + "-Dcardshark.powercut.seed=%d)", CUTS, CRASH_CUTS, SEED, SEED);
        CrashChecks checks = new CrashChecks(dir, dir.resolve("unused"), dir.resolve("unused"), SEED, report);
        try {
            Path sourceDir = dir.resolve("sources");
            CrashSources sources = CrashSources.make(dir, sourceDir, checks.scratch(), report, true);
            List<String> sourceNames;
            try (Stream<Path> s = Files.list(sourceDir)) {
                sourceNames = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            H2Urls.useFileSystemForTests(PowerCutFileSystem.SCHEME);
            try {
                int creationWrites = creationWrites();
                new LevelRun(Durability.POWER_LOSS, 0, report, checks, figures, sources, sourceDir, sourceNames,
                        creationWrites).run(CUTS);
                new LevelRun(Durability.PROCESS_CRASH, CUTS, report, checks, figures, sources, sourceDir,
                        sourceNames, creationWrites).run(CRASH_CUTS);
            } finally {
                H2Urls.useFileSystemForTests("file");
            }
        } finally {
            checks.close();
            report.log("operations by kind %s", report.figures.opsByKind);
            report.log("%s", figures.summary(report.figures.partialImports, SEED, (System.nanoTime() - started) / 1_000_000_000L));
            report.close();
        }
        PowerCutFigures.Level powerLoss = figures.level(Durability.POWER_LOSS);
        assertThat(report.problems()).as("power-cut harness problems (seed %d)", SEED).isEmpty();
        assertThat(powerLoss.cuts).isEqualTo(CUTS);
        assertThat(powerLoss.acked).isPositive();
        assertThat(powerLoss.lost + powerLoss.failedOpens + powerLoss.failedVerifies + powerLoss.notPrefix).isZero();
        assertThat(report.figures.partialImports).isZero();
        // The same checks see losses where commits are not synced: the harness can tell.
        if (CRASH_CUTS >= 20) {
            assertThat(figures.level(Durability.PROCESS_CRASH).lost).as("operations lost at PROCESS_CRASH").isPositive();
        }
    }

    /** How many writes the creation of a store makes, so that a creation's cut can land on any of them. */
    private int creationWrites() throws IOException {
        Path data = dir.resolve("dry");
        try (PowerCutFileSystem fs = PowerCutFileSystem.mount(data, SEED)) {
            WorldStore.open(CutWorkload.config(data, Durability.POWER_LOSS)).close();
            return (int) fs.counters().writes();
        }
    }

    /** The cuts at one durability level: a store at a time, each stretch of work followed by a cut and a check. */
    private final class LevelRun {
        private final Durability level;
        private final int firstCut;
        private final CrashReport report;
        private final CrashChecks checks;
        private final PowerCutFigures.Level figures;
        private final CrashSources sources;
        private final Path sourceDir;
        private final List<String> sourceNames;
        private final int creationWrites;
        private final Random random;

        private PowerCutFileSystem fs;
        private CutWorkload workload;
        private CrashModel model;
        private WorldStore store;
        /** What the disk held of the database after the last cut and the one before, and what ran between. */
        private byte[] diskAtCut;
        private byte[] diskAtCutBefore;
        private List<String> tried = List.of();
        private int kept;

        LevelRun(Durability level, int firstCut, CrashReport report, CrashChecks checks, PowerCutFigures figures,
                 CrashSources sources, Path sourceDir, List<String> sourceNames, int creationWrites) {
            this.level = level;
            this.firstCut = firstCut;
            this.report = report;
            this.checks = checks;
            this.figures = figures.level(level);
            this.sources = sources;
            this.sourceDir = sourceDir;
            this.sourceNames = sourceNames;
            this.creationWrites = creationWrites;
            this.random = new Random(SEED * 31 + level.ordinal());
        }

        void run(int cuts) throws IOException {
            try {
                for (int i = 0; i < cuts && report.problemCount() < MAX_PROBLEMS; i++) {
                    int cut = firstCut + i;
                    boolean creating = store == null || i % CUTS_PER_STORE == 0;
                    tried = List.of();
                    List<Op> ops = creating ? createStore(cut) : stretch(cut);
                    powerBack(cut, creating && store == null);
                    if (store != null) {
                        check(cut, StretchModel.replay(model, cut, ops));
                    }
                }
            } finally {
                unmount();
            }
        }

        /** A new store whose creation the power cuts at a random write (or, rarely, not at all). */
        private List<Op> createStore(int cut) throws IOException {
            unmount();
            Path data = dir.resolve(level + "-" + cut);
            fs = PowerCutFileSystem.mount(data, SEED * 1_000_003L + cut);
            workload = new CutWorkload(fs, sourceDir, sourceNames, CutWorkload.config(data, level));
            model = new CrashModel(sources, report);
            fs.cutAfterWrites(1 + random.nextInt(creationWrites));
            store = open(cut, false);
            return List.of();
        }

        /** Work until the power fails, at a random write or byte count; at rest if the stretch ends first. */
        private List<Op> stretch(int cut) {
            if (random.nextBoolean()) {
                fs.cutAfterWrites(1 + random.nextInt(MAX_WRITES));
            } else {
                fs.cutAfterBytes(1 + random.nextInt(MAX_BYTES));
            }
            CutWorkload.Stretch stretch = workload.run(store, random, cut, MAX_OPS);
            store = stretch.store();
            tried = stretch.tried();
            figures.cycleCuts += stretch.cutInCycle() ? 1 : 0;
            if (stretch.failure() != null) {
                figures.failedOps++;
                damage(cut, "an operation failed with the power on: " + stretch.failure());
            }
            return stretch.ops();
        }

        /** Cuts the power if the stretch did not, closes what is left, and reopens from what the disk held. */
        private void powerBack(int cut, boolean duringCreation) throws IOException {
            if (!fs.isCut()) {
                fs.cut();
            }
            CutWorkload.closeQuietly(store);
            PowerCutFileSystem.CutReport cutReport = fs.cuts().get(fs.cuts().size() - 1);
            figures.cut(cutReport, duringCreation);
            diskAtCutBefore = duringCreation ? null : diskAtCut;
            diskAtCut = fs.durableBytes("worlds.mv.db");
            report.log("cut %d (%s%s, %s at %s): %s", cut, level, duringCreation ? ", creating the store" : "",
                    cutReport.policy(), cutReport.trigger(), cutReport.detail());
            List<String> ended = fs.restart();
            if (!ended.isEmpty()) {
                report.log("cut %d: H2 still held %s open in this JVM from before the cut; ended, as the power cut "
                        + "ends the process", cut, ended);
            }
            store = open(cut, true);
        }

        private WorldStore open(int cut, boolean mustOpen) throws IOException {
            try {
                return WorldStore.open(workload.config());
            } catch (RuntimeException e) {
                if (!mustOpen && fs.isCut()) {
                    return null;
                }
                figures.failedOpens++;
                damage(cut, "the store did not open after the cut: " + e);
                return null;
            }
        }

        /**
         * Verify FULL, then every world against the model: what was lost, and at POWER_LOSS that nothing was.
         * A damaged store is not worked on further: the next cut starts a new one.
         */
        private void check(int cut, StretchModel stretch) {
            VerifyReport verify;
            try {
                verify = store.verify(VerifyLevel.FULL);
            } catch (RuntimeException unreadable) {
                // A page H2 cannot read (a damaged store at PROCESS_CRASH): counted, and the run goes on.
                figures.failedVerifies++;
                damage(cut, "verify FULL could not read the store: " + unreadable);
                CutWorkload.closeQuietly(store);
                store = null;
                return;
            }
            if (!verify.passed()) {
                figures.failedVerifies++;
                damage(cut, "verify FULL failed: " + verify.failures());
            }
            Map<String, WorldImage> actual = capture(cut);
            StretchModel.Held held = actual == null ? StretchModel.Held.NONE : stretch.held(actual);
            figures.held(stretch.acked(), held);
            report.log("cut %d: %d acknowledged, %s held%s", cut, stretch.acked(),
                    held.isPrefix() ? held.ops() : "no prefix", stretch.inFlight() == null ? ""
                            : ", in flight " + stretch.inFlight().text() + (held.inFlightApplied() ? " (applied)" : ""));
            if (actual != null && level == Durability.POWER_LOSS) {
                int problems = report.problemCount();
                checks.everyWorldIsTheModel(cut, actual, model, stretch.inFlight());
                if (report.problemCount() > problems) {
                    keepEvidence(cut);
                }
            } else if (actual != null && !held.isPrefix()) {
                damage(cut, "the store holds no prefix of the acknowledged operations");
            }
            if (actual == null || !verify.passed() || (!held.isPrefix() && level == Durability.PROCESS_CRASH)) {
                CutWorkload.closeQuietly(store);
                store = null;
            } else {
                stretch.adopt(actual);
            }
        }

        /** Every world of the store, or null (counted, with why) when reading them fails. */
        private Map<String, WorldImage> capture(int cut) {
            try {
                return WorldImage.captureAll(store);
            } catch (RuntimeException e) {
                damage(cut, "reading the worlds failed: " + e);
                return null;
            }
        }

        /**
         * A store the cut damaged: a problem at POWER_LOSS; at PROCESS_CRASH, which promises nothing, a figure.
         * The evidence is kept either way (at PROCESS_CRASH the first few times).
         */
        private void damage(int cut, String what) {
            if (level == Durability.POWER_LOSS) {
                report.problem(cut, level + ": " + what);
            } else {
                report.log("cut %d: %s damage: %s", cut, level, what);
            }
            if (level == Durability.POWER_LOSS || ++kept <= KEPT_IMAGES) {
                keepEvidence(cut);
            }
        }

        /**
         * In {@code target/crash-harness-failures/powercut-S-cut-N/}: what the disk held of the database after this
         * cut and after the one before, and the operations tried in between (cycles included).
         */
        private void keepEvidence(int cut) {
            Path kept = CrashReport.FAILURES.resolve("powercut-" + SEED + "-cut-" + cut);
            try {
                FileSync.deleteTree(kept); // an earlier run with this seed
                Files.createDirectories(kept);
                if (diskAtCut != null) {
                    Files.write(kept.resolve("at-this-cut.mv.db"), diskAtCut);
                }
                if (diskAtCutBefore != null) {
                    Files.write(kept.resolve("at-the-cut-before.mv.db"), diskAtCutBefore);
                }
                Files.write(kept.resolve("tried.txt"), tried);
                if (fs != null) {
                    // What H2 wrote and synced before the cut, which of the pending writes the cut kept, and
                    // what the reopen wrote since.
                    Files.write(kept.resolve("fs-journal.txt"), fs.journal());
                }
                report.log("cut %d: evidence kept in %s", cut, kept.toAbsolutePath());
            } catch (IOException e) {
                report.log("cut %d: the evidence could not be kept: %s", cut, e);
            }
        }

        private void unmount() {
            CutWorkload.closeQuietly(store);
            store = null;
            if (fs != null) {
                fs.close();
            }
        }
    }
}
