package io.cardshark.worlds.testing.powercut;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain H2 (no project code) on the power-cut file system: a new database, a table, rows inserted one commit
 * each; the power is cut at a random write; what the disk held is reopened and checked for the acknowledged
 * rows. A row is acknowledged when its commit (and, when syncing, its {@code CHECKPOINT SYNC}) returned.
 *
 * <p>With {@code CHECKPOINT SYNC} after each commit (what the store does at its POWER_LOSS level) no
 * acknowledged row may be lost, and the database must open, with one known exception: a cut while H2 is still
 * creating the database, before anything was ever synced, can leave a file H2 refuses to open
 * ({@link H2CreationPowerCutReproTest}); those seeds are reported, not failed. With commits alone nothing is
 * synced until the database closes, so rows can be lost and the file can be unreadable: that run only reports.
 *
 * <p>Each commit is one write (a new chunk appended to the file), and {@code CHECKPOINT SYNC} one
 * {@code force}. More than half of the writes come at the close: H2 compacts the file there (chunks moved to
 * the front, overwritten in place, a sync before each phase, then a truncate), so about half the cuts land in it.
 *
 * <p>The figures go to standard output (Surefire: {@code target/surefire-reports/*-output.txt}). More seeds:
 * {@code -Dpowercut.seeds=500}. {@code TRACE_LEVEL_FILE=0}: after a cut H2 tries to log the failure to
 * {@code db.trace.db} on the dead file system and prints a "Log file error" stack trace for each cut.
 */
class BareH2PowerCutTest {

    private static final int ROWS = 40;
    private static final int SEEDS = Integer.getInteger("powercut.seeds", 50);
    private static final String PAYLOAD = "x".repeat(300);
    private static final String SETTINGS = ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0";

    @TempDir
    Path tmp;

    /** What one seed's run saw. {@code lost}: acknowledged rows missing (0 if the database did not open). */
    record Outcome(long seed, long cutAtWrite, int acknowledged, int present, int lost, String openFailure,
                   PowerCutFileSystem.CutReport cut) {

        boolean beforeFirstSync() {
            return cut.counters().syncs() == 0;
        }
    }

    @Test
    void syncedCommitsSurviveEveryCut() throws Exception {
        List<Outcome> outcomes = runSeeds(true);
        report("CHECKPOINT SYNC after each commit", outcomes);
        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.lost()).as("seed %d: acknowledged rows lost (%s)", o.seed(), o.cut()).isZero();
            if (!o.beforeFirstSync()) {
                assertThat(o.openFailure()).as("seed %d: the database opens (%s)", o.seed(), o.cut()).isNull();
            }
        });
    }

    @Test
    void unsyncedCommitsCanBeLost() throws Exception {
        List<Outcome> outcomes = runSeeds(false);
        report("commit only, no sync", outcomes);
        assertThat(outcomes).hasSize(SEEDS);
    }

    /**
     * A clean close does not leave everything on the disk: after a close that compacts the file (most rows
     * deleted), H2 leaves its last two writes unsynced. Nothing committed depends on them, but a file H2 has
     * just closed is not yet all on the disk, so the store syncs a database it renames into place after
     * opening it (a restore's staged copy, {@code BackupService.swapIn}).
     */
    @Test
    void aCloseLeavesItsLastWritesUnsynced() throws Exception {
        try (PowerCutFileSystem fs = PowerCutFileSystem.mount(tmp.resolve("close"), 1)) {
            try (Connection c = DriverManager.getConnection("jdbc:h2:" + fs.h2Path("db") + SETTINGS, "sa", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR)");
                for (int id = 0; id < 300; id++) {
                    s.execute("INSERT INTO t VALUES (" + id + ", '" + PAYLOAD + "')");
                    s.execute("CHECKPOINT SYNC");
                }
                s.execute("DELETE FROM t WHERE id < 250");
                s.execute("CHECKPOINT SYNC");
            }
            PowerCutFileSystem.CutReport cut = fs.cut(CutPolicy.DROP);
            System.out.printf("after a clean close: %s%n", cut);
            assertThat(cut.pendingOps()).isPositive();
        }
    }

    /** The other way back: power on again and reopen through the scheme, under the same name. */
    @Test
    void reopensThroughTheSchemeAfterARestart() throws Exception {
        for (long seed = 1; seed <= 10; seed++) {
            try (PowerCutFileSystem fs = PowerCutFileSystem.mount(tmp.resolve("restart-" + seed), seed)) {
                // Past the database's creation and first sync: see H2CreationPowerCutReproTest for before it.
                fs.cutAfterWrites(7 + new Random(seed).nextInt(60));
                int acknowledged = workload(fs, true);
                if (!fs.isCut()) {
                    fs.cut();
                }
                fs.restart();
                Set<Integer> ids = readIds("jdbc:h2:" + fs.h2Path("db") + SETTINGS);
                for (int id = 1; id <= acknowledged; id++) {
                    assertThat(ids).as("seed %d, %s", seed, fs.cuts().get(0)).contains(id);
                }
            }
        }
    }

    private List<Outcome> runSeeds(boolean sync) throws Exception {
        long totalWrites = dryRun(sync);
        List<Outcome> outcomes = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            long cutAt = 1 + new Random(seed).nextInt((int) totalWrites);
            outcomes.add(runOnce(seed, sync, cutAt));
        }
        return outcomes;
    }

    /** How many writes the whole workload makes (closing the database included) when no cut comes. */
    private long dryRun(boolean sync) throws Exception {
        try (PowerCutFileSystem fs = PowerCutFileSystem.mount(tmp.resolve("dry-" + sync), 0)) {
            assertThat(workload(fs, sync)).isEqualTo(ROWS);
            System.out.printf("without a cut (sync %s): %s%n", sync, fs.counters());
            return fs.counters().writes();
        }
    }

    private Outcome runOnce(long seed, boolean sync, long cutAt) throws Exception {
        Path disk = tmp.resolve("disk-" + sync + "-" + seed);
        PowerCutFileSystem.CutReport cut;
        int acknowledged;
        try (PowerCutFileSystem fs = PowerCutFileSystem.mount(tmp.resolve("live-" + sync + "-" + seed), seed)) {
            fs.cutAfterWrites(cutAt);
            acknowledged = workload(fs, sync);
            if (!fs.isCut()) {
                fs.cut();
            }
            cut = fs.cuts().get(0);
            fs.materialize(disk);
        }
        try {
            Set<Integer> ids = readIds("jdbc:h2:file:" + disk.resolve("db"));
            int lost = 0;
            for (int id = 1; id <= acknowledged; id++) {
                lost += ids.contains(id) ? 0 : 1;
            }
            return new Outcome(seed, cutAt, acknowledged, ids.size(), lost, null, cut);
        } catch (SQLException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return new Outcome(seed, cutAt, acknowledged, 0, 0, e + (root == e ? "" : " <- " + root), cut);
        }
    }

    /** The ids in table t; a database without the table (its creation was lost) has none. */
    private static Set<Integer> readIds(String url) throws SQLException {
        Set<Integer> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS t(id INT PRIMARY KEY, v VARCHAR)");
            try (ResultSet rs = s.executeQuery("SELECT id FROM t")) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
        }
        return ids;
    }

    /** Creates the database and inserts rows one commit each until the power fails; returns the acknowledged. */
    private static int workload(PowerCutFileSystem fs, boolean sync) {
        int acknowledged = 0;
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:h2:" + fs.h2Path("db") + SETTINGS, "sa", "");
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)");
                 Statement s = c.createStatement()) {
                for (int id = 1; id <= ROWS; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, PAYLOAD);
                    insert.executeUpdate();
                    c.commit();
                    if (sync) {
                        s.execute("CHECKPOINT SYNC");
                    }
                    acknowledged = id;
                }
            }
        } catch (SQLException e) {
            if (!fs.isCut()) {
                throw new AssertionError("failed without a power cut", e);
            }
        } finally {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // the power is off
                }
            }
        }
        return acknowledged;
    }

    private static void report(String title, List<Outcome> outcomes) {
        Map<CutPolicy, Integer> policies = new EnumMap<>(CutPolicy.class);
        int acknowledged = 0;
        int lost = 0;
        int seedsLosing = 0;
        List<Long> openFailures = new ArrayList<>();
        List<Long> openFailuresAfterASync = new ArrayList<>();
        for (Outcome o : outcomes) {
            policies.merge(o.cut().policy(), 1, Integer::sum);
            acknowledged += o.acknowledged();
            lost += o.lost();
            seedsLosing += o.lost() > 0 ? 1 : 0;
            if (o.openFailure() != null) {
                openFailures.add(o.seed());
                if (!o.beforeFirstSync()) {
                    openFailuresAfterASync.add(o.seed());
                }
            }
            System.out.printf("seed %d: cut at write %d after %d syncs (%s: %s), acknowledged %d, present %d,"
                            + " lost %d%s%n", o.seed(), o.cutAtWrite(), o.cut().counters().syncs(), o.cut().policy(),
                    o.cut().detail(), o.acknowledged(), o.present(), o.lost(),
                    o.openFailure() == null ? "" : ", DOES NOT OPEN: " + o.openFailure());
        }
        System.out.printf("%s: %d seeds, %d cuts, %d rows acknowledged, %d lost (in %d seeds); does not open: %s"
                        + " (of which after a sync: %s); policies %s%n", title, outcomes.size(), outcomes.size(),
                acknowledged, lost, seedsLosing, openFailures, openFailuresAfterASync, policies);
    }
}
