package io.cardshark.worlds.testing.powercut;

import io.cardshark.worlds.Durability;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of the power-cut harness ({@code PowerCutHarnessTest}), one {@link Level} per durability level,
 * and the summary line the README quotes, which begins {@code power-cut harness:}.
 */
public final class PowerCutFigures {

    /** What the cuts at one durability level did. */
    public static final class Level {
        public int cuts;
        /** Cuts that came while the store created its database, or while it closed and opened again. */
        public int creationCuts;
        public int cycleCuts;
        public final Map<CutPolicy, Integer> policies = new EnumMap<>(CutPolicy.class);
        /** What set each cut off: a write count, a byte count, or nothing (a cut at rest, after the stretch). */
        public final Map<String, Integer> triggers = new TreeMap<>();
        public long acked;
        /** Acknowledged operations missing after a cut (only counted where what survived is a prefix). */
        public long lost;
        public int cutsLosing;
        public int worstLoss;
        public int failedOpens;
        public int failedVerifies;
        /**
         * Cuts after which the store held no prefix of the acknowledged operations (older ones gone, or mixed with
         * newer ones), or could not be read.
         */
        public int notPrefix;
        public int inFlightApplied;
        /** Operations that failed while the power was on (a store a cut damaged without its knowing). */
        public int failedOps;

        /** Counts one cut's report. */
        public void cut(PowerCutFileSystem.CutReport report, boolean duringCreation) {
            cuts++;
            creationCuts += duringCreation ? 1 : 0;
            policies.merge(report.policy(), 1, Integer::sum);
            String trigger = report.trigger().startsWith("write") ? "by writes"
                    : report.trigger().startsWith("byte") ? "by bytes" : "at rest";
            triggers.merge(trigger, 1, Integer::sum);
        }

        /** Counts what a store held of one stretch of {@code acked} operations. */
        public void held(int acked, StretchModel.Held held) {
            this.acked += acked;
            if (!held.isPrefix()) {
                notPrefix++;
                return;
            }
            int lostNow = acked - held.ops();
            lost += lostNow;
            cutsLosing += lostNow > 0 ? 1 : 0;
            worstLoss = Math.max(worstLoss, lostNow);
            inFlightApplied += held.inFlightApplied() ? 1 : 0;
        }

        /** Policy mix, triggers, operations and what broke, for the summary line. */
        String describe() {
            return String.format("%d cuts (%s; %s; %d during creation, %d in a close or reopen), %,d acknowledged operations, %,d lost "
                            + "(%.2f per cut, worst %d, in %d cuts), %d stores failed to open, %d failed verify FULL, "
                            + "%d not a prefix of the acknowledged operations, %d operations failed with the power on, "
                            + "in flight found applied %d",
                    cuts, policies.toString().replaceAll("[{}]", "").replace("=", " "),
                    triggers.toString().replaceAll("[{}]", "").replace("=", " "), creationCuts, cycleCuts, acked, lost,
                    cuts == 0 ? 0.0 : (double) lost / cuts, worstLoss, cutsLosing, failedOpens, failedVerifies,
                    notPrefix, failedOps, inFlightApplied);
        }
    }

    /** In the order the harness ran them. */
    private final Map<Durability, Level> levels = new LinkedHashMap<>();

    public Level level(Durability durability) {
        return levels.computeIfAbsent(durability, d -> new Level());
    }

    /** The one closing line: each level's figures, the partial imports found, the seed and the time taken. */
    public String summary(int partialImports, long seed, long seconds) {
        StringBuilder line = new StringBuilder("power-cut harness:");
        levels.forEach((durability, level) -> line.append(' ').append(durability).append(' ')
                .append(level.describe()).append(';'));
        return line.append(String.format(" %d partial imports; seed %d, %d s", partialImports, seed, seconds)).toString();
    }
}
