package io.cardshark.worlds;

import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.testing.Internals;
import io.cardshark.worlds.testing.Trees;
import io.cardshark.worlds.testing.powercut.CutPolicy;
import io.cardshark.worlds.testing.powercut.CutWorkload;
import io.cardshark.worlds.testing.powercut.OnPowerCutFileSystem;
import io.cardshark.worlds.testing.powercut.PowerCutFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Transactions that are open when the store's file fails end, each with its own failure, in bounded time, and the
 * store opens afterwards with what was committed. H2 2.4.240 may otherwise loop for ever at a session's next
 * statement ({@code H2SpinAfterStorageFailureReproTest}); the pool's own rollback of a connection closed in a
 * transaction is such a statement. The failure comes from a {@code CHECKPOINT} that meets a power cut, which leaves
 * H2's store open with the failure pending, as in the clean-clone run where {@code PowerCutHarnessTest} met it: the
 * search indexer's transaction was open when an import's commit failed.
 */
@ExtendWith(OnPowerCutFileSystem.class)
class StorageFailureSessionsTest {

    private static final String WORLD = "Kept";
    private static final String APPLICATION_FAILURE = "the application gives up";

    @TempDir
    Path tmp;

    @Test
    void transactionsOpenWhenTheFileFailsEndWithTheirOwnFailure() throws Exception {
        Path data = tmp.resolve("store");
        Trees.copy(baseStore(), data);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "open-transaction");
            t.setDaemon(true); // a thread caught in H2's loop must not keep the JVM alive
            return t;
        });
        try (PowerCutFileSystem fs = PowerCutFileSystem.mount(data, 1)) {
            WorldStore store = WorldStore.open(CutWorkload.config(data, Durability.PROCESS_CRASH));
            store.updateSearchIndex(); // the indexer idle: the two transactions are the only ones open at the cut
            CountDownLatch open = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            List<Future<?>> transactions = new ArrayList<>();
            transactions.add(threads.submit(() -> heldThenFailed(store, tx -> tx.worlds().list(), open, release)));
            transactions.add(threads.submit(() -> heldThenFailed(store, tx -> tx.worlds().create("In flight"), open, release)));
            assertThat(open.await(30, TimeUnit.SECONDS)).isTrue();

            fs.cut(CutPolicy.KEEP);
            assertThatThrownBy(() -> Internals.engine(store).withAdminConnection(c -> {
                try (Statement s = c.createStatement()) {
                    return s.execute("CHECKPOINT");
                }
            })).isInstanceOf(WorldStoreException.class).hasMessageContaining("simulated power cut");
            release.countDown();

            for (Future<?> transaction : transactions) {
                assertThatThrownBy(() -> transaction.get(60, TimeUnit.SECONDS))
                        .as("a transaction open at the failure ends, with its own failure")
                        .isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(IllegalStateException.class).hasMessage(APPLICATION_FAILURE)
                        .satisfies(e -> assertThat(throwablesIn(e)).noneMatch(t -> t instanceof AssertionError));
            }
            assertThatThrownBy(() -> store.worlds().create("After")).isInstanceOf(StoreUnavailableException.class);
            CutWorkload.closeQuietly(store);
            fs.restart();
            try (WorldStore again = WorldStore.open(CutWorkload.config(data, Durability.PROCESS_CRASH))) {
                assertThat(again.worlds().list()).extracting(WorldSummary::id).containsExactly(WORLD);
                assertThat(again.verify(VerifyLevel.FULL).passed()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Runs {@code work} in a transaction that waits, open, for {@code release}, then fails as an application would. */
    private static void heldThenFailed(WorldStore store, Consumer<WorldTransaction> work, CountDownLatch open,
                                       CountDownLatch release) {
        store.useTransaction(tx -> {
            work.accept(tx);
            open.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(APPLICATION_FAILURE);
        });
    }

    /** A failure, its causes and everything suppressed in any of them. */
    private static List<Throwable> throwablesIn(Throwable root) {
        List<Throwable> all = new ArrayList<>();
        List<Throwable> next = new ArrayList<>(List.of(root));
        while (!next.isEmpty()) {
            Throwable t = next.remove(next.size() - 1);
            if (all.stream().noneMatch(seen -> seen == t)) {
                all.add(t);
                next.addAll(List.of(t.getSuppressed()));
                if (t.getCause() != null) {
                    next.add(t.getCause());
                }
            }
        }
        return all;
    }

    /** A store closed cleanly, with one world, on the real disk. */
    private Path baseStore() throws java.io.IOException {
        return CutWorkload.cleanlyClosed(tmp.resolve("built"), tmp.resolve("base"), Durability.PROCESS_CRASH,
                store -> store.worlds().create(WORLD));
    }
}
