package io.cardshark.worlds.session;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock and the timer of autosave. The default runs on one daemon thread with the system clock; tests
 * pass a manual one and move time themselves, so no test sleeps.
 */
public interface SessionTimer {

    /** A scheduled task, which may be cancelled before it runs. */
    interface Scheduled {
        void cancel();
    }

    Instant now();

    /** Runs {@code task} once, {@code delay} from now, on the timer's own thread. */
    Scheduled schedule(Runnable task, Duration delay);
}
