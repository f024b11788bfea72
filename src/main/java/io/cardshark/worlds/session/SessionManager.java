package io.cardshark.worlds.session;

import io.cardshark.worlds.StoreUnavailableException;
import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.WorldStore;
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
import java.util.function.Supplier;

/**
 * The sessions of one store. Every flush goes through one lock and saves, in one transaction, every
 * session that has changes waiting: writers that arrive while a commit runs are saved together by the
 * next one (group commit), and no flush overlaps another.
 */
final class SessionManager implements WorldSessions {

    private static final Logger log = LoggerFactory.getLogger(SessionManager.class);
    static final String ACTIVE_WORLD = "active.world";
    /** Setting under which a world's session figures are kept after each save. */
    static final String STATS_PREFIX = "session.stats.";

    private final WorldStore store;
    private final SessionConfig config;
    private final SessionTimer timer;
    private final ReentrantLock flushLock = new ReentrantLock();
    private final Map<String, WorldSession> open = new LinkedHashMap<>();
    private Thread shutdownHook;
    private boolean closed;

    SessionManager(WorldStore store, SessionConfig config, SessionTimer timer) {
        this.store = store;
        this.config = config;
        this.timer = timer;
    }

    WorldStore store() {
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
        WorldSession existing = open.get(worldId);
        if (existing != null) {
            return existing;
        }
        store.worlds().get(worldId);
        WorldSession session = new WorldSession(this, worldId);
        open.put(worldId, session);
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::flushOnShutdown, "cardshark-sessions-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        log.info("world {}: session opened", worldId);
        return session;
    }

    @Override
    public WorldSession activate(String worldId) {
        WorldIds.requireValidId(worldId);
        store.worlds().get(worldId);
        Optional<String> previous = activeWorld();
        if (previous.isPresent() && !previous.get().equals(worldId)) {
            WorldSession old;
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
        List<WorldSession> sessions;
        synchronized (this) {
            closed = true;
            sessions = new ArrayList<>(open.values());
        }
        RuntimeException first = null;
        for (WorldSession s : sessions) {
            try {
                s.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        synchronized (this) {
            if (shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running or about to: it finds nothing left to save.
                }
                shutdownHook = null;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    synchronized void closed(WorldSession session) {
        open.remove(session.worldId(), session);
    }

    SessionTimer.Scheduled scheduleAutosave(WorldSession session) {
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
    void flushUpTo(WorldSession session, long seq) {
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

    private void flushTogether(WorldSession waiting, long seq) {
        flushLock.lock();
        try {
            if (waiting != null && waiting.isSavedUpTo(seq)) {
                return;
            }
            List<WorldSession> dirty;
            synchronized (this) {
                dirty = new ArrayList<>();
                for (WorldSession s : open.values()) {
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
            Map<WorldSession, List<WorldSession.Change>> batch = new LinkedHashMap<>();
            for (WorldSession s : dirty) {
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
                for (Map.Entry<WorldSession, List<WorldSession.Change>> e : batch.entrySet()) {
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
    private void commit(Map<WorldSession, List<WorldSession.Change>> batch) {
        try {
            Instant at = timer.now();
            store.useTransaction(tx -> batch.forEach((s, changes) -> {
                apply(tx, s, changes);
                // Kept with the changes, so another process (the CLI's status) can show them.
                tx.settings().put(STATS_PREFIX + s.worldId(), s.statsAfterSaving(changes.size(), at).describe());
            }));
        } catch (RuntimeException e) {
            batch.keySet().forEach(s -> s.failed(e));
            log.warn("flush of {} session(s) failed, changes kept: {}", batch.size(), e.getMessage());
            throw e;
        }
        Instant now = timer.now();
        batch.forEach((s, changes) -> {
            if (!changes.isEmpty()) {
                s.saved(changes.get(changes.size() - 1).seq(), now);
            }
        });
    }

    /** Applies a session's changes in order; a run of consecutive moves is saved as one batch of visits. */
    private static void apply(io.cardshark.worlds.WorldTransaction tx, WorldSession s, List<WorldSession.Change> changes) {
        List<io.cardshark.worlds.Coordinates> moves = new ArrayList<>();
        for (WorldSession.Change c : changes) {
            if (c.kind() == ChangeKind.MOVE) {
                moves.add((io.cardshark.worlds.Coordinates) c.value());
                continue;
            }
            if (!moves.isEmpty()) {
                tx.players().moveAll(s.worldId(), moves);
                moves.clear();
            }
            c.apply().accept(tx);
        }
        if (!moves.isEmpty()) {
            tx.players().moveAll(s.worldId(), moves);
        }
    }

    private void flushOnShutdown() {
        try {
            flushTogether(null, -1);
        } catch (RuntimeException e) {
            log.error("sessions could not be saved at shutdown: {}", e.getMessage());
        }
    }
}
