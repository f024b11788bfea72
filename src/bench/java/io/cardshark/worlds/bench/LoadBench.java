package io.cardshark.worlds.bench;

import io.cardshark.worlds.Location;
import io.cardshark.worlds.PlayerState;
import io.cardshark.worlds.Visit;
import io.cardshark.worlds.World;
import io.cardshark.worlds.internal.json.Json;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Workload 4: load a whole world of 1,000, 10,000 and 100,000 locations. This store: the world, every location with
 * its exits, NPCs and events, the player and the visit history, in one read transaction. The file approach: parse
 * world_state.json.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class LoadBench {

    /** A whole world as the API gives it. */
    public record Loaded(World world, List<Location> locations, PlayerState player, List<Visit> visits) {
    }

    @Benchmark
    public Loaded ours(Stores.OursWorld s) {
        Loaded loaded = s.store.inTransaction(tx -> new Loaded(tx.worlds().get(Fixtures.WORLD),
                tx.locations().list(Fixtures.WORLD), tx.players().state(Fixtures.WORLD), tx.players().visits(Fixtures.WORLD)));
        if (loaded.locations().size() != s.locations) {
            throw new IllegalStateException("loaded " + loaded.locations().size());
        }
        return loaded;
    }

    @Benchmark
    public Json fileApproach(Stores.FileWorld s) throws IOException {
        return FileApproach.load(s.dir.resolve(Fixtures.WORLD));
    }
}
