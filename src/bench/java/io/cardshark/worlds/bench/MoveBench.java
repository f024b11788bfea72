package io.cardshark.worlds.bench;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Durability;
import io.cardshark.worlds.WorldStore;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * Workload 1: move the player one step, committed at the default durability level (position and visit history in
 * one transaction), in a world of 1,000, 10,000 and 100,000 locations: this store's {@code players().move}, the
 * file approach (the whole world_state.json saved per move) and SQLite NORMAL and FULL.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class MoveBench {

    /** The walk: one step at a time along the rows of the grid, wrapping at the end. */
    static Coordinates step(long n, int locations) {
        return BenchWorlds.coordinates((int) (n % locations), BenchWorlds.side(locations));
    }

    @State(Scope.Benchmark)
    public static class Ours {
        @Param({"1000", "10000", "100000"})
        public int locations;
        Path dir;
        WorldStore store;
        long n;

        @Setup(Level.Trial)
        public void setUp() {
            dir = Fixtures.copyH2World(locations);
            store = Fixtures.open(dir, Durability.PROCESS_CRASH);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            store.close();
            Fixtures.delete(dir);
        }
    }

    @State(Scope.Benchmark)
    public static class FileWorld {
        @Param({"1000", "10000", "100000"})
        public int locations;
        Path dir;
        FileApproach.WorldStateFile world;
        long n;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            dir = Fixtures.copyFileWorld(locations);
            world = new FileApproach.WorldStateFile(dir.resolve(Fixtures.WORLD));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Fixtures.delete(dir);
        }
    }

    @State(Scope.Benchmark)
    public static class Sqlite {
        @Param({"1000", "10000", "100000"})
        public int locations;
        @Param({"NORMAL", "FULL"})
        public String sync;
        Path dir;
        SqliteWorlds db;
        long n;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            dir = Fixtures.copySqliteWorld(locations);
            db = SqliteWorlds.open(dir.resolve("worlds.sqlite"), sync);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            db.close();
            Fixtures.delete(dir);
        }
    }

    @Benchmark
    public void ours(Ours s) {
        s.store.players().move(Fixtures.WORLD, step(++s.n, s.locations));
    }

    @Benchmark
    public void fileApproach(FileWorld s) throws IOException {
        s.world.move(step(++s.n, s.locations).key());
    }

    @Benchmark
    public void sqlite(Sqlite s) throws SQLException {
        Coordinates c = step(++s.n, s.locations);
        s.db.move(Fixtures.WORLD, c.x(), c.y(), c.z());
    }
}
