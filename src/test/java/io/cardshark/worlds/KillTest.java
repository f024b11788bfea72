package io.cardshark.worlds;

import io.cardshark.worlds.testing.ChildJvm;
import io.cardshark.worlds.testing.CommitWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 at random moments: a child JVM commits numbered writes and prints each number once its commit
 * returned; after each SIGKILL the store must open and hold every printed write, whole.
 */
class KillTest {

    static final int KILLS = Integer.getInteger("cardshark.kills", 20);

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedCommitSurvivesKillMinus9() throws Exception {
        Path data = dir.resolve("store");
        Random random = new Random(Long.getLong("cardshark.seed", System.nanoTime()));
        Set<Long> acknowledged = new HashSet<>();
        long checked = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            try (ChildJvm child = ChildJvm.start(CommitWriter.class, data.toString())) {
                child.awaitLine("ready", 60);
                // Let it commit for a random while, then kill it mid-stream.
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50 + random.nextInt(700));
                while (System.nanoTime() < until) {
                    String line = child.nextLine(10, TimeUnit.MILLISECONDS);
                    if (line != null && line.startsWith("committed ")) {
                        acknowledged.add(Long.parseLong(line.substring("committed ".length())));
                    }
                }
                child.kill();
                for (String line : child.output()) {
                    if (line.startsWith("committed ")) {
                        acknowledged.add(Long.parseLong(line.substring("committed ".length())));
                    }
                }
            }
            try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
                Chat chat = store.chats().get(CommitWriter.WORLD, CommitWriter.CHAT);
                List<ChatMessage> messages = store.chats().pageForward(CommitWriter.WORLD, CommitWriter.CHAT, -1, 10_000).messages();
                Set<String> present = new HashSet<>();
                for (ChatMessage m : messages) {
                    present.add(m.id());
                }
                int visits = store.players().visits(CommitWriter.WORLD).size();
                int locations = store.locations().list(CommitWriter.WORLD).size();
                for (long n : acknowledged) {
                    assertThat(present).as("acknowledged write %d after kill %d", n, kill).contains("m_" + n);
                    checked++;
                }
                // Each write is one transaction of three parts: all present together or none.
                assertThat(visits).as("visits after kill %d", kill).isEqualTo(messages.size());
                assertThat(locations).as("locations after kill %d", kill).isEqualTo(messages.size());
                assertThat(chat.messageCount()).isEqualTo(messages.size());
            }
        }
        System.out.printf("kill test: %d kills, %d acknowledged writes, %d checks, 0 lost%n",
                KILLS, acknowledged.size(), checked);
        assertThat(acknowledged).isNotEmpty();
    }
}
