package io.cardshark.worlds.session;

import io.cardshark.worlds.Visit;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.ChildJvm;
import io.cardshark.worlds.testing.SessionChild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** What kill -9 and a plain exit do to a session: the README's contract, checked on real processes. */
class SessionCrashTest {

    static final int KILLS = Integer.getInteger("cardshark.sessionKills", 10);

    @TempDir
    Path dir;

    @Test
    void killMinus9LosesNoSignificantChangeAndNothingFlushedWithIt() throws Exception {
        Path store = dir.resolve("store");
        Random random = new Random();
        long lastMove = -1;
        long healthAtLastMove = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            try (ChildJvm child = ChildJvm.start(SessionChild.class, "play", store.toString())) {
                child.awaitLine("ready", 60);
                Thread.sleep(200 + random.nextInt(800));
                child.kill();
                for (String line : child.output()) {
                    if (line.startsWith("moved ")) {
                        String[] parts = line.split(" ");
                        lastMove = Long.parseLong(parts[1]);
                        healthAtLastMove = Long.parseLong(parts[3]);
                    }
                }
            }
            try (WorldStore s = WorldStore.configure().dataDir(store).open()) {
                List<Visit> visits = s.players().visits(SessionChild.WORLD);
                assertThat((long) visits.size()).as("every move whose call returned, after kill %d", kill)
                        .isGreaterThanOrEqualTo(lastMove + 1);
                // The move saved every stat change before it: only later ticks (not significant) may be lost.
                if (lastMove >= 0 && visits.size() == lastMove + 1) {
                    assertThat(s.players().state(SessionChild.WORLD).health()).isGreaterThanOrEqualTo(healthAtLastMove);
                }
                assertThat(s.sessions().activeWorld()).hasValue(SessionChild.WORLD);
            }
        }
        assertThat(lastMove).isGreaterThan(0);
        System.out.printf("session kill test: %d kills, %d moves acknowledged, 0 lost%n", KILLS, lastMove + 1);
    }

    @Test
    void anOrdinaryExitSavesThroughTheShutdownHook() throws Exception {
        Path store = dir.resolve("store");
        try (ChildJvm child = ChildJvm.start(SessionChild.class, "exit", store.toString())) {
            child.awaitLine("changed", 60);
            assertThat(child.waitFor(60)).isZero();
        }
        try (WorldStore s = WorldStore.configure().dataDir(store).open()) {
            assertThat(s.players().state(SessionChild.WORLD).health()).isEqualTo(77);
        }
    }
}
