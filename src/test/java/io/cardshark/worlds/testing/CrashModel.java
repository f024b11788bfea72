package io.cardshark.worlds.testing;

import io.cardshark.worlds.testing.CrashJournal.Op;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model of the crash harness ({@code CrashHarnessTest}): what the store must hold, built by replaying the
 * acknowledged operations of every run, in order. A deleted world's operations are no longer expected; a
 * re-created world starts as a fresh one, a re-imported world as its source folder's image. Beside the
 * worlds it keeps the last acknowledged export of each world (with the world as it was then) and the
 * backups retention keeps (with the store as it was when each was taken).
 *
 * <p>After each kill the checks ({@link CrashChecks}) compare the store with the model and then bring the
 * model to what the store holds, so that later kills are judged on their own.
 */
public final class CrashModel {

    /** What is known of the export target of one world. */
    public static final class ExportState {
        /** The tree digest of the last export of it, acknowledged or found complete; null: none. */
        public String digest;
        /** The world as it was when that export was taken. */
        public WorldImage image;
        /** Whether the export has been imported and compared with {@link #image}. */
        public boolean validated;
        /** An export of the world started and none completed since: leftovers may exist. */
        public boolean dirty;
    }

    /** A run's operations replayed: the one in flight at the kill (null: none) and how many were acknowledged. */
    public record Replayed(Op inFlight, long acked) {
    }

    private final Map<String, WorldImage> sourceImages;
    private final WorldImage fresh;
    private final CrashReport report;

    private final Map<String, WorldImage> worlds = new TreeMap<>();
    private final Map<String, ExportState> exports = new TreeMap<>();
    /** Backups retention keeps, by name (time order), with the model at the time each was taken (null: unacknowledged). */
    private final TreeMap<String, Map<String, WorldImage>> backups = new TreeMap<>();

    /** An empty store, whose imports read the given sources. */
    public CrashModel(CrashSources sources, CrashReport report) {
        this.sourceImages = sources.images();
        this.fresh = sources.fresh();
        this.report = report;
    }

    /**
     * Brings the model forward by the acknowledged operations of run {@code kill}, in order; the one
     * operation not acknowledged is the one in flight at the kill (an export in flight marks its target).
     */
    public Replayed replay(int kill, List<Op> ops) {
        Op inFlight = null;
        long acked = 0;
        for (Op op : ops) {
            if (!op.acked()) {
                assertThat(inFlight).as("at most one operation in flight").isNull();
                inFlight = op;
                if (op.kind().equals("export")) {
                    export(op.world()).dirty = true;
                }
                continue;
            }
            acked++;
            report.figures.opsByKind.merge(op.kind(), 1, Integer::sum);
            replay(kill, op);
        }
        return new Replayed(inFlight, acked);
    }

    /** Brings the model forward by one acknowledged operation. */
    private void replay(int kill, Op op) {
        String w = op.world();
        switch (op.kind()) {
            case "export" -> {
                ExportState st = export(w);
                st.digest = op.result();
                st.image = worlds.get(w);
                st.validated = false;
                st.dirty = false;
                if (st.image == null) {
                    report.problem(kill, "acknowledged export of " + w + ", which the model says does not exist");
                }
            }
            case "backup" -> {
                backups.put(op.result(), new TreeMap<>(worlds));
                while (backups.size() > CrashWorkload.KEEP) {
                    backups.pollFirstEntry();
                }
            }
            default -> {
                boolean needsWorld = !op.kind().equals("create") && !op.kind().equals("import");
                if (needsWorld && !worlds.containsKey(w)) {
                    report.problem(kill, "acknowledged " + op.text() + " on a world the model says does not exist");
                    return;
                }
                WorldImage after = apply(worlds.get(w), op);
                if (after == null) {
                    worlds.remove(w);
                } else {
                    worlds.put(w, after);
                }
            }
        }
    }

    /** The world after {@code op}, or null when it no longer exists. */
    public WorldImage apply(WorldImage before, Op op) {
        String[] t = op.t();
        return switch (op.kind()) {
            case "create" -> fresh.withDisplayName(t[1]);
            case "delete" -> null;
            case "import" -> sourceImages.get(t[1]);
            case "move" -> before.withMove(t[2]);
            case "append" -> before.withMessage(CrashWorkload.CHAT, t[2]);
            case "event" -> before.withEvent(t[2]);
            case "file" -> before.withFile(t[2], t[3]);
            default -> throw new IllegalArgumentException(op.text());
        };
    }

    /** The worlds as the model has them, by id. */
    public Map<String, WorldImage> worlds() {
        return worlds;
    }

    /** Carries on from what the store holds for one world (null: the world is not there). */
    public void adopt(String id, WorldImage held) {
        if (held == null) {
            worlds.remove(id);
        } else {
            worlds.put(id, held);
        }
    }

    /** What is known of a world's export target. */
    public ExportState export(String world) {
        return exports.computeIfAbsent(world, w -> new ExportState());
    }

    /** The worlds whose export targets the model knows. */
    public Set<String> exported() {
        return exports.keySet();
    }

    /** The backups retention keeps, by name, with the store as it was when each was taken (null: unknown). */
    public TreeMap<String, Map<String, WorldImage>> backups() {
        return backups;
    }
}
