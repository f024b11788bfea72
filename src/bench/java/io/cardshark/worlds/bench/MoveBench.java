package io.cardshark.worlds.bench;

import io.cardshark.worlds.Coordinates;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * Workload 1: move the player one step, committed at the default durability level (position and visit history in
 * one transaction), in a world of 1,000, 10,000 and 100,000 locations: this store's {@code players().move}, the
 * file approach (the whole world_state.json saved per move), SQLite NORMAL and FULL, and bare H2.
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

    @Benchmark
    @Warmup(iterations = Stores.H2_WARMUP_ITERATIONS, time = 2)
    public void ours(Stores.OursWorld s) {
        s.store.players().move(Fixtures.WORLD, step(++s.n, s.locations));
    }

    @Benchmark
    public void fileApproach(Stores.FileWorld s) throws IOException {
        s.world.move(step(++s.n, s.locations).key());
    }

    @Benchmark
    public void sqlite(Stores.SqliteWorld s) throws SQLException {
        Coordinates c = step(++s.n, s.locations);
        s.db.move(Fixtures.WORLD, c.x(), c.y(), c.z());
    }

    @Benchmark
    @Warmup(iterations = Stores.H2_WARMUP_ITERATIONS, time = 2)
    public void bareH2(Stores.BareH2World s) throws SQLException {
        Coordinates c = step(++s.n, s.locations);
        s.db.move(Fixtures.WORLD, c.x(), c.y(), c.z());
    }
}
