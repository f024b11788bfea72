package io.cardshark.worlds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writers that commit at the same moment share one commit (issue 14, item 3), and the promises of a commit
 * of one's own still hold: each call all or nothing, its own failure only its own, and writers of one world
 * never holding up writers of another.
 */
class SharedCommitTest {

    @TempDir
    Path dir;

    @Test
    void concurrentWritersEachGetTheirOwnOutcome() throws Exception {
        int threads = 8;
        int calls = 150;
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            List<String> chats = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String world = store.worlds().create("World " + t).id();
                chats.add(world + "/" + store.chats().create(world, NewChat.at(null, "Talk")).chatId());
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<int[]>> outcomes = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String[] target = chats.get(t).split("/");
                outcomes.add(pool.submit(() -> {
                    int stored = 0;
                    int refused = 0;
                    for (int i = 0; i < calls; i++) {
                        if (i % 10 == 3) {
                            // A call that fails in the middle of others: only its caller hears it.
                            assertThatThrownBy(() -> store.chats().append(target[0], "no_such_chat",
                                    NewMessage.of("user", "lost"))).isInstanceOf(NotFoundException.class);
                            refused++;
                        } else {
                            ChatMessage m = store.chats().append(target[0], target[1], NewMessage.of("user", "m" + i));
                            assertThat(m.seq()).isEqualTo(stored);
                            stored++;
                        }
                    }
                    return new int[] {stored, refused};
                }));
            }
            for (int t = 0; t < threads; t++) {
                int[] outcome = outcomes.get(t).get(120, TimeUnit.SECONDS);
                String[] target = chats.get(t).split("/");
                List<ChatMessage> messages = store.chats().pageForward(target[0], target[1], -1, 1000).messages();
                assertThat(messages).hasSize(outcome[0]);
                for (int i = 0; i < messages.size(); i++) {
                    assertThat(messages.get(i).seq()).isEqualTo(i);
                }
                assertThat(outcome[1]).isEqualTo(calls / 10);
            }
            pool.shutdown();
        }
    }

    @Test
    void aWorldHeldByAnotherTransactionHoldsUpOnlyItsOwnWriters() throws Exception {
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).lockTimeout(Duration.ofSeconds(30))
                .open()) {
            String held = store.worlds().create("Held").id();
            String free = store.worlds().create("Free").id();
            String heldChat = store.chats().create(held, NewChat.at(null, "Waits")).chatId();
            String freeChat = store.chats().create(free, NewChat.at(null, "Goes on")).chatId();
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Future<?> holder = pool.submit(() -> store.useTransaction(tx -> {
                    tx.worlds().rename(held, "Held Long");
                    holding.countDown();
                    await(release);
                }));
                await(holding);
                Future<ChatMessage> waiting = pool.submit(() -> store.chats().append(held, heldChat, NewMessage.of("user", "late")));
                for (int i = 0; i < 20; i++) {
                    // Each of these would wait behind the held world if the shared commit waited for it.
                    Future<ChatMessage> other = pool.submit(() -> store.chats().append(free, freeChat, NewMessage.of("user", "now")));
                    assertThat(other.get(10, TimeUnit.SECONDS).seq()).isEqualTo(i);
                }
                assertThat(waiting).isNotDone();
                release.countDown();
                holder.get(30, TimeUnit.SECONDS);
                assertThat(waiting.get(30, TimeUnit.SECONDS).seq()).as("it waited and then went in").isZero();
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
