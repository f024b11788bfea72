package io.cardshark.worlds.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * Workload 6: 8 threads, each appending chat messages durably (default level) to its own world of 8: total
 * messages per second, this store against SQLite NORMAL (and FULL) and bare H2, each thread with its own connection.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(8)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ConcurrentAppendBench {

    static final int WORLDS = 8;

    @State(Scope.Benchmark)
    public static class Ours extends Stores.Ours {
        @Override
        Path copy() {
            return Fixtures.copyH2Worlds(WORLDS, 10);
        }
    }

    /** The database and one connection per writer, opened one after the other before the threads start. */
    public abstract static class Plain {
        Path dir;
        final JdbcWorlds[] connections = new JdbcWorlds[WORLDS];

        abstract JdbcWorlds.Engine engine();

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            dir = Fixtures.copyPlainWorlds(engine(), WORLDS, 10);
            for (int i = 0; i < WORLDS; i++) {
                connections[i] = JdbcWorlds.open(dir, engine());
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            for (JdbcWorlds c : connections) {
                c.close();
            }
            Fixtures.delete(dir);
        }
    }

    @State(Scope.Benchmark)
    public static class Sqlite extends Plain {
        @Param({"NORMAL", "FULL"})
        public String sync;

        @Override
        JdbcWorlds.Engine engine() {
            return JdbcWorlds.Engine.valueOf("SQLITE_" + sync);
        }
    }

    /** Bare H2 at the default level: eight connections to one database, each writer on its own world. */
    @State(Scope.Benchmark)
    public static class BareH2 extends Plain {
        @Override
        JdbcWorlds.Engine engine() {
            return JdbcWorlds.Engine.H2;
        }
    }

    /** One writer: its world (and SQLite connection) and its message counter. */
    @State(Scope.Thread)
    public static class Writer {
        int index;
        String world;
        long next;

        @Setup(Level.Trial)
        public void setUp(ThreadParams thread) {
            index = thread.getThreadIndex() % WORLDS;
            world = Fixtures.worldId(index);
        }
    }

    @Benchmark
    @Warmup(iterations = Stores.H2_WARMUP_ITERATIONS, time = 2)
    public Object ours(Ours s, Writer w) {
        long m = w.next++;
        return s.store.chats().append(w.world, Fixtures.CHAT,
                AppendBench.newMessage(m));
    }

    @Benchmark
    public void sqlite(Sqlite s, Writer w) throws SQLException {
        s.connections[w.index].append(w.world, Fixtures.CHAT, w.next++, 1);
    }

    @Benchmark
    @Warmup(iterations = Stores.H2_WARMUP_ITERATIONS, time = 2)
    public void bareH2(BareH2 s, Writer w) throws SQLException {
        s.connections[w.index].append(w.world, Fixtures.CHAT, w.next++, 1);
    }
}
