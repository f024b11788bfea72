package io.cardshark.worlds.bench;

import io.cardshark.worlds.Durability;
import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.WorldStore;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The stores the benchmarks work on, shared by every benchmark class: each trial opens its own copy of a fixture
 * ({@link Fixtures}) and deletes it afterwards. JMH runs the {@code @Setup} and {@code @TearDown} of a state's
 * superclass, so a state only says which fixture and which durability level it wants.
 */
public final class Stores {

    /**
     * Warm-up iterations (of 2 s) for the writes on H2, this store's and bare H2's. The JIT needs about 25 s of
     * appends before the store's path reaches its steady speed (a chat's append: p50 348 µs after 2 × 2 s of
     * warm-up, 223 µs after 12 × 2 s, on 2026-12-05; bare H2 177 and 168 µs). SQLite's and the files' paths are
     * mostly native code and did not change with the longer warm-up (SQLite NORMAL 32.5 and 32.7 µs), so they
     * keep their classes' short one.
     */
    static final int H2_WARMUP_ITERATIONS = 10;

    private Stores() {
    }

    /** This store on a copy of a fixture. {@code n} counts the operations of the trial. */
    public abstract static class Ours {
        Path dir;
        WorldStore store;
        long n;

        abstract Path copy();

        Durability durability() {
            return Durability.PROCESS_CRASH;
        }

        int cacheSizeMb() {
            return StoreConfig.DEFAULT_CACHE_SIZE_MB;
        }

        boolean backgroundIndexing() {
            return true;
        }

        @Setup(Level.Trial)
        public void open() {
            dir = copy();
            store = Fixtures.open(dir, durability(), cacheSizeMb(), backgroundIndexing());
        }

        @TearDown(Level.Trial)
        public void close() {
            store.close();
            Fixtures.delete(dir);
        }
    }

    /**
     * SQLite or bare H2 through plain JDBC ({@link JdbcWorlds}) on a copy of a fixture. {@code n} counts the
     * operations of the trial.
     */
    public abstract static class Plain {
        Path dir;
        JdbcWorlds db;
        long n;

        abstract Path copy();

        abstract JdbcWorlds.Engine engine();

        @Setup(Level.Trial)
        public void open() throws SQLException {
            dir = copy();
            db = JdbcWorlds.open(dir, engine());
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            db.close();
            Fixtures.delete(dir);
        }
    }

    /** One world of 1,000, 10,000 or 100,000 locations in this store. */
    @State(Scope.Benchmark)
    public static class OursWorld extends Ours {
        @Param({"1000", "10000", "100000"})
        public int locations;

        @Override
        Path copy() {
            return Fixtures.copyH2World(locations);
        }
    }

    /**
     * The world of 100,000 locations with a page cache that holds the store's file (256 MB of heap, against the
     * default 16 MB): what point reads cost when no page must be read and decoded again.
     */
    @State(Scope.Benchmark)
    public static class OursWorldCached extends Ours {
        static final int LOCATIONS = 100_000;

        @Override
        Path copy() {
            return Fixtures.copyH2World(LOCATIONS);
        }

        @Override
        int cacheSizeMb() {
            return 256;
        }
    }

    /** The same world in SQLite, at NORMAL and at FULL. */
    @State(Scope.Benchmark)
    public static class SqliteWorld extends Plain {
        @Param({"1000", "10000", "100000"})
        public int locations;
        @Param({"NORMAL", "FULL"})
        public String sync;

        @Override
        Path copy() {
            return Fixtures.copyPlainWorld(engine(), locations);
        }

        @Override
        JdbcWorlds.Engine engine() {
            return JdbcWorlds.Engine.valueOf("SQLITE_" + sync);
        }
    }

    /** The same world as a CardShark folder: {@code world} saves it the way CardShark did. */
    @State(Scope.Benchmark)
    public static class FileWorld {
        @Param({"1000", "10000", "100000"})
        public int locations;
        Path dir;
        FileApproach.WorldStateFile world;
        long n;

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Fixtures.copyFileWorld(locations);
            world = new FileApproach.WorldStateFile(dir.resolve(Fixtures.WORLD));
        }

        @TearDown(Level.Trial)
        public void close() {
            Fixtures.delete(dir);
        }
    }

    /**
     * One chat of 1,000 or 1,000,000 messages in this store; {@code n} starts at the chat's size. The search
     * indexer's CPU time beside the appends of the measurement iterations goes to {@link IndexerCpu}'s file.
     */
    @State(Scope.Benchmark)
    public static class OursChat extends Ours {
        @Param({"1000", "1000000"})
        public int messages;
        private final IndexerCpu cpu = new IndexerCpu();

        @Override
        Path copy() {
            n = messages;
            return Fixtures.copyH2Chat(messages);
        }

        @Setup(Level.Iteration)
        public void iterationStarts(IterationParams iteration) {
            if (iteration.getType() == IterationType.MEASUREMENT) {
                cpu.start(n);
            }
        }

        @TearDown(Level.Iteration)
        public void iterationEnds(IterationParams iteration, BenchmarkParams trial) {
            if (iteration.getType() == IterationType.MEASUREMENT) {
                cpu.stop(n);
                // JMH does not say which iteration is the last: each adds the totals so far, the last line counts.
                cpu.report(trial.getBenchmark().replaceAll("^.*\\.(\\w+\\.\\w+)$", "$1"), Integer.toString(messages));
            }
        }
    }

    /**
     * {@link OursChat} opened with {@code backgroundIndexing(false)}: the appends' messages stay pending, as an
     * application that bulk-writes and then calls {@code updateSearchIndex()} has them.
     */
    @State(Scope.Benchmark)
    public static class OursChatOnDemand extends OursChat {
        @Override
        boolean backgroundIndexing() {
            return false;
        }
    }

    /** The same chat in SQLite, at NORMAL and at FULL; {@code n} starts at the chat's size. */
    @State(Scope.Benchmark)
    public static class SqliteChat extends Plain {
        @Param({"1000", "1000000"})
        public int messages;
        @Param({"NORMAL", "FULL"})
        public String sync;

        @Override
        Path copy() {
            n = messages;
            return Fixtures.copyPlainChat(engine(), messages);
        }

        @Override
        JdbcWorlds.Engine engine() {
            return JdbcWorlds.Engine.valueOf("SQLITE_" + sync);
        }
    }

    /** The same world in bare H2 at the default level (the floor of {@link OursWorld}). */
    @State(Scope.Benchmark)
    public static class BareH2World extends Plain {
        @Param({"1000", "10000", "100000"})
        public int locations;

        @Override
        Path copy() {
            return Fixtures.copyPlainWorld(engine(), locations);
        }

        @Override
        JdbcWorlds.Engine engine() {
            return JdbcWorlds.Engine.H2;
        }
    }

    /** The same chat in bare H2 at the default level; {@code n} starts at the chat's size. */
    @State(Scope.Benchmark)
    public static class BareH2Chat extends Plain {
        @Param({"1000", "1000000"})
        public int messages;

        @Override
        Path copy() {
            n = messages;
            return Fixtures.copyPlainChat(engine(), messages);
        }

        @Override
        JdbcWorlds.Engine engine() {
            return JdbcWorlds.Engine.H2;
        }
    }

    /** A world of 10,000 locations in bare H2, every commit forced to disk (the floor of {@link PowerLossWorld}). */
    @State(Scope.Benchmark)
    public static class BareH2SyncWorld extends Plain {
        @Param({"10000"})
        public int locations;

        @Override
        Path copy() {
            return Fixtures.copyPlainWorld(engine(), locations);
        }

        @Override
        JdbcWorlds.Engine engine() {
            return JdbcWorlds.Engine.H2_SYNC;
        }
    }

    /** A chat of 1,000 messages in bare H2, every commit forced to disk (the floor of {@link PowerLossChat}). */
    @State(Scope.Benchmark)
    public static class BareH2SyncChat extends Plain {
        @Param({"1000"})
        public int messages;

        @Override
        Path copy() {
            n = messages;
            return Fixtures.copyPlainChat(engine(), messages);
        }

        @Override
        JdbcWorlds.Engine engine() {
            return JdbcWorlds.Engine.H2_SYNC;
        }
    }

    /** A world of 10,000 locations at the power-loss level. */
    @State(Scope.Benchmark)
    public static class PowerLossWorld extends Ours {
        @Param({"10000"})
        public int locations;

        @Override
        Path copy() {
            return Fixtures.copyH2World(locations);
        }

        @Override
        Durability durability() {
            return Durability.POWER_LOSS;
        }
    }

    /** A chat of 1,000 messages at the power-loss level; {@code n} starts at the chat's size. */
    @State(Scope.Benchmark)
    public static class PowerLossChat extends Ours {
        @Param({"1000"})
        public int messages;

        @Override
        Path copy() {
            n = messages;
            return Fixtures.copyH2Chat(messages);
        }

        @Override
        Durability durability() {
            return Durability.POWER_LOSS;
        }
    }
}
