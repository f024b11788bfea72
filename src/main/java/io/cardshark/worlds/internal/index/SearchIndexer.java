package io.cardshark.worlds.internal.index;

import io.cardshark.worlds.internal.engine.Engine;
import io.cardshark.worlds.ConcurrentUpdateException;
import io.cardshark.worlds.SearchIndexStatus;
import io.cardshark.worlds.internal.doc.ChatDocuments;
import io.cardshark.worlds.internal.engine.StoreEngine;
import io.cardshark.worlds.internal.rows.ImportRows;
import io.cardshark.worlds.internal.rows.SearchRows;
import io.cardshark.worlds.internal.search.MergePolicy;
import io.cardshark.worlds.internal.search.PostingList;
import io.cardshark.worlds.internal.search.SearchPostings;
import io.cardshark.worlds.internal.search.SegmentBuilder;
import io.cardshark.worlds.internal.search.SegmentSeries;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import static io.cardshark.worlds.internal.db.Tables.CHAT;
import static io.cardshark.worlds.internal.db.Tables.SEARCH_SEGMENT;

/**
 * Keeps the search index compact: moves pending messages into segments once {@value MergePolicy#BASE} are
 * waiting, and merges segments as {@link MergePolicy} says, each step one transaction of its own. It runs on one
 * daemon thread of the store that owns the file (not in a read-only or attached store, nor in one opened with
 * {@code backgroundIndexing(false)}), woken after writes and every few seconds (another process may have
 * written through the inspection server). Its work is never needed for a search to be right, only for it to be
 * fast: a search reads pending messages too. A step that fails is rolled back, logged, and tried again later.
 * Its transactions do not wait for a sync at {@code POWER_LOSS}: a step lost in a power cut leaves the index as
 * it was before the step, which is whole. Closing the store stops the indexer between two steps, or rolls back
 * the step under way (a merge of large segments) at its next word.
 */
public final class SearchIndexer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    /** The indexer's thread's name, as thread dumps and the benchmarks' CPU figures find it. */
    public static final String THREAD_NAME = "cardshark-worlds-search-indexer";
    /** Most pending messages one step moves into a segment: bounds the heap a step needs. */
    static final int MOST_PER_FLUSH = MergePolicy.LARGEST;
    /** Pending messages a flush reads in one statement. */
    static final int READ_AT_ONCE = 1_024;
    private static final long IDLE_MILLIS = 5_000;
    private static final long COALESCE_MILLIS = 100;
    private static final long RETRY_MILLIS = 30_000;
    private static final long LARGE_WRITE_POLL_MILLIS = 50;

    private final StoreEngine engine;
    private final Thread thread;
    private final Object signal = new Object();
    /** Held by each step, so that this thread and {@link #catchUpNow} take turns. */
    private final Lock steps = new ReentrantLock();
    private boolean nudged = true;
    /** Whether the thread waits for a nudge (not pausing between two looks): only then does a nudge wake it. */
    private boolean idle;
    private volatile boolean closed;

    private SearchIndexer(StoreEngine engine) {
        this.engine = engine;
        this.thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
    }

    /** Starts the indexer of a store this process owns and may write, woken by its every write. */
    public static SearchIndexer start(StoreEngine engine) {
        SearchIndexer indexer = new SearchIndexer(engine);
        engine.afterEveryWrite(indexer::nudge);
        indexer.thread.start();
        return indexer;
    }

    /** Asks the indexer to look for work soon. */
    public void nudge() {
        synchronized (signal) {
            nudged = true;
            // Every commit nudges: waking the thread in its pause each time would cost the writer a switch.
            if (idle || closed) {
                signal.notifyAll();
            }
        }
    }

    private void run() {
        while (awaitNudge()) {
            try {
                catchUp(false);
                // Writes nudge it after every commit: look again only after a while.
                pause(COALESCE_MILLIS);
            } catch (Stopped stopped) {
                return;
            } catch (Yielded yielded) {
                // A large write began: the step rolled back; the next waits for the write to end.
                nudge();
            } catch (ConcurrentUpdateException another) {
                // Another process (a command line attached to this store) runs a step: it does the work.
                log.debug("store at {}: the search index is being updated elsewhere", engine.config().dataDir());
                pause(IDLE_MILLIS);
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                log.warn("store at {}: the search indexer failed and tries again in {} s: {}",
                        engine.config().dataDir(), RETRY_MILLIS / 1000, e.getMessage());
                pause(RETRY_MILLIS);
            }
        }
    }

    /** Waits for a nudge or the idle period; false once closed. */
    private boolean awaitNudge() {
        synchronized (signal) {
            if (!nudged && !closed) {
                idle = true;
                try {
                    signal.wait(IDLE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } finally {
                    idle = false;
                }
            }
            nudged = false;
            return !closed;
        }
    }

    private void pause(long millis) {
        synchronized (signal) {
            try {
                long until = System.currentTimeMillis() + millis;
                while (!closed && System.currentTimeMillis() < until) {
                    signal.wait(Math.max(1, until - System.currentTimeMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int catchUp(boolean everything) {
        return catchUp(engine, everything, this::awaitStep, this::stopOrYield, steps);
    }

    /**
     * {@link #catchUp(StoreEngine, boolean, Runnable, Runnable, Lock)} of everything pending, on the calling
     * thread, taking turns with the indexer's thread step by step (a large merge takes longer than H2's lock
     * timeout, so the two must not meet at the database's lock).
     */
    public int catchUpNow() {
        Runnable none = () -> {
        };
        return catchUp(engine, true, none, none, steps);
    }

    /**
     * Before a step of the background indexer: stops if the store is closing, and waits while a large write
     * (a branch) is under way ({@link StoreEngine#largeWriteUnderWay}), which would otherwise share the CPU
     * with the step. Its commit nudges the indexer.
     */
    private void awaitStep() {
        synchronized (signal) {
            while (!closed && engine.largeWriteUnderWay()) {
                try {
                    signal.wait(LARGE_WRITE_POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        stopIfClosed();
    }

    /** Inside a step of the background indexer: stops if the store is closing, yields to a large write. */
    private void stopOrYield() {
        stopIfClosed();
        if (engine.largeWriteUnderWay()) {
            throw new Yielded();
        }
    }

    /**
     * Runs steps on the calling thread until none is due: flushes while {@value MergePolicy#BASE} messages are
     * pending (with {@code everything}, while any is), then merges while a tier is full, each step holding
     * {@code turns}. {@code beforeStep} runs before each step; {@code stop} inside one (every thousand messages
     * of a flush, between the words of a merge), and either stops the work by throwing. Returns how many steps
     * ran.
     */
    public static int catchUp(StoreEngine engine, boolean everything, Runnable beforeStep, Runnable stop, Lock turns) {
        int steps = 0;
        while (inTurn(turns, () -> flush(engine, everything ? 1 : MergePolicy.BASE, beforeStep, stop)
                || merge(engine, beforeStep, stop))) {
            steps++;
        }
        return steps;
    }

    private static boolean inTurn(Lock turns, java.util.function.BooleanSupplier step) {
        turns.lock();
        try {
            return step.getAsBoolean();
        } finally {
            turns.unlock();
        }
    }

    /**
     * Moves up to {@link #MOST_PER_FLUSH} pending messages (fewer when they reach {@link MergePolicy#MOST_POSTINGS}
     * postings) into a new segment, if {@code least} are waiting, and their chats' marks past them. The messages
     * are read {@link #READ_AT_ONCE} at a time: long ones take kilobytes each.
     */
    private static boolean flush(StoreEngine engine, int least, Runnable beforeStep, Runnable stop) {
        beforeStep.run();
        return engine.transaction(null, tx -> {
            DSLContext dsl = tx.dsl();
            if (IndexReader.pendingCount(dsl) < least) {
                return false;
            }
            SearchRows.beginStep(dsl);
            // Read under the lock: another step may just have taken the ones counted.
            SegmentBuilder segment = new SegmentBuilder();
            Map<IndexReader.PendingRange, Long> reached = new LinkedHashMap<>();
            int budget = MOST_PER_FLUSH;
            for (IndexReader.PendingRange range : IndexReader.pendingRanges(dsl)) {
                if (budget == 0 || segment.postings() >= MergePolicy.MOST_POSTINGS) {
                    break;
                }
                budget -= take(dsl, range, budget, segment, reached, stop);
            }
            stop.run();
            if (segment.messages() > 0) {
                SearchRows.insertSegment(dsl, SegmentSeries.segment(segment, Engine.of(dsl).wordOrder()));
            }
            reached.forEach((range, indexed) -> SearchRows.indexed(dsl, range.worldKey(), range.chatKey(), indexed));
            return !reached.isEmpty();
        });
    }

    /**
     * Adds a chat's pending messages to {@code segment}, read {@link #READ_AT_ONCE} at a time, until they end, the
     * {@code budget} is spent or the segment reaches {@link MergePolicy#MOST_POSTINGS} (at the message that
     * reaches it); records in {@code reached} the chat's mark past them. Returns how many it added.
     */
    private static int take(DSLContext dsl, IndexReader.PendingRange range, int budget, SegmentBuilder segment,
                            Map<IndexReader.PendingRange, Long> reached, Runnable stop) {
        int taken = 0;
        long next = range.indexed();
        while (taken < budget && segment.postings() < MergePolicy.MOST_POSTINGS) {
            // Until the step writes, it may stop (the store closes) or yield (the background indexer to a large
            // write): reading the messages is most of its work, and rolling it back costs nothing.
            stop.run();
            int asked = Math.min(budget - taken, READ_AT_ONCE);
            List<IndexReader.PendingMessage> messages = IndexReader.pending(dsl,
                    new IndexReader.PendingRange(range.worldKey(), range.chatKey(), next, range.messages()), asked);
            for (IndexReader.PendingMessage m : messages) {
                if (segment.postings() >= MergePolicy.MOST_POSTINGS) {
                    break;
                }
                segment.add(m.chatKey(), m.seq(), ChatDocuments.messageContent(m.document()));
                taken++;
                next = m.seq() + 1;
            }
            if (messages.size() < asked) {
                break;
            }
        }
        if (taken > 0) {
            reached.put(range, next);
        }
        return taken;
    }

    /** Merges the segments {@link MergePolicy#nextMerge} names, if any; their deleted messages are dropped. */
    private static boolean merge(StoreEngine engine, Runnable beforeStep, Runnable stop) {
        beforeStep.run();
        return engine.transaction(null, tx -> {
            DSLContext dsl = tx.dsl();
            if (MergePolicy.nextMerge(segments(dsl)).isEmpty()) {
                return false;
            }
            // Looked at before the lock, so that a step with nothing to do writes nothing; read again under it.
            SearchRows.beginStep(dsl);
            List<MergePolicy.Segment> segments = segments(dsl);
            List<Long> ids = MergePolicy.nextMerge(segments);
            if (ids.isEmpty()) {
                return false;
            }
            long messages = segments.stream().filter(s -> ids.contains(s.id())).mapToLong(MergePolicy.Segment::messages).sum();
            PostingList.Keep live = liveMessages(dsl);
            // Built in memory, encoded, and written at the end: pages this transaction changes are written again
            // by every commit of the store's writers until it commits (H2 writes all changed pages at a commit).
            Map<String, List<SearchPostings.Part>> merged = new LinkedHashMap<>();
            new SegmentMerge(dsl, ids, live, stop).run((word, list) -> merged.put(word, SearchPostings.encode(list)));
            try (SearchRows.SegmentWriter out = SearchRows.segment(dsl, messages)) {
                merged.forEach(out::add);
                out.finish();
            }
            SearchRows.deleteSegments(dsl, ids);
            return true;
        });
    }

    /** The state of the index, with the steps a call ran. */
    public static SearchIndexStatus status(StoreEngine engine, int steps) {
        return engine.transaction(null, tx -> {
            DSLContext dsl = tx.dsl();
            var totals = dsl.select(DSL.count(), DSL.coalesce(DSL.sum(SEARCH_SEGMENT.POSTINGS), java.math.BigDecimal.ZERO))
                    .from(SEARCH_SEGMENT).fetchOne();
            return new SearchIndexStatus(IndexReader.pendingCount(dsl), totals.value1(), totals.value2().longValue(),
                    steps);
        });
    }

    private static List<MergePolicy.Segment> segments(DSLContext dsl) {
        return dsl.select(SEARCH_SEGMENT.SEGMENT_ID, SEARCH_SEGMENT.MESSAGES, SEARCH_SEGMENT.POSTINGS).from(SEARCH_SEGMENT)
                .orderBy(SEARCH_SEGMENT.SEGMENT_ID).fetch(r -> new MergePolicy.Segment(r.value1(), r.value2(), r.value3()));
    }

    /**
     * The messages in the store now: those of a chat that is there, below its count. A chat of an import still
     * under way has its count only at its end (schema V11), so every message of it is live until then.
     */
    static PostingList.Keep liveMessages(DSLContext dsl) {
        Map<Long, Long> counts = new HashMap<>();
        Field<Long> count = DSL.when(ImportRows.unfinished(CHAT.WORLD_KEY), DSL.val(Long.MAX_VALUE))
                .otherwise(CHAT.MESSAGE_COUNT);
        dsl.select(CHAT.CHAT_KEY, count).from(CHAT).fetch().forEach(r -> counts.put(r.value1(), r.value2()));
        return (chatKey, seq) -> seq < counts.getOrDefault(chatKey, 0L);
    }

    private void stopIfClosed() {
        if (closed) {
            throw new Stopped();
        }
    }

    /** Stops the indexer, waiting for the step under way to commit or roll back. */
    @Override
    public void close() {
        closed = true;
        nudge();
        if (Thread.currentThread() != thread) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Thrown inside a step of the background indexer when a large write begins: the step rolls back. */
    private static final class Yielded extends RuntimeException {
        Yielded() {
            super("a large write is under way", null, false, false);
        }
    }

    /** Thrown inside a step when the store closes: the step rolls back. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("the store is closing", null, false, false);
        }
    }
}
