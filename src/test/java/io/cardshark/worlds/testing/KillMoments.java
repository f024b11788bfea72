package io.cardshark.worlds.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * When the crash harness ({@code CrashHarnessTest}) kills its child: half the time a random moment; half the
 * time a random point inside a chosen kind of operation. It times every operation it sees (from its
 * {@code try} line to its {@code ok} line) and kills somewhere in the first 120 % of that kind's usual
 * duration, so imports, exports, backups and deletes are often cut in the middle. Its choices come from the
 * harness's seed; the timing, and so the exact moments, still vary.
 */
public final class KillMoments {

    private final Random random;
    /** How long each kind of operation usually takes, as the parent sees it. */
    private final Map<String, Long> typicalNanos = new HashMap<>();

    public KillMoments(Random random) {
        this.random = random;
    }

    /** Reads the child's lines until the moment to kill it has come; says which moment it was. */
    public String await(ChildJvm child) throws InterruptedException {
        boolean targeted = random.nextBoolean();
        String[] kinds = {"import", "import", "import", "export", "export", "export", "backup", "backup",
                "delete", "delete", "create", "move", "append", "event", "file"};
        String kind = kinds[random.nextInt(kinds.length)];
        long now = System.nanoTime();
        long deadline = now + TimeUnit.MILLISECONDS.toNanos(targeted ? 6000 : 50 + random.nextInt(2000));
        long killAt = Long.MAX_VALUE;
        String moment = null;
        Map<String, Long> started = new HashMap<>();
        int skip = random.nextInt(3);
        while ((now = System.nanoTime()) < Math.min(deadline, killAt)) {
            String line = child.nextLine(Math.max(1, Math.min(5, (Math.min(deadline, killAt) - now) / 1_000_000)),
                    TimeUnit.MILLISECONDS);
            long at = System.nanoTime();
            if (line == null) {
                continue;
            }
            String[] t = line.split(" ", 4);
            if (t.length < 3) {
                continue;
            }
            if (t[0].equals("try")) {
                started.put(t[1], at);
                if (targeted && killAt == Long.MAX_VALUE && t[2].equals(kind) && skip-- <= 0) {
                    long typical = typicalNanos.getOrDefault(kind, TimeUnit.MILLISECONDS.toNanos(20));
                    long delay = (long) (random.nextDouble() * 1.2 * typical);
                    killAt = at + delay;
                    moment = String.format("%.1f ms into %s (usually %.1f ms)", delay / 1e6, kind, typical / 1e6);
                }
            } else if (t[0].equals("ok") && started.containsKey(t[1])) {
                long took = at - started.remove(t[1]);
                typicalNanos.merge(t[2], took, (old, x) -> (old * 7 + x) / 8);
            }
        }
        if (moment == null) {
            return targeted ? "no " + kind + " within 6 s" : "at a random moment";
        }
        return moment;
    }
}
