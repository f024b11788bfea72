package io.cardshark.worlds.testing.powercut;

import io.cardshark.worlds.testing.CrashJournal.Op;
import io.cardshark.worlds.testing.CrashModel;
import io.cardshark.worlds.testing.WorldImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The crash harness's model ({@link CrashModel}) brought forward by one stretch of work between two power
 * cuts, keeping the worlds as they were after each acknowledged operation: a store that lost operations at a
 * cut should still hold the worlds after some prefix of them (H2 writes commits in order, and recovers to the
 * newest complete one), and which prefix says how many were lost.
 */
public final class StretchModel {

    /** What a store held of a stretch: the acknowledged operations in it (-1: no prefix matches), and whether the
     * operation in flight at the cut was found applied on top of all of them. */
    public record Held(int ops, boolean inFlightApplied) {

        /** Nothing the model knows: the store holds no prefix, or could not be read. */
        public static final Held NONE = new Held(-1, false);

        public boolean isPrefix() {
            return ops >= 0;
        }
    }

    private final CrashModel model;
    private final List<Map<String, WorldImage>> states = new ArrayList<>();
    private final Op inFlight;

    private StretchModel(CrashModel model, Op inFlight) {
        this.model = model;
        this.inFlight = inFlight;
    }

    /** Replays the stretch's acknowledged operations into {@code model}, one at a time, keeping each state. */
    public static StretchModel replay(CrashModel model, int cut, List<Op> ops) {
        Op inFlight = ops.stream().filter(op -> !op.acked()).findFirst().orElse(null);
        StretchModel stretch = new StretchModel(model, inFlight);
        stretch.states.add(new TreeMap<>(model.worlds()));
        for (Op op : ops) {
            if (op.acked()) {
                model.replay(cut, List.of(op));
                stretch.states.add(new TreeMap<>(model.worlds()));
            }
        }
        return stretch;
    }

    public int acked() {
        return states.size() - 1;
    }

    public Op inFlight() {
        return inFlight;
    }

    /** How much of the stretch {@code actual} (every world of the reopened store) holds. */
    public Held held(Map<String, WorldImage> actual) {
        if (inFlight != null && actual.equals(withInFlight())) {
            return new Held(acked(), !withInFlight().equals(states.get(acked())));
        }
        for (int i = acked(); i >= 0; i--) {
            if (actual.equals(states.get(i))) {
                return new Held(i, false);
            }
        }
        return Held.NONE;
    }

    /** Carries on from what the store holds, so that the next stretch is judged on its own. */
    public void adopt(Map<String, WorldImage> actual) {
        Set<String> ids = new TreeSet<>(model.worlds().keySet());
        ids.addAll(actual.keySet());
        for (String id : ids) {
            model.adopt(id, actual.get(id));
        }
    }

    /** The worlds after every acknowledged operation and then the one in flight. */
    private Map<String, WorldImage> withInFlight() {
        Map<String, WorldImage> last = new TreeMap<>(states.get(acked()));
        String w = inFlight.world();
        WorldImage before = last.get(w);
        boolean starts = Set.of("create", "import").contains(inFlight.kind());
        if (before == null && !starts) {
            return last;
        }
        WorldImage after = model.apply(before, inFlight);
        if (after == null) {
            last.remove(w);
        } else {
            last.put(w, after);
        }
        return last;
    }
}
