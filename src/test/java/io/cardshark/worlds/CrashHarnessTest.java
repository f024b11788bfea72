package io.cardshark.worlds;

import io.cardshark.worlds.testing.ChildJvm;
import io.cardshark.worlds.testing.CrashChecks;
import io.cardshark.worlds.testing.CrashJournal;
import io.cardshark.worlds.testing.CrashJournal.Op;
import io.cardshark.worlds.testing.CrashModel;
import io.cardshark.worlds.testing.CrashReport;
import io.cardshark.worlds.testing.CrashSources;
import io.cardshark.worlds.testing.CrashWorkload;
import io.cardshark.worlds.testing.KillMoments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash harness (issue 4): a child JVM ({@link CrashWorkload}) runs a random mixed workload on one store
 * (create and delete worlds, moves, chat appends, events, file puts, imports with replace, exports, backups)
 * and writes every operation down before it starts and after it returns (to its pipe and to a journal file,
 * which the parent reads after the kill: the pipe can lose its last lines when the child dies); the parent
 * kills it with SIGKILL at a random moment, reopens the store and checks it against a model built from the
 * acknowledged operations, in order (a deleted world's operations are no longer expected, a re-created or
 * re-imported world starts afresh):
 *
 * <ul>
 *   <li>the store opens, and {@code verify} passes (QUICK after every kill, FULL every 10th and at the end);</li>
 *   <li>every world is exactly the model (every acknowledged move, message, event, file, create, delete and
 *       import present, nothing else), or the model plus the one operation in flight, whole;</li>
 *   <li>an import is all or nothing: the world is its old self or exactly the source folder's world;</li>
 *   <li>an export target is the last acknowledged export (checked complete by importing it into a scratch
 *       store and comparing with the model at the time of the export), or the complete in-flight export, or,
 *       between the two renames, absent with the old folder in {@code .{id}.{hex}.old.tmp}; leftovers
 *       exist only while an export of that world has been killed and none has completed since;</li>
 *   <li>every backup that retention keeps is there and is a whole zip holding {@code worlds.mv.db}; every
 *       10th kill the newest acknowledged backup is restored into a scratch folder and must equal the model
 *       at the time it was taken;</li>
 *   <li>what interrupted backups and snapshots leave behind (temporary zips, the zip file system's
 *       {@code zipfstmp*.tmp}, half-written snapshot folders) is gone once the store has been opened.</li>
 * </ul>
 *
 * <p>Kills alternate between {@link Durability#PROCESS_CRASH} and {@link Durability#POWER_LOSS}. Half of the
 * kills come at a random time, half at a random point inside a chosen kind of operation (so imports,
 * exports, backups and deletes are often cut in the middle). {@code -Dcardshark.crash.kills=N} (default 50)
 * sets the number of kills; {@code -Dcardshark.crash.seed=S} (printed) repeats a run's random choices (the
 * timing, and so the exact kill moments, still vary). Progress and the closing summary line go to
 * {@code target/crash-harness.log} as well as to the test output; when a check fails, the journals and
 * library logs of that run and the two before it, and the problems, are kept in
 * {@code target/crash-harness-failures/}.
 *
 * <p>The pieces live in {@code testing}: {@link KillMoments} picks the moment, {@link CrashJournal} reads what the
 * child said, {@link CrashModel} replays the acknowledged operations, {@link CrashChecks} has one method per
 * promise above, and {@link CrashReport} keeps the log, the problems and the figures of the summary.
 */
class CrashHarnessTest {

    static final int KILLS = Integer.getInteger("cardshark.crash.kills", 50);
    static final long SEED = Long.getLong("cardshark.crash.seed", System.nanoTime() & 0xFFFFFFFFL);
    static final int MAX_PROBLEMS = 20;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedOperationSurvivesSigkill() throws Exception {
        Path data = dir.resolve("store");
        Path sources = dir.resolve("sources");
        Path exports = dir.resolve("exports");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        CrashReport report = CrashReport.open(SEED);
        long started = System.nanoTime();
        report.log("crash harness: %d kills, seed %d (replay with -Dcardshark.crash.seed=%d)", KILLS, SEED, SEED);
        CrashChecks checks = new CrashChecks(dir, data, exports, SEED, report);
        try {
            CrashModel model = new CrashModel(CrashSources.make(dir, sources, checks.scratch(), report), report);
            KillMoments moments = new KillMoments(new Random(SEED));
            for (int kill = 0; kill < KILLS && report.problemCount() < MAX_PROBLEMS; kill++) {
                Durability durability = kill % 2 == 0 ? Durability.PROCESS_CRASH : Durability.POWER_LOSS;
                boolean full = (kill + 1) % 10 == 0 || kill == KILLS - 1;
                Path childLog = logs.resolve("run-" + kill + ".log");
                Path journal = logs.resolve("run-" + kill + ".out");

                // Run the workload on the store and kill it.
                List<String> piped;
                long t0 = System.nanoTime();
                try (ChildJvm child = ChildJvm.start(CrashWorkload.class, data.toString(), durability.name(),
                        Long.toString(SEED), Integer.toString(kill), sources.toString(), exports.toString(),
                        childLog.toString(), journal.toString())) {
                    child.awaitLine("ready", 120);
                    long ready = System.nanoTime();
                    String moment = moments.await(child);
                    child.kill();
                    piped = child.output();
                    report.log("kill %d (%s, %s): child ready in %d ms", kill, durability, moment, (ready - t0) / 1_000_000);
                }
                report.figures.killsBy.merge(durability, 1, Integer::sum);

                // What it was told had happened goes into the model; one operation may have been in flight.
                List<Op> ops = CrashJournal.read(kill, journal, piped, childLog, report);
                CrashModel.Replayed run = model.replay(kill, ops);
                Op inFlight = run.inFlight();
                report.figures.opsBy.merge(durability, run.acked(), Long::sum);

                // Reopen and check every promise.
                long checking = System.nanoTime();
                int before = report.problemCount();
                try (WorldStore store = checks.reopen(kill, durability, childLog)) {
                    checks.verifyPasses(kill, store, full);
                    checks.everyWorldIsTheModel(kill, store, model, inFlight);
                    checks.countSnapshots(store);
                }
                checks.noHalfWrittenSnapshots(kill, durability);
                checks.exportsAreTheLastOrOld(kill, model, inFlight);
                checks.backupsAreKeptAndWhole(kill, model, inFlight, full);

                if (report.problemCount() > before) {
                    report.keepEvidence(kill, logs);
                }
                for (String suffix : List.of(".out", ".log")) {
                    Files.deleteIfExists(logs.resolve("run-" + (kill - 2) + suffix));
                }
                report.log("kill %d: %d operations acknowledged, %s in flight; checked in %d ms", kill, run.acked(),
                        inFlight == null ? "none" : inFlight.text().split(" ", 3).length > 2
                                ? inFlight.kind() + " " + inFlight.world() : inFlight.text(),
                        (System.nanoTime() - checking) / 1_000_000);
            }
        } finally {
            checks.close();
            report.summary(started);
            report.close();
        }
        assertThat(report.problems()).as("crash harness problems (seed %d)", SEED).isEmpty();
        assertThat(report.figures.operations()).isPositive();
    }
}
