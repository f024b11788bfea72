package io.cardshark.worlds.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A timer whose time moves only when a test says so; due tasks run on the test's thread. */
final class ManualTimer implements SessionTimer {

    private final class Task implements Scheduled {
        final Instant at;
        final Runnable run;
        boolean cancelled;

        Task(Instant at, Runnable run) {
            this.at = at;
            this.run = run;
        }

        @Override
        public void cancel() {
            synchronized (ManualTimer.this) {
                cancelled = true;
            }
        }
    }

    private Instant now = Instant.parse("2026-11-27T12:00:00Z");
    private final List<Task> tasks = new ArrayList<>();

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Scheduled schedule(Runnable task, Duration delay) {
        Task t = new Task(now.plus(delay), task);
        tasks.add(t);
        return t;
    }

    /** Moves time forward, running every task that falls due, in time order. */
    void advance(Duration by) {
        Instant until;
        synchronized (this) {
            until = now.plus(by);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.cancelled && !t.at.isAfter(until))
                        .min(Comparator.comparing(t -> t.at)).orElse(null);
                if (next == null) {
                    now = until;
                    return;
                }
                tasks.remove(next);
                now = next.at;
            }
            next.run.run();
        }
    }

    synchronized long waiting() {
        return tasks.stream().filter(t -> !t.cancelled).count();
    }
}
