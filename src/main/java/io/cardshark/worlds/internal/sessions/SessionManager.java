package io.cardshark.worlds.internal.sessions;

import io.cardshark.worlds.AlreadyExistsException;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.NotFoundException;
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
                s.closeNow();
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
                // One session's failure must not hold the others back: save each on its own.
                RuntimeException mine = null;
                RuntimeException first = null;
                for (Map.Entry<LiveSession, List<LiveSession.Change>> e : batch.entrySet()) {
                    try {
                        commit(Map.of(e.getKey(), e.getValue()));
                    } catch (RuntimeException failure) {
                        first = first == null ? failure : first;
                        mine = e.getKey() == waiting ? failure : mine;
                    }
                }
                // A flush for one session fails only with that session's failure; flushAll with any.
                RuntimeException reported = waiting != null ? mine : first;
                if (reported != null) {
                    throw reported;
                }
            }
        } finally {
            flushLock.unlock();
        }
    }

    /**
     * Saves the batch in one transaction. A change the store refuses for what it is is dropped from its
     * session, and the rest saved without it; on any other failure every session keeps its changes and hears
     * why.
     */
    private void commit(Map<LiveSession, List<LiveSession.Change>> batch) {
        Map<LiveSession, List<LiveSession.Change>> saving = new LinkedHashMap<>(batch);
        while (true) {
            try {
                commitOnce(saving);
                return;
            } catch (Refused refused) {
                log.warn("world {}: {} change(s) refused and dropped, the others saved: {}",
                        refused.session.worldId(), refused.changes.size(), refused.getCause().getMessage());
                refused.session.refused(refused.changes, (RuntimeException) refused.getCause());
                List<LiveSession.Change> left = new ArrayList<>(saving.get(refused.session));
                left.removeAll(refused.changes);
                saving.put(refused.session, left);
            }
        }
    }

    private void commitOnce(Map<LiveSession, List<LiveSession.Change>> batch) {
        Map<LiveSession.Change, Object> results = new LinkedHashMap<>();
        try {
            Instant at = timer.now();
            transactions.accept(tx -> batch.forEach((s, changes) -> {
                apply(tx, s, changes, results);
                // Kept with the changes, so another process (the CLI's status) can show them.
                tx.settings().put(STATS_PREFIX + s.worldId(), s.statsAfterSaving(changes.size(), at).describe());
            }));
        } catch (Refused refused) {
            throw refused;
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
        List<LiveSession.Change> moves = new ArrayList<>();
        for (LiveSession.Change c : changes) {
            if (c.kind() == ChangeKind.MOVE) {
                moves.add(c);
                continue;
            }
            saveMoves(tx, s, moves);
            try {
                results.put(c, c.apply().apply(tx));
            } catch (RuntimeException e) {
                throw Refused.orNot(e, s, List.of(c));
            }
        }
        saveMoves(tx, s, moves);
    }

    private static void saveMoves(WorldTransaction tx, LiveSession s, List<LiveSession.Change> moves) {
        if (moves.isEmpty()) {
            return;
        }
        try {
            tx.players().moveAll(s.worldId(), moves.stream().map(c -> (Coordinates) c.value()).toList());
        } catch (RuntimeException e) {
            throw Refused.orNot(e, s, List.copyOf(moves));
        }
        moves.clear();
    }

    /**
     * Changes the store refused for what they are (bad input, a missing chat, an id already taken), not for
     * the store's condition: saving them again could never succeed, so they are dropped rather than kept.
     */
    private static final class Refused extends RuntimeException {
        final transient LiveSession session;
        final transient List<LiveSession.Change> changes;

        private Refused(LiveSession session, List<LiveSession.Change> changes, RuntimeException why) {
            super(why.getMessage(), why, false, false);
            this.session = session;
            this.changes = changes;
        }

        static RuntimeException orNot(RuntimeException e, LiveSession session, List<LiveSession.Change> changes) {
            boolean refusal = e instanceof InvalidInputException || e instanceof NotFoundException
                    || e instanceof AlreadyExistsException;
            return refusal ? new Refused(session, changes, e) : e;
        }
    }
}
