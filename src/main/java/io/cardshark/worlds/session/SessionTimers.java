package io.cardshark.worlds.session;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The timers sessions run on. */
public final class SessionTimers {

    private SessionTimers() {
    }

    /**
     * The system clock and one daemon thread, shared by every session of the JVM. The thread never keeps
     * the JVM alive, and nothing needs closing.
     *
     * @return the shared system timer
     */
    public static SessionTimer system() {
        return SystemTimer.INSTANCE;
    }

    private static final class SystemTimer implements SessionTimer {
        static final SystemTimer INSTANCE = new SystemTimer();

        private final ScheduledThreadPoolExecutor executor;

        private SystemTimer() {
            executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "cardshark-autosave");
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public Scheduled schedule(Runnable task, Duration delay) {
            ScheduledFuture<?> f = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        }
    }
}
