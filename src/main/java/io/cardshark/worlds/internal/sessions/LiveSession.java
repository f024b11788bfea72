package io.cardshark.worlds.internal.sessions;

import io.cardshark.worlds.ChatMessage;
import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.NewEvent;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.PlayerState;
import io.cardshark.worlds.StoreUnavailableException;
import io.cardshark.worlds.Visit;
import io.cardshark.worlds.WorldTransaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import io.cardshark.worlds.session.ChangeKind;
import io.cardshark.worlds.session.SessionStats;
import io.cardshark.worlds.session.SessionTimer;
import io.cardshark.worlds.session.WorldSession;

/** The {@link WorldSession} of one world: a buffer of changes that its {@link SessionManager} saves. */
final class LiveSession implements WorldSession {

    /** One buffered change: what to do in the flushing transaction, and where its result goes. */
    record Change(long seq, ChangeKind kind, Object value, Function<WorldTransaction, Object> apply,
                  CompletableFuture<Object> result) {
    }

    private final SessionManager manager;
    private final String worldId;
    private final Object lock = new Object();
    private final List<Change> pending = new ArrayList<>();
    private long nextSeq;
    private long savedSeq = -1;
    private SessionTimer.Scheduled autosave;
    private boolean closed;
    private long changesReceived;
    private long flushes;
    private long commits;
    private long refusedChanges;
    private Instant lastFlushAt;
    private String lastFailure;
    private String lastRefusal;

    LiveSession(SessionManager manager, String worldId) {
        this.manager = manager;
        this.worldId = worldId;
    }

    @Override
    public String worldId() {
        return worldId;
    }

    // ---- changes ---------------------------------------------------------------------------------

    @Override
    public void move(Coordinates to) {
        require(to, "move: coordinates");
        change(ChangeKind.MOVE, to, tx -> {
            tx.players().move(worldId, to);
            return null;
        });
    }

    @Override
    public void updatePlayer(PlayerState state) {
        require(state, "player");
        change(ChangeKind.PLAYER, state, tx -> {
            tx.players().update(worldId, state);
            return null;
        });
    }

    @Override
    public void putLocation(Location location) {
        require(location, "location");
        change(ChangeKind.LOCATION, location, tx -> tx.locations().put(worldId, location));
    }

    /** Always saved at once, whatever the configuration: its result is the stored message. */
    @Override
    public ChatMessage appendMessage(String chatId, NewMessage message) {
        require(chatId, "chat_id");
        require(message, "message");
        Change c = change(ChangeKind.CHAT_MESSAGE, message, tx -> tx.chats().append(worldId, chatId, message));
        manager.flushUpTo(this, c.seq());
        rethrowRefusal(c);
        return (ChatMessage) c.result().join();
    }

    @Override
    public void recordEvent(NewEvent event) {
        require(event, "event");
        change(ChangeKind.EVENT, event, tx -> tx.events().record(worldId, event));
    }

    @Override
    public void rename(String displayName) {
        require(displayName, "display name");
        change(ChangeKind.METADATA, displayName, tx -> tx.worlds().rename(worldId, displayName));
    }

    private void require(Object value, String what) {
        if (value == null) {
            throw new InvalidInputException(worldId, "world " + worldId + ": " + what + " must be set");
        }
    }

    private Change change(ChangeKind kind, Object value, Function<WorldTransaction, Object> apply) {
        Change change;
        synchronized (lock) {
            ensureOpen();
            change = new Change(nextSeq++, kind, value, apply, new CompletableFuture<>());
            pending.add(change);
            changesReceived++;
            if (autosave == null) {
                autosave = manager.scheduleAutosave(this);
            }
        }
        if (manager.config().flushAtOnce().contains(kind)) {
            manager.flushUpTo(this, change.seq());
            rethrowRefusal(change);
        }
        return change;
    }

    /** A change saved at once that the store refused: its caller hears why (the others were saved). */
    private static void rethrowRefusal(Change change) {
        if (change.result().isCompletedExceptionally()) {
            try {
                change.result().join();
            } catch (java.util.concurrent.CompletionException e) {
                throw (RuntimeException) e.getCause();
            }
        }
    }

    // ---- reads that see unsaved changes ----------------------------------------------------------

    @Override
    public Optional<Coordinates> position() {
        return manager.read(() -> {
            Coordinates latest = latest(ChangeKind.MOVE, Coordinates.class);
            return latest != null ? Optional.of(latest) : manager.store().players().position(worldId);
        });
    }

    @Override
    public List<Visit> visits() {
        return manager.read(() -> {
            List<Visit> visits = new ArrayList<>(manager.store().players().visits(worldId));
            for (Change c : snapshot()) {
                if (c.kind() == ChangeKind.MOVE) {
                    visits.add(new Visit(visits.size(), ((Coordinates) c.value()).key()));
                }
            }
            return visits;
        });
    }

    @Override
    public PlayerState player() {
        return manager.read(() -> {
            PlayerState latest = latest(ChangeKind.PLAYER, PlayerState.class);
            return latest != null ? latest : manager.store().players().state(worldId);
        });
    }

    @Override
    public Optional<Location> location(String locationId) {
        return manager.read(() -> {
            List<Change> changes = snapshot();
            for (int i = changes.size() - 1; i >= 0; i--) {
                if (changes.get(i).value() instanceof Location l && l.locationId().equals(locationId)) {
                    return Optional.of(l);
                }
            }
            return manager.store().locations().find(worldId, locationId);
        });
    }

    private <T> T latest(ChangeKind kind, Class<T> type) {
        List<Change> changes = snapshot();
        for (int i = changes.size() - 1; i >= 0; i--) {
            if (changes.get(i).kind() == kind) {
                return type.cast(changes.get(i).value());
            }
        }
        return null;
    }

    // ---- saving ---------------------------------------------------------------------------------

    @Override
    public void flush() {
        long upTo;
        synchronized (lock) {
            upTo = nextSeq - 1;
        }
        manager.flushUpTo(this, upTo);
    }

    @Override
    public SessionStats stats() {
        synchronized (lock) {
            return new SessionStats(changesReceived, flushes, commits, pending.size(), refusedChanges, lastFlushAt,
                    lastFailure, lastRefusal);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        // Saved before closing: when this save fails the session stays open with its changes, and the caller
        // may close again once the store can write.
        flush();
        closeNow();
    }

    /** Closes whatever comes of the last save: what the store's close does, as nobody could retry after it. */
    void closeNow() {
        long upTo;
        synchronized (lock) {
            if (closed) {
                return;
            }
            // Closed first: no change can slip in after the last flush has taken its snapshot.
            closed = true;
            upTo = nextSeq - 1;
        }
        try {
            manager.flushUpTo(this, upTo);
        } finally {
            synchronized (lock) {
                cancelAutosave();
            }
            manager.closed(this);
        }
    }

    // ---- called by the manager, which serialises flushes -----------------------------------------

    /** The figures as they will be once {@code saving} changes commit at {@code at}: kept in the store with them. */
    SessionStats statsAfterSaving(int saving, Instant at) {
        synchronized (lock) {
            return new SessionStats(changesReceived, flushes, commits + 1, pending.size() - saving, refusedChanges, at,
                    null, lastRefusal);
        }
    }

    List<Change> snapshot() {
        synchronized (lock) {
            return List.copyOf(pending);
        }
    }

    boolean isSavedUpTo(long seq) {
        synchronized (lock) {
            return savedSeq >= seq;
        }
    }

    boolean hasPending() {
        synchronized (lock) {
            return !pending.isEmpty();
        }
    }

    void flushing() {
        synchronized (lock) {
            flushes++;
        }
    }

    /** The changes up to {@code seq} are committed: forget them, and schedule for what came meanwhile. */
    void saved(long seq, Instant at) {
        synchronized (lock) {
            pending.removeIf(c -> c.seq() <= seq);
            savedSeq = Math.max(savedSeq, seq);
            commits++;
            lastFlushAt = at;
            lastFailure = null;
            cancelAutosave();
            if (!pending.isEmpty() && !closed) {
                autosave = manager.scheduleAutosave(this);
            }
        }
    }

    /**
     * The store refused {@code changes} for what they are (saving them again cannot help): they are dropped so
     * that the rest can be saved, and whoever waits for them hears why.
     */
    void refused(List<Change> changes, RuntimeException why) {
        synchronized (lock) {
            pending.removeAll(changes);
            refusedChanges += changes.size();
            lastRefusal = why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage();
        }
        changes.forEach(c -> c.result().completeExceptionally(why));
    }

    /** The flush failed: keep everything, say why, try again at the next interval. */
    void failed(RuntimeException e) {
        synchronized (lock) {
            lastFailure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            cancelAutosave();
            if (!closed) {
                autosave = manager.scheduleAutosave(this);
            }
        }
    }

    void autosaveFired() {
        synchronized (lock) {
            autosave = null;
        }
    }

    private void cancelAutosave() {
        if (autosave != null) {
            autosave.cancel();
            autosave = null;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreUnavailableException(worldId, "the session of world " + worldId + " is closed; open a new one");
        }
    }
}
