package io.cardshark.worlds.bench;

import io.cardshark.worlds.NpcAppearance;
import io.cardshark.worlds.WorldSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Workload 3 across worlds: 1,000 worlds of 10 locations (each with one NPC of 500, so an NPC appears in 20
 * locations of 20 worlds) and a chat each. Where an NPC appears across all worlds
 * ({@code locations().whereNpcAppears}), and the list of all worlds with their metadata and counts
 * ({@code worlds().list()}), against the same queries in SQLite.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class WorldsBench {

    static final int LOCATIONS = 10;

    @State(Scope.Benchmark)
    public static class Ours extends Stores.Ours {
        @Param({"1000"})
        public int worlds;

        @Override
        Path copy() {
            return Fixtures.copyH2Worlds(worlds, LOCATIONS);
        }
    }

    /** Reads do not depend on SQLite's synchronous level: NORMAL only. */
    @State(Scope.Benchmark)
    public static class Sqlite extends Stores.Plain {
        @Param({"1000"})
        public int worlds;

        @Override
        Path copy() {
            return Fixtures.copyPlainWorlds(engine(), worlds, LOCATIONS);
        }

        @Override
        JdbcWorlds.Engine engine() {
            return JdbcWorlds.Engine.SQLITE_NORMAL;
        }
    }

    static String npc(long n) {
        return "characters/npc_" + (n % 500) + ".png";
    }

    @Benchmark
    public List<NpcAppearance> npcOurs(Ours s) {
        List<NpcAppearance> found = s.store.locations().whereNpcAppears(npc(s.n++));
        if (found.size() != s.worlds * LOCATIONS / 500) {
            throw new IllegalStateException("found " + found.size());
        }
        return found;
    }

    @Benchmark
    public List<String[]> npcSqlite(Sqlite s) throws SQLException {
        List<String[]> found = s.db.whereNpcAppears(npc(s.n++));
        if (found.size() != s.worlds * LOCATIONS / 500) {
            throw new IllegalStateException("found " + found.size());
        }
        return found;
    }

    @Benchmark
    public List<WorldSummary> listOurs(Ours s) {
        List<WorldSummary> all = s.store.worlds().list();
        if (all.size() != s.worlds) {
            throw new IllegalStateException("listed " + all.size());
        }
        return all;
    }

    @Benchmark
    public List<JdbcWorlds.Summary> listSqlite(Sqlite s) throws SQLException {
        List<JdbcWorlds.Summary> all = s.db.listWorlds();
        if (all.size() != s.worlds) {
            throw new IllegalStateException("listed " + all.size());
        }
        return all;
    }
}
