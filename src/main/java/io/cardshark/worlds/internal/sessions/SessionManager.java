package io.cardshark.worlds.internal.sessions;

import io.cardshark.worlds.StoreUnavailableException;
import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.TransactionConsumer;
import io.cardshark.worlds.WorldOperations;
import io.cardshark.worlds.WorldTransaction;
import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.session.ChangeKind;
import io.cardshark.worlds.session.SessionConfig;
import io.cardshark.worlds.session.SessionTimer;
import io.cardshark.worlds.session.WorldSession;
import io.cardshark.worlds.session.WorldSessions;
import io.cardshark.worlds.WorldStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The sessions of one store. Every flush goes through one lock and saves, in one transaction, every
 * session that has changes waiting: writers that arrive while a commit runs are saved together by the
 * next one (group commit), and no flush overlaps another.
 */
public final class SessionManager implements WorldSessions {

    private static final Logger log = LoggerFactory.getLogger(SessionManager.class);
    static final String ACTIVE_WORLD = "active.world";
    /** Setting under which a world's session figures are kept after each save. */
    static final String STATS_PREFIX = "session.stats.";

    private final WorldOperations store;
    private final Consumer<TransactionConsumer> transactions;
    private final SessionConfig config;
    private final SessionTimer timer;
    private final ReentrantLock flushLock = new ReentrantLock();
    private final Map<String, LiveSession> open = new LinkedHashMap<>();
    private boolean closed;

    /**
     * The sessions of one store: {@code store} answers calls in transactions of their own, {@code transactions}
     * runs work in one transaction. The store makes exactly one and closes it on its own close.
     */
    public SessionManager(WorldOperations store, Consumer<TransactionConsumer> transactions, SessionConfig config) {
        this.store = store;
        this.transactions = transactions;
        this.config = config;
        this.timer = config.timer();
    }

    WorldOperations store() {
        return store;
    }

    SessionConfig config() {
        return config;
    }

    @Override
    public synchronized WorldSession open(String worldId) {
        WorldIds.requireValidId(worldId);
        if (closed) {
            throw new StoreUnavailableException(worldId, "the store is closed; sessions cannot open");
        }
        LiveSession existing = open.get(worldId);
        if (existing != null) {
            return existing;
        }
        store.worlds().get(worldId);
        LiveSession session = new LiveSession(this, worldId);
        open.put(worldId, session);
        log.info("world {}: session opened", worldId);
        return session;
    }

    @Override
    public WorldSession activate(String worldId) {
        WorldIds.requireValidId(worldId);
        store.worlds().get(worldId);
        Optional<String> previous = activeWorld();
        if (previous.isPresent() && !previous.get().equals(worldId)) {
            LiveSession old;
            synchronized (this) {
                old = open.get(previous.get());
            }
            if (old != null) {
                old.close();
            }
        }
        store.settings().put(ACTIVE_WORLD, worldId);
        log.info("world {}: now the active world", worldId);
        return open(worldId);
    }

    @Override
    public Optional<String> activeWorld() {
        return store.settings().get(ACTIVE_WORLD);
    }

    @Override
    public Optional<String> lastSavedFigures(String worldId) {
        WorldIds.requireValidId(worldId);
        return store.settings().get(STATS_PREFIX + worldId);
    }

    @Override
    public void flushAll() {
        flushTogether(null, -1);
    }

    @Override
    public void closeAll() {
        List<LiveSession> sessions;
        synchronized (this) {
            closed = true;
            sessions = new ArrayList<>(open.values());
        }
        RuntimeException first = null;
        for (LiveSession s : sessions) {
            try {
                s.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    synchronized void closed(LiveSession session) {
        open.remove(session.worldId(), session);
    }

    SessionTimer.Scheduled scheduleAutosave(LiveSession session) {
        return timer.schedule(() -> {
            session.autosaveFired();
            try {
                flushTogether(null, -1);
            } catch (WorldStoreException e) {
                // Reported through each session's stats; the changes stay and the next interval retries.
                log.warn("autosave failed: {}", e.getMessage());
            }
        }, config.autosaveInterval());
    }

    /** Saves until {@code session}'s change {@code seq} is committed; others waiting are saved with it. */
    void flushUpTo(LiveSession session, long seq) {
        if (seq < 0 || session.isSavedUpTo(seq)) {
            return;
        }
        flushTogether(session, seq);
    }

    /** Reads that combine the store with unsaved changes must not see a flush half done. */
    <T> T read(Supplier<T> reading) {
        flushLock.lock();
        try {
            return reading.get();
        } finally {
            flushLock.unlock();
        }
    }

    private void flushTogether(LiveSession waiting, long seq) {
        flushLock.lock();
        try {
            if (waiting != null && waiting.isSavedUpTo(seq)) {
                return;
            }
            List<LiveSession> dirty;
            synchronized (this) {
                dirty = new ArrayList<>();
                for (LiveSession s : open.values()) {
                    if (s.hasPending()) {
                        dirty.add(s);
                    }
                }
                if (waiting != null && waiting.hasPending() && !dirty.contains(waiting)) {
                    dirty.add(waiting);
                }
            }
            if (dirty.isEmpty()) {
                return;
            }
            Map<LiveSession, List<LiveSession.Change>> batch = new LinkedHashMap<>();
            for (LiveSession s : dirty) {
                batch.put(s, s.snapshot());
                s.flushing();
            }
            try {
                commit(batch);
            } catch (RuntimeException groupFailure) {
                if (batch.size() == 1) {
                    throw groupFailure;
                }
                // One session's bad change must not hold the others back: save each on its own.
                RuntimeException mine = null;
                for (Map.Entry<LiveSession, List<LiveSession.Change>> e : batch.entrySet()) {
                    try {
                        commit(Map.of(e.getKey(), e.getValue()));
                    } catch (RuntimeException failure) {
                        if (e.getKey() == waiting) {
                            mine = failure;
                        }
                    }
                }
                if (mine != null) {
                    throw mine;
                }
            }
        } finally {
            flushLock.unlock();
        }
    }

    /** One transaction for the batch; on failure every session in it keeps its changes and hears why. */
    private void commit(Map<LiveSession, List<LiveSession.Change>> batch) {
        Map<LiveSession.Change, Object> results = new LinkedHashMap<>();
        try {
            Instant at = timer.now();
            transactions.accept(tx -> batch.forEach((s, changes) -> {
                apply(tx, s, changes, results);
                // Kept with the changes, so another process (the CLI's status) can show them.
                tx.settings().put(STATS_PREFIX + s.worldId(), s.statsAfterSaving(changes.size(), at).describe());
            }));
        } catch (RuntimeException e) {
            batch.keySet().forEach(s -> s.failed(e));
            log.warn("flush of {} session(s) failed, changes kept: {}", batch.size(), e.getMessage());
            throw e;
        }
        // Only now, with the transaction committed, do callers waiting for a result get it.
        results.forEach((change, result) -> change.result().complete(result));
        Instant now = timer.now();
        batch.forEach((s, changes) -> {
            if (!changes.isEmpty()) {
                s.saved(changes.get(changes.size() - 1).seq(), now);
            }
        });
    }

    /** Applies a session's changes in order; a run of consecutive moves is saved as one batch of visits. */
    private static void apply(WorldTransaction tx, LiveSession s, List<LiveSession.Change> changes,
                              Map<LiveSession.Change, Object> results) {
        List<Coordinates> moves = new ArrayList<>();
        for (LiveSession.Change c : changes) {
            if (c.kind() == ChangeKind.MOVE) {
                moves.add((Coordinates) c.value());
                continue;
            }
            if (!moves.isEmpty()) {
                tx.players().moveAll(s.worldId(), moves);
                moves.clear();
            }
            results.put(c, c.apply().apply(tx));
        }
        if (!moves.isEmpty()) {
            tx.players().moveAll(s.worldId(), moves);
        }
    }
}
