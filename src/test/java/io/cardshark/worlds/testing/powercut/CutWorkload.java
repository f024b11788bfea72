package io.cardshark.worlds.testing.powercut;

import io.cardshark.worlds.Durability;
import io.cardshark.worlds.Retention;
import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.WorldSummary;
import io.cardshark.worlds.testing.CrashJournal.Op;
import io.cardshark.worlds.testing.CrashWorkload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The workload of the power-cut harness ({@code PowerCutHarnessTest}): the crash harness's operations that
 * change what H2 holds (chat appends, moves, events, file puts, creates, deletes, imports with replace; see
 * {@link CrashWorkload}), run in this JVM on a store whose database lives on a {@link PowerCutFileSystem},
 * one after the other until the power fails. Exports and backups are left out: they write outside H2, where
 * the power never fails in this harness ({@code DurableWritesTest} checks how they write).
 *
 * <p>Now and then ({@value #CYCLE_PERCENT}%) the store is closed and opened again ({@code cycle}): H2 compacts
 * the file as it closes, with more writes than anything else, so some cuts land there and in the open after it.
 */
public final class CutWorkload {

    /** The kinds of {@link CrashWorkload} operations the harness runs. */
    public static final Set<String> KINDS = Set.of("append", "move", "event", "file", "create", "delete", "import");
    /** The close-and-open operation; it changes no world, so the model never sees it. */
    public static final String CYCLE = "cycle";
    static final int CYCLE_PERCENT = 3;

    private final PowerCutFileSystem fs;
    private final Path sourceDir;
    private final List<String> sources;
    private final StoreConfig config;

    /** A workload on the store {@code config} names, importing from the folders in {@code sourceDir}. */
    public CutWorkload(PowerCutFileSystem fs, Path sourceDir, List<String> sources, StoreConfig config) {
        this.fs = fs;
        this.sourceDir = sourceDir;
        this.sources = sources;
        this.config = config;
    }

    /** The store this workload opens when it cycles, and the harness after a cut. */
    public StoreConfig config() {
        return config;
    }

    /** The store's configuration: retention as in the crash harness, no inspection server (nothing attaches). */
    public static StoreConfig config(Path dataDir, Durability durability) {
        return WorldStore.configure().dataDir(dataDir).durability(durability)
                .retention(new Retention(CrashWorkload.KEEP, Duration.ZERO)).serveInspection(false).build();
    }

    /**
     * What one stretch of work between two cuts did: the operations tried, in order, the last one unacknowledged
     * if the power failed during it; the store as the stretch left it (null when a cycle lost it to the cut);
     * whether the power failed while the store closed or opened again; and, if an operation failed while the
     * power was on (a failure of the store, which ends the stretch), which and why; and every operation tried,
     * cycles included, for the evidence of a failed check.
     */
    public record Stretch(List<Op> ops, WorldStore store, boolean cutInCycle, String failure, List<String> tried) {

        /** The operation the power failed in, or null. */
        public Op inFlight() {
            return ops.isEmpty() || ops.get(ops.size() - 1).acked() ? null : ops.get(ops.size() - 1);
        }
    }

    /**
     * Runs operations on {@code store} until the power fails, an operation fails with the power on, or
     * {@code maxOps} were tried.
     */
    public Stretch run(WorldStore store, Random random, int run, int maxOps) {
        TreeSet<String> worlds = new TreeSet<>();
        for (WorldSummary w : store.worlds().list()) {
            worlds.add(w.id());
        }
        List<Op> ops = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        WorldStore current = store;
        for (int n = 0; n < maxOps && !fs.isCut(); n++) {
            String op = random.nextInt(100) < CYCLE_PERCENT ? CYCLE
                    : CrashWorkload.choose(random, worlds, sources, run, n, KINDS);
            tried.add(op);
            try {
                if (op.equals(CYCLE)) {
                    current = null;
                    closeQuietly(store);
                    store = WorldStore.open(config);
                    current = store;
                } else {
                    String result = CrashWorkload.perform(store, op, sourceDir, null);
                    CrashWorkload.track(worlds, op);
                    ops.add(new Op(n, op, true, result));
                }
            } catch (IOException | RuntimeException e) {
                String failure = fs.isCut() ? null : op + ": " + e;
                if (!op.equals(CYCLE)) {
                    ops.add(new Op(n, op, false, null));
                }
                return new Stretch(ops, current, op.equals(CYCLE) && failure == null, failure, tried);
            }
        }
        return new Stretch(ops, current, false, null, tried);
    }

    /**
     * A store made by {@code setup} on the power-cut file system and closed cleanly, then written to {@code base}
     * on the real disk as the file system holds it, with the store's other files (its credentials, which the store
     * writes to the real disk beside what H2 wrote). Each test then copies it for each of its runs.
     */
    public static Path cleanlyClosed(Path built, Path base, Durability durability,
                                     Consumer<WorldStore> setup) throws IOException {
        try (PowerCutFileSystem fs = PowerCutFileSystem.mount(built, 1)) {
            try (WorldStore store = WorldStore.open(config(built, durability))) {
                setup.accept(store);
            }
            fs.materialize(base);
        }
        try (Stream<Path> files = Files.list(built)) {
            for (Path f : files.toList()) {
                if (!Files.exists(base.resolve(f.getFileName()))) {
                    Files.copy(f, base.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return base;
    }

    /** Closes a store whose files may be gone: after a cut, closing it fails, and only its resources matter. */
    public static void closeQuietly(WorldStore store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (RuntimeException e) {
            // The power is off: H2 cannot write its closing state, which is what a power cut means.
        }
    }
}
