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

        /** Cancels the task if it has not started; a no-op when it ran or was cancelled already. */
        void cancel();
    }

    /**
     * The current time, by which sessions stamp their saves.
     *
     * @return now, by this timer's clock
     */
    Instant now();

    /**
     * Runs {@code task} once, {@code delay} from now, on the timer's own thread.
     *
     * @param task  what to run; autosave's own tasks catch and report the store's failures
     * @param delay how long from now
     * @return a handle to cancel the task with
     */
    Scheduled schedule(Runnable task, Duration delay);
}
