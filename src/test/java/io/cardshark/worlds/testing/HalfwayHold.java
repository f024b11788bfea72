package io.cardshark.worlds.testing;

import io.cardshark.worlds.folder.Progress;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds an import on its own thread once half of its world's bytes are read, until {@link #release}d, so that a
 * test can look at the store while the import is under way (on H2, with some of its steps committed).
 */
public final class HalfwayHold implements Progress {

    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    @Override
    public void update(String worldId, long done, long total) {
        if (done >= total / 2 && reached.getCount() > 0) {
            reached.countDown();
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until the import is held; false when it was not within {@code seconds}. */
    public boolean awaitHeld(long seconds) throws InterruptedException {
        return reached.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets the import go on. */
    public void release() {
        released.countDown();
    }
}
