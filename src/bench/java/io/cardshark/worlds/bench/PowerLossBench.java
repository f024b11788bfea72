package io.cardshark.worlds.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import io.cardshark.worlds.Coordinates;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * Workloads 1 and 2 at this store's power-loss level (every commit forced to disk), to set beside SQLite FULL:
 * a move in a world of 10,000 locations, one message appended to a chat of 1,000; and bare H2 doing the same rows
 * with each commit forced to disk.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PowerLossBench {

    @Benchmark
    @Warmup(iterations = Stores.H2_WARMUP_ITERATIONS, time = 2)
    public void move(Stores.PowerLossWorld s) {
        s.store.players().move(Fixtures.WORLD, MoveBench.step(++s.n, s.locations));
    }

    @Benchmark
    @Warmup(iterations = Stores.H2_WARMUP_ITERATIONS, time = 2)
    public Object appendOne(Stores.PowerLossChat s) {
        long m = s.n++;
        return s.store.chats().append(Fixtures.WORLD, Fixtures.CHAT,
                AppendBench.newMessage(m));
    }

    @Benchmark
    @Warmup(iterations = Stores.H2_WARMUP_ITERATIONS, time = 2)
    public void moveBareH2(Stores.BareH2SyncWorld s) throws SQLException {
        Coordinates c = MoveBench.step(++s.n, s.locations);
        s.db.move(Fixtures.WORLD, c.x(), c.y(), c.z());
    }

    @Benchmark
    @Warmup(iterations = Stores.H2_WARMUP_ITERATIONS, time = 2)
    public void appendOneBareH2(Stores.BareH2SyncChat s) throws SQLException {
        s.db.append(Fixtures.WORLD, Fixtures.CHAT, s.n++, 1);
    }
}
