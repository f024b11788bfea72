package io.cardshark.worlds.internal.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The queue alone, with a stand-in for the shared transaction that runs each call's work and records the
 * batches: who leads, what a batch holds, and that each caller hears its own outcome.
 */
class CommitQueueTest {

    private final List<Integer> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstBatchMayEnd = new CountDownLatch(1);

    /** Runs each call's work in order; a call whose work throws fails alone; "held" calls are sent back. */
    private final CommitQueue queue = new CommitQueue(calls -> {
        batches.add(calls.size());
        if (batches.size() == 1) {
            await(firstBatchMayEnd);
        }
        for (CommitQueue.Call<?> call : calls) {
            if ("held".equals(call.worldId())) {
                call.runAlone();
                continue;
            }
            try {
                call.succeeded(call.run(null));
            } catch (RuntimeException e) {
                call.failed(e);
            }
        }
    });

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void callsThatArriveWhileACommitRunsShareTheNextOneAndEachHearsItsOwnOutcome() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            Future<Object> first = threads.submit(() -> queue.submit("w0", dsl -> "first", () -> "alone"));
            while (batches.isEmpty()) {
                Thread.onSpinWait();
            }
            List<Future<Object>> later = new ArrayList<>();
            later.add(threads.submit(() -> queue.submit("w1", dsl -> "one", () -> "alone")));
            later.add(threads.submit(() -> queue.submit("w2", dsl -> {
                throw new IllegalArgumentException("two is wrong");
            }, () -> "alone")));
            later.add(threads.submit(() -> queue.submit("held", dsl -> "never run here", () -> "ran alone")));
            later.add(threads.submit(() -> queue.submit("w3", dsl -> "three", () -> "alone")));
            // The four wait for the leader lock, their calls queued behind the running commit.
            while (queue.waitingCalls() < 4) {
                Thread.onSpinWait();
            }
            firstBatchMayEnd.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(later.get(0).get(30, TimeUnit.SECONDS)).isEqualTo("one");
            assertThatThrownBy(() -> later.get(1).get(30, TimeUnit.SECONDS)).hasRootCauseMessage("two is wrong");
            assertThat(later.get(2).get(30, TimeUnit.SECONDS)).isEqualTo("ran alone");
            assertThat(later.get(3).get(30, TimeUnit.SECONDS)).isEqualTo("three");
            assertThat(batches).containsExactly(1, 4);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aCallerAloneLeadsItsOwnCommit() {
        firstBatchMayEnd.countDown();
        assertThat(queue.submit("w", dsl -> 42, () -> -1)).isEqualTo(42);
        assertThat(queue.submit("w", dsl -> 43, () -> -1)).isEqualTo(43);
        assertThat(batches).containsExactly(1, 1);
    }
}
