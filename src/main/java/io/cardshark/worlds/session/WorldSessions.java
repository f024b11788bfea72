package io.cardshark.worlds.session;

import java.util.Optional;

/**
 * Sessions on the worlds of one store, and which world is active. Reach it through
 * {@code WorldStore.sessions()}: a store has exactly one, which its close saves and closes. Thread-safe.
 *
 * <p>One session per world: opening a world that has an open session returns that same session (it is
 * shared, not duplicated), so every writer of the world goes through one buffer.
 */
public interface WorldSessions {

    /** The session of a world, opened now or already open. */
    WorldSession open(String worldId);

    /**
     * Makes a world the active one, across restarts: the previous active world's session is flushed and
     * closed first, then the store records the new active world, then its session opens. A crash in between
     * leaves the old or the new world active, each with everything flushed so far.
     */
    WorldSession activate(String worldId);

    /** The active world, as the store remembers it. */
    Optional<String> activeWorld();

    /**
     * A world's session figures as of its last save ({@link SessionStats#describe()}), kept in the store so
     * another process can read them; empty when no session has saved the world.
     */
    Optional<String> lastSavedFigures(String worldId);

    /** Flushes every open session in one transaction (one commit for all). */
    void flushAll();

    /** Flushes and closes every open session; the store calls it when it closes. */
    void closeAll();
}
