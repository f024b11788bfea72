package io.cardshark.worlds.branch;

import io.cardshark.worlds.Chat;
import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.backup.VerifyReport;
import io.cardshark.worlds.testing.BranchLoop;
import io.cardshark.worlds.testing.ChildJvm;
import io.cardshark.worlds.testing.CrashWorlds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 in the middle of branching (issue 16): a child branches a world over and over and is killed at a random
 * moment; after each kill every branch is whole (every location and message) or absent, and
 * every branch the child reported is there.
 */
class BranchCrashTest {

    static final int KILLS = Integer.getInteger("cardshark.branchKills", 6);
    static final String WORLD = "Crash_Branch";
    static final int LOCATIONS = 300;
    static final int MESSAGES = 20_000;

    @TempDir
    Path dir;
    final Random random = new Random(Long.getLong("cardshark.seed", System.nanoTime()));

    @Test
    void aBranchKilledAtAnyMomentLeavesNoPartialWorld() throws Exception {
        Path store = dir.resolve("store");
        try (WorldStore s = WorldStore.configure().dataDir(store).serveInspection(false).open()) {
            CrashWorlds.create(s, "Crash Branch", LOCATIONS, MESSAGES);
        }
        int next = 0;
        int whole = 0;
        int inFlightCommitted = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            List<String> acknowledged;
            try (ChildJvm child = ChildJvm.start(BranchLoop.class, store.toString(), WORLD, Integer.toString(next))) {
                child.awaitLine("ready", 60);
                Thread.sleep(200 + random.nextInt(2500));
                child.kill();
                acknowledged = child.output().stream().filter(l -> l.startsWith("branched ")).toList();
            }
            try (WorldStore s = WorldStore.configure().dataDir(store).serveInspection(false).open()) {
                for (String line : acknowledged) {
                    assertThat(s.worlds().exists("Slot_" + line.substring("branched ".length()))).as(line).isTrue();
                }
                int slots = 0;
                for (var w : s.worlds().list()) {
                    if (!w.id().equals(WORLD)) {
                        assertWhole(s, s.worlds().get(w.id()));
                        slots++;
                    }
                }
                // The branch in flight when the kill came is whole (its commit had happened) or absent.
                int unacknowledged = slots - whole - acknowledged.size();
                assertThat(unacknowledged).isBetween(0, 1);
                inFlightCommitted += unacknowledged;
                whole = slots;
                next += acknowledged.size() + 1;
                VerifyReport report = s.verify(VerifyLevel.FULL);
                assertThat(report.failures()).as("verify after kill %d", kill).isEmpty();
            }
        }
        System.out.printf("branch kill test: %d kills, %d whole branches (%d of them committed but not yet reported), "
                + "0 partial%n", KILLS, whole, inFlightCommitted);
    }

    private static void assertWhole(WorldStore s, World w) {
        assertThat(s.locations().list(w.id())).as(w.id()).hasSize(LOCATIONS);
        List<Chat> chats = s.chats().list(w.id());
        assertThat(chats).hasSize(1);
        assertThat(chats.get(0).messageCount()).isEqualTo(MESSAGES);
        assertThat(s.chats().pageBackward(w.id(), chats.get(0).chatId(), Long.MAX_VALUE, 1).messages().get(0).seq())
                .isEqualTo(MESSAGES - 1);
        assertThat(s.worlds().lineage(w.id())).as("lineage of %s", w.id()).isPresent();
    }
}
