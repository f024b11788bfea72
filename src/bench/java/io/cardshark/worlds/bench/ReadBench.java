package io.cardshark.worlds.bench;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Location;
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
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Workload 3, point reads in one world of 1,000, 10,000 and 100,000 locations: a location (with its exits, NPCs and
 * events) by coordinates ({@code locations().at}) and by id ({@code locations().find}), at random places, against
 * the same reads in SQLite (WAL; synchronous does not touch reads) and, as the floor, in bare H2.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class ReadBench {

    /** Random location indexes, the same sequence for every approach. */
    static int[] targets(int locations) {
        SplittableRandom random = new SplittableRandom(42);
        int[] out = new int[1 << 14];
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextInt(locations);
        }
        return out;
    }

    /** Random location indexes in a world of {@code locations}, handed out in turn. */
    abstract static class Places {
        int[] targets;
        int side;
        int n;

        void of(int locations) {
            targets = targets(locations);
            side = BenchWorlds.side(locations);
        }

        int next() {
            return targets[n++ & (targets.length - 1)];
        }
    }

    /** Where the reads go: random location indexes, the same sequence for every approach. */
    @State(Scope.Benchmark)
    public static class Targets extends Places {
        @Param({"1000", "10000", "100000"})
        public int locations;

        @Setup(Level.Trial)
        public void setUp() {
            of(locations);
        }
    }

    /** {@link Targets} in the world of {@link Stores.OursWorldCached}. */
    @State(Scope.Benchmark)
    public static class CachedTargets extends Places {
        @Setup(Level.Trial)
        public void setUp() {
            of(Stores.OursWorldCached.LOCATIONS);
        }
    }

    /** SQLite's world; reads do not depend on the synchronous level, so NORMAL only. */
    @State(Scope.Benchmark)
    public static class Sqlite extends Stores.Plain {
        @Param({"1000", "10000", "100000"})
        public int locations;

        @Override
        Path copy() {
            return Fixtures.copyPlainWorld(engine(), locations);
        }

        @Override
        JdbcWorlds.Engine engine() {
            return JdbcWorlds.Engine.SQLITE_NORMAL;
        }
    }

    @Benchmark
    public Location atOurs(Stores.OursWorld s, Targets t) {
        return at(s, t);
    }

    private static Location at(Stores.Ours s, Places t) {
        Optional<Location> found = s.store.locations().at(Fixtures.WORLD, BenchWorlds.coordinates(t.next(), t.side));
        return found.orElseThrow();
    }

    /**
     * {@link #atOurs} at 100,000 locations with a page cache that holds the store (256 MB, against the default
     * 16 MB), the same places in the same order.
     */
    @Benchmark
    public Location atOursCached(Stores.OursWorldCached s, CachedTargets t) {
        return at(s, t);
    }

    @Benchmark
    public Object atSqlite(Sqlite s, Targets t) throws SQLException {
        Coordinates c = BenchWorlds.coordinates(t.next(), t.side);
        return java.util.Objects.requireNonNull(s.db.at(Fixtures.WORLD, c.x(), c.y(), c.z()));
    }

    /** The floor: SQLite's statements on bare H2 (the store's settings, plain JDBC). */
    @Benchmark
    public Object atBareH2(Stores.BareH2World s, Targets t) throws SQLException {
        Coordinates c = BenchWorlds.coordinates(t.next(), t.side);
        return java.util.Objects.requireNonNull(s.db.at(Fixtures.WORLD, c.x(), c.y(), c.z()));
    }

    @Benchmark
    public Location byIdOurs(Stores.OursWorld s, Targets t) {
        return s.store.locations().find(Fixtures.WORLD, BenchWorlds.locationId(t.next())).orElseThrow();
    }

    @Benchmark
    public Object byIdSqlite(Sqlite s, Targets t) throws SQLException {
        return java.util.Objects.requireNonNull(s.db.byId(Fixtures.WORLD, BenchWorlds.locationId(t.next())));
    }
}
