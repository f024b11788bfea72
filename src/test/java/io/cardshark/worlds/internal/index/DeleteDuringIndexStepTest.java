package io.cardshark.worlds.internal.index;

import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.testing.Internals;
import io.cardshark.worlds.testing.TestStores;
import io.cardshark.worlds.testing.StoreSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A world deleted while a step of the search indexer has read its chat and not yet written the chat's mark. On H2
 * no foreign key refuses a mark of a chat that is gone (schema V10); the delete takes the index's lock, so it
 * waits for the step and then deletes the mark the step wrote. {@code RestartSoakTest} once left such a mark.
 * PostgreSQL keeps the foreign key, and the delete waits there too: the same lock, a row lock on both engines.
 */
class DeleteDuringIndexStepTest {

    @TempDir
    Path dir;

    @Test
    void aWorldDeletedDuringAStepKeepsNoMark() throws Exception {
        try (WorldStore store = TestStores.configure(dir.resolve("store")).open()) {
            World world = store.worlds().create("Indexed Then Gone");
            String chatId = store.chats().create(world.id(), NewChat.at(null, "Notes")).chatId();
            for (int i = 0; i < 3; i++) {
                store.chats().append(world.id(), chatId, NewMessage.of("user", "lantern " + i));
            }
            CountDownLatch inStep = new CountDownLatch(1);
            CountDownLatch goOn = new CountDownLatch(1);
            // The step's check point runs after it has read the pending messages, before it writes anything.
            Runnable holdOnce = () -> {
                if (inStep.getCount() > 0) {
                    inStep.countDown();
                    await(goOn);
                }
            };
            CompletableFuture<Integer> step = CompletableFuture.supplyAsync(() ->
                    SearchIndexer.catchUp(Internals.engine(store), true, () -> { }, holdOnce, new ReentrantLock()));
            assertThat(inStep.await(30, TimeUnit.SECONDS)).as("the step read the chat").isTrue();

            CompletableFuture<Void> delete = CompletableFuture.runAsync(() -> store.worlds().delete(world.id()));
            assertThatThrownBy(() -> delete.get(700, TimeUnit.MILLISECONDS)).as("the delete waits for the step")
                    .isInstanceOf(TimeoutException.class);
            goOn.countDown();
            assertThat(step.get(30, TimeUnit.SECONDS)).isPositive();
            delete.get(30, TimeUnit.SECONDS);

            assertThat(StoreSql.count(store, "SELECT COUNT(*) FROM SEARCH_PROGRESS")).as("marks left").isZero();
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
