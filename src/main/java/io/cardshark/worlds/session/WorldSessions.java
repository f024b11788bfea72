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

    /**
     * The session of a world, opened now or already open.
     *
     * @param worldId the world to play
     * @return the world's session; the caller may close it, and the store's close does
     * @throws io.cardshark.worlds.NotFoundException         when there is no such world
     * @throws io.cardshark.worlds.StoreUnavailableException when the store is closed
     */
    WorldSession open(String worldId);

    /**
     * Makes a world the active one, across restarts: the previous active world's session is flushed and
     * closed first, then the store records the new active world, then its session opens. A crash in between
     * leaves the old or the new world active, each with everything flushed so far.
     *
     * @param worldId the world to make active
     * @return the world's session
     * @throws io.cardshark.worlds.NotFoundException   when there is no such world
     * @throws io.cardshark.worlds.WorldStoreException when the previous world's session cannot save; the active
     *                                                 world then stays as it was
     */
    WorldSession activate(String worldId);

    /**
     * The active world, as the store remembers it.
     *
     * @return the world's id, or empty when no world was ever activated
     */
    Optional<String> activeWorld();

    /**
     * A world's session figures as of its last save ({@link SessionStats#describe()}), kept in the store so
     * another process can read them.
     *
     * @param worldId the world's id
     * @return the figures, or empty when no session has saved the world
     */
    Optional<String> lastSavedFigures(String worldId);

    /**
     * Flushes every open session in one transaction (one commit for all). When that save fails, each session
     * is saved on its own, so one session's refused change does not hold the others back; a session that still
     * fails keeps its changes and reports why in its {@link SessionStats#lastFailure()}.
     *
     * @throws io.cardshark.worlds.WorldStoreException when only one session had changes waiting and its save
     *                                                 failed
     */
    void flushAll();

    /**
     * Flushes and closes every open session; the store calls it when it closes. After it, no session opens.
     *
     * @throws io.cardshark.worlds.WorldStoreException the first failure of a session's last save, once every
     *                                                 session has been closed
     */
    void closeAll();
}
