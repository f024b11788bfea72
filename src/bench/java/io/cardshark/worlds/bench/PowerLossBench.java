package io.cardshark.worlds.bench;

import io.cardshark.worlds.Durability;
import io.cardshark.worlds.NewMessage;
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

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Workloads 1 and 2 at this store's power-loss level (every commit forced to disk), to set beside SQLite FULL:
 * a move in a world of 10,000 locations, one message appended to a chat of 1,000.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PowerLossBench {

    @State(Scope.Benchmark)
    public static class World {
        @Param({"10000"})
        public int locations;
        Path dir;
        WorldStore store;
        long n;

        @Setup(Level.Trial)
        public void setUp() {
            dir = Fixtures.copyH2World(locations);
            store = Fixtures.open(dir, Durability.POWER_LOSS);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            store.close();
            Fixtures.delete(dir);
        }
    }

    @State(Scope.Benchmark)
    public static class Chat {
        @Param({"1000"})
        public int messages;
        Path dir;
        WorldStore store;
        long next;

        @Setup(Level.Trial)
        public void setUp() {
            dir = Fixtures.copyH2Chat(messages);
            store = Fixtures.open(dir, Durability.POWER_LOSS);
            next = messages;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            store.close();
            Fixtures.delete(dir);
        }
    }

    @Benchmark
    public void move(World s) {
        s.store.players().move(Fixtures.WORLD, MoveBench.step(++s.n, s.locations));
    }

    @Benchmark
    public Object appendOne(Chat s) {
        long m = s.next++;
        return s.store.chats().append(Fixtures.WORLD, Fixtures.CHAT,
                new NewMessage("msg_" + m, BenchWorlds.role(m), BenchWorlds.content(m), BenchWorlds.T0 + m));
    }
}
