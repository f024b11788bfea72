package io.cardshark.worlds.internal.engine;

import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Lets the writes of single calls that arrive together share one commit (issue 14, item 3). An H2 commit
 * costs about the same whether it holds one call's rows or many (each one serialises its changed pages into
 * a chunk of the file), so writers that would queue on H2's store lock one commit each instead hand their
 * work to one leader, which runs every waiting call in one transaction, each in a savepoint of its own, and
 * commits once.
 *
 * <p>Each call stays all or nothing on its own: a call that fails is rolled back to its savepoint and hears its
 * own failure, the others commit. A call that meets a world another transaction holds does not wait inside the
 * shared transaction (it would hold up every call in it): it is rolled back at once and runs again alone, on
 * its caller's thread, waiting for that world as any writer does. When the commit itself fails, no call in it
 * committed, and each hears why.
 *
 * <p>The leader lock is fair: callers lead in the order they arrived, so no caller waits behind later ones.
 */
final class CommitQueue {

    /** The most calls one commit takes; more wait for the next. */
    static final int MAX_CALLS = 64;

    /** Runs a batch of calls in one transaction and settles each. */
    interface Together extends Consumer<List<Call<?>>> {
    }

    private final ReentrantLock leader = new ReentrantLock(true);
    private final ConcurrentLinkedQueue<Call<?>> waiting = new ConcurrentLinkedQueue<>();
    private final Together together;

    CommitQueue(Together together) {
        this.together = together;
    }

    /**
     * Runs {@code work} in a commit shared with the calls waiting beside it; {@code alone} runs it in a
     * transaction of its own, for when it met a world another transaction holds.
     */
    <T> T submit(String worldId, Function<DSLContext, T> work, Supplier<T> alone) {
        Call<T> call = new Call<>(worldId, work);
        waiting.add(call);
        leader.lock();
        try {
            if (!call.settled()) {
                together.accept(drain());
            }
        } finally {
            leader.unlock();
        }
        return call.outcome(alone);
    }

    /** How many calls wait for a commit now; for tests that arrange a batch. */
    int waitingCalls() {
        return waiting.size();
    }

    private List<Call<?>> drain() {
        List<Call<?>> batch = new ArrayList<>();
        for (Call<?> c; batch.size() < MAX_CALLS && (c = waiting.poll()) != null; ) {
            batch.add(c);
        }
        return batch;
    }

    /** One caller's work and, once its commit is decided, what came of it. */
    static final class Call<T> {
        private final String worldId;
        private final Function<DSLContext, T> work;
        private volatile boolean settled;
        private T result;
        private RuntimeException failure;
        private boolean runAlone;

        Call(String worldId, Function<DSLContext, T> work) {
            this.worldId = worldId;
            this.work = work;
        }

        String worldId() {
            return worldId;
        }

        T run(DSLContext dsl) {
            return work.apply(dsl);
        }

        @SuppressWarnings("unchecked")
        void succeeded(Object value) {
            result = (T) value;
            settled = true;
        }

        void failed(RuntimeException why) {
            failure = why;
            settled = true;
        }

        /** It met a world another transaction holds: its caller runs it again, alone. */
        void runAlone() {
            runAlone = true;
            settled = true;
        }

        boolean settled() {
            return settled;
        }

        /** Read by the caller after the leader lock passed, which orders it after the leader's writes. */
        private T outcome(Supplier<T> alone) {
            if (runAlone) {
                return alone.get();
            }
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
