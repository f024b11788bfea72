package io.cardshark.worlds;

import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.backup.VerifyReport;
import io.cardshark.worlds.testing.ChildJvm;
import io.cardshark.worlds.testing.SoakWorkload;
import io.cardshark.worlds.testing.SoakWriter;
import io.cardshark.worlds.testing.StoreSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restart soak: cycle after cycle a child JVM opens the store, commits a batch of transactions
 * ({@link SoakWorkload}: chat appends, moves, location puts, world creates and deletes) printing each commit,
 * then either closes the store and exits or is SIGKILLed at a random moment (about half the cycles). The
 * parent then reopens the store in this JVM and checks it against a model of the acknowledged transactions:
 * after a clean close exactly those, after a kill those plus at most the one that was in flight. It checks
 * every world, every chat's message count (the chat row's and the rows'), the last message of every chat,
 * every world's locations, visits and position, and runs {@code verify(QUICK)} (every 25th cycle and the
 * last, {@code FULL}).
 *
 * <p>File size: {@code worlds.mv.db} is measured after each child (after a kill: as the kill left it) and
 * after the parent's clean close. <em>Live data</em> is the size in UTF-8 bytes of H2's {@code SCRIPT} of the
 * store at that moment: the SQL text (DDL and one {@code INSERT} per row) that rebuilds every table, which is
 * larger than the raw values, so the ratio understates H2's overhead a little. The message documents alone
 * are reported too.
 *
 * <p>Cycles: {@code -Dcardshark.soak.cycles} (default {@value #DEFAULT_CYCLES}); the 200:
 * {@code mvn -B test -Dtest=RestartSoakTest -Dcardshark.soak.cycles=200}.
 */
class RestartSoakTest {

    static final int DEFAULT_CYCLES = 50;
    static final int CYCLES = Integer.getInteger("cardshark.soak.cycles", DEFAULT_CYCLES);

    /**
     * The bound on {@code worlds.mv.db} at every measurement: {@value #BOUND_FACTOR} times the live data plus 8 MB.
     * Measured on this machine, the file stays between about 1 and 3 times the live data when that is a few MB
     * or more, and up to about 16 times when it is a few hundred KB and H2's fixed overhead dominates: closing compacts
     * for at most 200 ms ({@code MAX_COMPACT_TIME}) by moving chunks to the end and truncating the front on a
     * later close, so the file at rest swings between once and twice its compacted size, and a session adds up to
     * about 40 KB per commit before freed chunks are reused (after H2's 45 s retention). World churn keeps the live
     * data level (0.5 to 3 MB) while the text written grows with every cycle (22 MB in 200 cycles). What the child
     * sessions appended to the file (its size after each child minus its size before, summed over the cycles where
     * it grew) came to 18 to 32 MB in 50 cycles and 204 MB in 200: a store that never reused space would be at
     * least that large, against a bound of 10 to 21 MB. So the check catches unbounded growth, and the slack keeps
     * a small store's fixed overhead and one uncompacted session from flaking it (the largest file seen so far was
     * 0.42 of its bound).
     */
    static final int BOUND_FACTOR = 4;
    static final long BOUND_SLACK = 8L << 20;

    @TempDir
    Path dir;

    record Sample(int cycle, boolean killed, long committed, long fileAfterChild, long fileAtRest, long live,
                  long documents) {
        double ratioAtRest() {
            return (double) fileAtRest / live;
        }

        double ratioAfterChild() {
            return (double) fileAfterChild / live;
        }
    }

    @Test
    void everyReopenSucceedsCountsStayExactAndTheFileStaysBounded() throws Exception {
        Path data = dir.resolve("store");
        Path dbFile = data.resolve("worlds.mv.db");
        long seed = Long.getLong("cardshark.seed", System.nanoTime());
        Random random = new Random(seed);
        SoakWorkload.Model model = new SoakWorkload.Model();
        List<Sample> samples = new ArrayList<>();
        int kills = 0;
        int closes = 0;
        int inFlightCommitted = 0;
        long started = System.nanoTime();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            boolean kill = cycle > 0 && random.nextBoolean();
            int batch = 20 + random.nextInt(21);
            long base = model.committed;
            long highest = -1;
            try (ChildJvm child = ChildJvm.start(SoakWriter.class, data.toString(), Long.toString(seed),
                    Integer.toString(batch), kill ? "hold" : "close")) {
                if (kill) {
                    killAtRandomMoment(child, random, batch);
                    kills++;
                } else {
                    int exit = child.waitFor(180);
                    assertThat(exit).as("clean child of cycle %d exits 0; it printed %s", cycle, child.output()).isZero();
                    assertThat(child.output()).as("cycle %d", cycle).contains("closed");
                    closes++;
                }
                for (String line : child.output()) {
                    if (line.startsWith("ready ")) {
                        assertThat(Long.parseLong(line.substring(6))).as("cycle %d resumes where the model is", cycle)
                                .isEqualTo(base);
                    } else if (line.startsWith("committed ")) {
                        highest = Math.max(highest, Long.parseLong(line.substring("committed ".length())));
                    }
                }
                if (!kill) {
                    assertThat(highest + 1).as("cycle %d committed its whole batch", cycle).isEqualTo(base + batch);
                }
            }
            long acknowledged = Math.max(base, highest + 1);
            long fileAfterChild = Files.size(dbFile);

            long present;
            long live;
            long documents;
            VerifyLevel level = cycle % 25 == 24 || cycle == CYCLES - 1 ? VerifyLevel.FULL : VerifyLevel.QUICK;
            WorldStore store;
            try {
                store = WorldStore.configure().dataDir(data).open();
            } catch (RuntimeException e) {
                throw new AssertionError("reopen failed after cycle " + cycle + " (" + (kill ? "kill" : "clean close")
                        + "), seed " + seed, e);
            }
            try (store) {
                present = ledgerCount(store);
                if (kill) {
                    assertThat(present).as("committed transactions after the kill of cycle %d (seed %d)", cycle, seed)
                            .isBetween(acknowledged, acknowledged + 1);
                } else {
                    assertThat(present).as("committed transactions after the close of cycle %d (seed %d)", cycle, seed)
                            .isEqualTo(acknowledged);
                }
                if (present > acknowledged) {
                    inFlightCommitted++;
                }
                model.advanceTo(seed, present);
                checkAgainstModel(store, model, seed, cycle);
                VerifyReport report = store.verify(level);
                assertThat(report.failures()).as("verify %s after cycle %d", level, cycle).isEmpty();
                live = scriptBytes(store);
                documents = documentBytes(store);
            }
            long fileAtRest = Files.size(dbFile);
            Sample s = new Sample(cycle, kill, present, fileAfterChild, fileAtRest, live, documents);
            samples.add(s);
            if (cycle % 10 == 9 || cycle == CYCLES - 1) {
                System.out.printf("soak cycle %d: %d transactions, file %.2f MB after child, %.2f MB at rest, live %.2f MB"
                                + " (ratio %.2f), %.1f s%n", cycle + 1, present, mb(fileAfterChild), mb(fileAtRest), mb(live),
                        s.ratioAtRest(), (System.nanoTime() - started) / 1e9);
            }
        }
        Sample last = samples.get(samples.size() - 1);
        double maxRatio = samples.stream().mapToDouble(s -> Math.max(s.ratioAtRest(), s.ratioAfterChild())).max().orElse(0);
        long maxFile = samples.stream().mapToLong(s -> Math.max(s.fileAtRest(), s.fileAfterChild())).max().orElse(0);
        long appended = 0;
        double worstOfBound = 0;
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            long before = i == 0 ? 0 : samples.get(i - 1).fileAtRest();
            appended += Math.max(0, s.fileAfterChild() - before);
            worstOfBound = Math.max(worstOfBound, Math.max(s.fileAtRest(), s.fileAfterChild())
                    / (double) (BOUND_FACTOR * s.live() + BOUND_SLACK));
        }
        writeSamples(samples);
        for (Sample s : samples) {
            long bound = BOUND_FACTOR * s.live() + BOUND_SLACK;
            assertThat(Math.max(s.fileAtRest(), s.fileAfterChild()))
                    .as("worlds.mv.db after cycle %d (%.2f MB after the child, %.2f MB at rest) against %d x %.2f MB live data"
                                    + " + %d MB (seed %d; every cycle in target/restart-soak.csv)", s.cycle(),
                            mb(s.fileAfterChild()), mb(s.fileAtRest()), BOUND_FACTOR, mb(s.live()), BOUND_SLACK / (1 << 20), seed)
                    .isLessThanOrEqualTo(bound);
        }
        System.out.printf("restart soak: %d cycles (%d clean closes, %d kills), 0 failed reopens, counts exact, "
                        + "file %.2f MB for %.2f MB live data (ratio %.2f, max ratio during the run %.2f)%n",
                CYCLES, closes, kills, mb(last.fileAtRest()), mb(last.live()), last.ratioAtRest(), maxRatio);
        System.out.printf("restart soak: seed %d, %d transactions, %d in-flight transactions found committed after kills,"
                        + " %d worlds created and %d deleted, %.2f MB of message text written, %.2f MB of message documents"
                        + " live, %.1f s%n",
                seed, model.committed, inFlightCommitted, model.worldsCreated, model.worldsDeleted,
                model.appendedChars / 1e6, mb(last.documents()), (System.nanoTime() - started) / 1e9);
        System.out.printf("restart soak: largest file %.2f MB (%.2f of its bound: file <= %d x live + %d MB at every cycle);"
                        + " mean file at rest %.2f MB in the second quarter of the run, %.2f MB in the last; the child sessions"
                        + " appended %.1f MB to the file in all, which a store that never reused space would hold%n",
                mb(maxFile), worstOfBound, BOUND_FACTOR, BOUND_SLACK / (1 << 20), mb(meanAtRest(samples, 1)),
                mb(meanAtRest(samples, 3)), mb(appended));
    }

    /**
     * Kills the child: mostly after a random number of its commits (0 = right after it opened, the whole batch =
     * while it holds the store idle) plus a few milliseconds, so the kill lands inside the next transaction;
     * sometimes after a random delay from its start, which may land while it opens and migrates the store.
     */
    private static void killAtRandomMoment(ChildJvm child, Random random, int batch) throws InterruptedException {
        if (random.nextInt(10) == 0) {
            Thread.sleep(200 + random.nextInt(1500));
            child.kill();
            return;
        }
        int after = random.nextInt(batch + 1);
        int commits = 0;
        boolean ready = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String line = child.nextLine(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith("ready ")) {
                ready = true;
            } else if (line.startsWith("committed ")) {
                commits++;
            } else if (line.startsWith("Exception") || line.contains("Exception:")) {
                throw new AssertionError("the writer failed: " + child.output());
            }
            if (ready && commits >= after) {
                int delay = random.nextInt(20);
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                child.kill();
                return;
            }
        }
        throw new AssertionError("the writer never reached commit " + after + "; it printed " + child.output());
    }

    private static long ledgerCount(WorldStore store) throws SQLException {
        try (Connection c = store.sqlConnection(false); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM CHAT_MESSAGE m JOIN CHAT c ON c.CHAT_KEY = m.CHAT_KEY"
                     + " JOIN WORLD w ON w.WORLD_KEY = c.WORLD_KEY"
                     + " WHERE w.ID = '" + SoakWorkload.LEDGER_WORLD + "'"
                     + " AND c.CHAT_ID = '" + SoakWorkload.LEDGER_CHAT + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void checkAgainstModel(WorldStore store, SoakWorkload.Model model, long seed, int cycle) throws SQLException {
        Map<String, Long> rowCounts = new TreeMap<>();
        Map<String, Long> chatRowCounts = new TreeMap<>();
        Map<String, Long> locations = new TreeMap<>();
        Map<String, Long> visits = new TreeMap<>();
        Map<String, String> positions = new TreeMap<>();
        try (Connection c = store.sqlConnection(false); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT w.ID, c.CHAT_ID, c.MESSAGE_COUNT,"
                    + " (SELECT COUNT(*) FROM CHAT_MESSAGE m WHERE m.CHAT_KEY = c.CHAT_KEY) FROM CHAT c"
                    + " JOIN WORLD w ON w.WORLD_KEY = c.WORLD_KEY")) {
                while (rs.next()) {
                    chatRowCounts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                    rowCounts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(4));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT ID, CURRENT_POSITION FROM WORLD")) {
                while (rs.next()) {
                    positions.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT w.ID, COUNT(*) FROM LOCATION l"
                    + " JOIN WORLD w ON w.WORLD_KEY = l.WORLD_KEY GROUP BY w.ID")) {
                while (rs.next()) {
                    locations.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT w.ID, COUNT(*) FROM VISIT v"
                    + " JOIN WORLD w ON w.WORLD_KEY = v.WORLD_KEY GROUP BY w.ID")) {
                while (rs.next()) {
                    visits.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        Map<String, Long> expectedChats = SoakWorkload.chatCounts(model);
        Map<String, Long> expectedLocations = new TreeMap<>();
        Map<String, Long> expectedVisits = new TreeMap<>();
        Map<String, String> expectedPositions = new TreeMap<>();
        model.worlds.forEach((id, w) -> {
            if (!w.locations.isEmpty()) {
                expectedLocations.put(id, (long) w.locations.size());
            }
            if (w.visits > 0) {
                expectedVisits.put(id, w.visits);
            }
            expectedPositions.put(id, w.position);
        });
        String after = "after cycle " + cycle + " (seed " + seed + ")";
        assertThat(positions).as("worlds and positions " + after).isEqualTo(expectedPositions);
        assertThat(chatRowCounts).as("chat message counts " + after).isEqualTo(expectedChats);
        assertThat(rowCounts).as("chat message rows " + after).isEqualTo(expectedChats);
        assertThat(locations).as("locations " + after).isEqualTo(expectedLocations);
        assertThat(visits).as("visits " + after).isEqualTo(expectedVisits);
        model.worlds.forEach((world, w) -> w.last.forEach((chat, last) -> {
            List<ChatMessage> page = store.chats().pageBackward(world, chat, Long.MAX_VALUE, 1).messages();
            assertThat(page).as("last message of %s/%s %s", world, chat, after).hasSize(1);
            boolean ledger = world.equals(SoakWorkload.LEDGER_WORLD);
            assertThat(page.get(0).id()).as("last message of %s/%s %s", world, chat, after)
                    .isEqualTo(ledger ? "t_" + last[0] : SoakWorkload.messageId(last[0], (int) last[1]));
            assertThat(page.get(0).content()).as("text of the last message of %s/%s %s", world, chat, after)
                    .isEqualTo(SoakWorkload.content(seed, last[0], (int) last[1], (int) last[2]));
        }));
    }

    /** The live data: the UTF-8 size of H2's {@code SCRIPT} (DDL plus an INSERT per row) of the whole store. */
    private static long scriptBytes(WorldStore store) throws SQLException {
        long bytes = 0;
        try (Connection c = io.cardshark.worlds.testing.AdminSql.connect(store); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SCRIPT")) {
            while (rs.next()) {
                bytes += rs.getString(1).getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        return bytes;
    }

    private static long documentBytes(WorldStore store) throws SQLException {
        return StoreSql.count(store, "SELECT SUM(OCTET_LENGTH(DOCUMENT)) FROM CHAT_MESSAGE");
    }

    private static void writeSamples(List<Sample> samples) throws java.io.IOException {
        StringBuilder b = new StringBuilder("cycle,killed,transactions,file_after_child,file_at_rest,live_script,documents\n");
        for (Sample s : samples) {
            b.append(s.cycle()).append(',').append(s.killed()).append(',').append(s.committed()).append(',')
                    .append(s.fileAfterChild()).append(',').append(s.fileAtRest()).append(',').append(s.live())
                    .append(',').append(s.documents()).append('\n');
        }
        Path out = Path.of("target", "restart-soak.csv");
        Files.createDirectories(out.getParent());
        Files.writeString(out, b);
    }

    /** The mean size at rest over quarter {@code q} (0..3) of the run. */
    private static long meanAtRest(List<Sample> samples, int q) {
        int from = samples.size() * q / 4;
        int to = Math.max(from + 1, samples.size() * (q + 1) / 4);
        return (long) samples.subList(from, Math.min(to, samples.size())).stream().mapToLong(Sample::fileAtRest).average().orElse(0);
    }

    private static double mb(long bytes) {
        return bytes / 1_048_576.0;
    }
}
