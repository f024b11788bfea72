package io.cardshark.worlds.bench;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Durability;
import io.cardshark.worlds.WorldStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a write costs the disk: the bytes this process hands to the operating system per operation (Linux's
 * {@code /proc/self/io} {@code wchar}, every thread of the process, H2's background work included) and the write
 * calls it makes, for this store, bare H2 and SQLite doing the same operations at the same level. A commit's cost
 * on H2 is mostly the chunk it writes (every changed page from leaf to root, plus the chunk's header and the
 * store's layout), so these figures say how much of a write's time is the engine's and how much is ours.
 *
 * <p>Runs in the benchmark's own JVM after the JMH forks, when nothing else in it writes; the warm-up operations
 * are not counted. Not a JMH benchmark: JMH's counters do not work with its sample-time mode.
 */
final class DiskBytes {

    /** Operations counted per figure, after {@link #WARMUP} not counted. */
    static final int OPERATIONS = 2_000;
    static final int WARMUP = 200;

    /** One figure: per operation, the bytes written and the write calls made. */
    record Figure(String workload, String level, String engine, double bytesPerOp, double writeCallsPerOp) {
    }

    /** One thing that writes, opened on a fresh copy of its fixture and closed (and deleted) afterwards. */
    private interface Subject extends AutoCloseable {
        void operate(long n) throws Exception;
    }

    private DiskBytes() {
    }

    /** Every figure: appends and moves, at the default and at the power-loss level, for the three engines. */
    static List<Figure> measureAll() throws Exception {
        List<Figure> out = new ArrayList<>();
        for (boolean powerLoss : new boolean[] {false, true}) {
            String level = powerLoss ? "power loss" : "process crash";
            Durability durability = powerLoss ? Durability.POWER_LOSS : Durability.PROCESS_CRASH;
            JdbcWorlds.Engine h2 = powerLoss ? JdbcWorlds.Engine.H2_SYNC : JdbcWorlds.Engine.H2;
            JdbcWorlds.Engine sqlite = powerLoss ? JdbcWorlds.Engine.SQLITE_FULL : JdbcWorlds.Engine.SQLITE_NORMAL;
            out.add(measure("append 1 message", level, "ours", ours(Fixtures.copyH2Chat(1000), durability, true)));
            out.add(measure("append 1 message", level, "bare H2", plain(Fixtures.copyPlainChat(h2, 1000), h2, true)));
            out.add(measure("append 1 message", level, "SQLite", plain(Fixtures.copyPlainChat(sqlite, 1000), sqlite, true)));
            out.add(measure("move one step", level, "ours", ours(Fixtures.copyH2World(10_000), durability, false)));
            out.add(measure("move one step", level, "bare H2", plain(Fixtures.copyPlainWorld(h2, 10_000), h2, false)));
            out.add(measure("move one step", level, "SQLite", plain(Fixtures.copyPlainWorld(sqlite, 10_000), sqlite, false)));
        }
        return out;
    }

    private static Figure measure(String workload, String level, String engine, Subject subject) throws Exception {
        try (subject) {
            long n = 0;
            for (; n < WARMUP; n++) {
                subject.operate(n);
            }
            long[] before = counters();
            for (; n < WARMUP + OPERATIONS; n++) {
                subject.operate(n);
            }
            long[] after = counters();
            return new Figure(workload, level, engine, (after[0] - before[0]) / (double) OPERATIONS,
                    (after[1] - before[1]) / (double) OPERATIONS);
        }
    }

    private static Subject ours(Path dir, Durability durability, boolean append) {
        WorldStore store = Fixtures.open(dir, durability);
        return new Subject() {
            @Override
            public void operate(long n) {
                if (append) {
                    long m = 1000 + n;
                    store.chats().append(Fixtures.WORLD, Fixtures.CHAT,
                            AppendBench.newMessage(m));
                } else {
                    store.players().move(Fixtures.WORLD, MoveBench.step(n + 1, 10_000));
                }
            }

            @Override
            public void close() {
                store.close();
                Fixtures.delete(dir);
            }
        };
    }

    private static Subject plain(Path dir, JdbcWorlds.Engine engine, boolean append) throws SQLException {
        JdbcWorlds db = JdbcWorlds.open(dir, engine);
        return new Subject() {
            @Override
            public void operate(long n) throws SQLException {
                if (append) {
                    db.append(Fixtures.WORLD, Fixtures.CHAT, 1000 + n, 1);
                } else {
                    Coordinates c = MoveBench.step(n + 1, 10_000);
                    db.move(Fixtures.WORLD, c.x(), c.y(), c.z());
                }
            }

            @Override
            public void close() throws SQLException {
                db.close();
                Fixtures.delete(dir);
            }
        };
    }

    /** This process's {@code wchar} (bytes passed to write calls) and {@code syscw} (write calls) so far. */
    private static long[] counters() {
        try {
            long wchar = -1;
            long syscw = -1;
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("wchar:")) {
                    wchar = Long.parseLong(line.substring(6).trim());
                } else if (line.startsWith("syscw:")) {
                    syscw = Long.parseLong(line.substring(6).trim());
                }
            }
            return new long[] {wchar, syscw};
        } catch (IOException e) {
            throw new UncheckedIOException("reading /proc/self/io (Linux only)", e);
        }
    }
}
