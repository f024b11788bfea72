package io.cardshark.worlds.internal.engine;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class GroupSyncTest {

    @Test
    void anInterruptedWaiterStillWaitsForItsSyncAndKeepsTheInterrupt() throws Exception {
        CountDownLatch syncStarted = new CountDownLatch(1);
        CountDownLatch releaseSync = new CountDownLatch(1);
        AtomicBoolean firstCall = new AtomicBoolean(true);
        GroupSync sync = new GroupSync(() -> {
            if (firstCall.getAndSet(false)) {
                syncStarted.countDown();
                await(releaseSync);
            }
        });
        Thread first = new Thread(sync::awaitDurable);
        first.start();
        assertThat(syncStarted.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        CountDownLatch secondDone = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            try {
                sync.awaitDurable();
                interruptKept.set(Thread.currentThread().isInterrupted());
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                secondDone.countDown();
            }
        });
        second.start();
        while (second.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
        second.interrupt();
        assertThat(secondDone.await(200, TimeUnit.MILLISECONDS))
                .as("the waiter must not return before a sync covers its commit").isFalse();

        releaseSync.countDown();
        assertThat(secondDone.await(10, TimeUnit.SECONDS)).isTrue();
        first.join(10_000);
        assertThat(failure.get()).isNull();
        assertThat(interruptKept.get()).isTrue();
        assertThat(sync.syncCount()).isEqualTo(2);
    }

    @Test
    void aFailedSyncFailsEveryLaterCaller() {
        GroupSync sync = new GroupSync(() -> {
            throw new IllegalStateException("disk gone");
        });
        for (int i = 0; i < 2; i++) {
            try {
                sync.awaitDurable();
                throw new AssertionError("expected the sync failure");
            } catch (IllegalStateException e) {
                assertThat(e).hasMessage("disk gone");
            }
        }
        assertThat(sync.syncCount()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
