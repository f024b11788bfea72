package io.cardshark.worlds.session;

import io.cardshark.worlds.ChatMessage;
import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.NewEvent;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.PlayerState;
import io.cardshark.worlds.Visit;

import java.util.List;
import java.util.Optional;

/**
 * A game's view of one world while it is played: changes are collected in memory and saved together in
 * one transaction, so a game can change the world many times a second without a commit each time.
 *
 * <p>When changes are saved: at most one autosave per interval, counted from the first unsaved change; at
 * once for significant changes ({@link SessionConfig#flushAtOnce()}: by default entering a location and an
 * event), whose call returns only after the commit; always at once for a chat message, whose call returns
 * the stored message; on {@link #flush()}; on {@link #close()}; on the store's close; and on JVM shutdown.
 * A failed save keeps the changes and reports the failure ({@link SessionStats#lastFailure()}), and the next
 * interval tries again; nothing is dropped while the session is open.
 *
 * <p>A change is checked when it is saved, not when it is made: a call refuses only a missing argument
 * ({@link io.cardshark.worlds.InvalidInputException}) at once. The store's own checks run in the save. A
 * change they refuse for what it is (an event id the world has, a location without a required field, a chat
 * that does not exist) is dropped, and the session's other changes are saved without it: a significant
 * change's call throws that refusal itself; for any other change it is logged and counted
 * ({@link SessionStats#refusedChanges()}, {@link SessionStats#lastRefusal()}). A save that fails for the
 * store's sake (a full disk, a closed store) drops nothing.
 *
 * <p>What a {@code kill -9} can lose: the non-significant changes of the last interval that had not been
 * saved yet. What it cannot: anything saved, and any significant change whose call returned.
 *
 * <p>Reads see the session's own unsaved changes. Thread-safe; one per world (see {@link WorldSessions}).
 * After it is closed, or its store is, every change is refused with
 * {@link io.cardshark.worlds.StoreUnavailableException}.
 */
public interface WorldSession extends AutoCloseable {

    /**
     * The world this session plays.
     *
     * @return the world's id
     */
    String worldId();

    /**
     * The player enters a position (current position and visit history). Significant by default: the call
     * then returns after the save.
     *
     * @param to the position entered; it need not hold a location
     * @throws io.cardshark.worlds.WorldStoreException when the move is significant and its save fails
     */
    void move(Coordinates to);

    /**
     * Replaces the player's stats. Not significant by default: saved with the next autosave.
     *
     * @param state the new stats
     * @throws io.cardshark.worlds.WorldStoreException when player changes are made significant and the save
     *                                                 fails
     */
    void updatePlayer(PlayerState state);

    /**
     * Adds or replaces a location, as {@link io.cardshark.worlds.Locations#put} does when it is saved. Not
     * significant by default.
     *
     * @param location the location as it is to be stored
     * @throws io.cardshark.worlds.WorldStoreException when location changes are made significant and the save
     *                                                 fails
     */
    void putLocation(Location location);

    /**
     * Appends a chat message, saving it (and whatever waited) before it returns the stored message.
     *
     * @param chatId  the chat to append to, which must exist by the time of the save
     * @param message the message; its id and time are made by the store when it names none
     * @return the stored message, with its sequence number
     * @throws io.cardshark.worlds.NotFoundException   when the chat does not exist
     * @throws io.cardshark.worlds.WorldStoreException when the save fails
     */
    ChatMessage appendMessage(String chatId, NewMessage message);

    /**
     * Records an event, as {@link io.cardshark.worlds.Events#record} does when it is saved. Significant by
     * default: the call then returns after the save.
     *
     * @param event what happened
     * @throws io.cardshark.worlds.WorldStoreException when the event is significant and its save fails, for
     *                                                 instance because the world has an event with its id
     */
    void recordEvent(NewEvent event);

    /**
     * Changes the world's display name, as {@link io.cardshark.worlds.Worlds#rename(String, String)} does when
     * it is saved. Not significant by default.
     *
     * @param displayName the new name people see
     * @throws io.cardshark.worlds.WorldStoreException when metadata changes are made significant and the save
     *                                                 fails
     */
    void rename(String displayName);

    /**
     * The current position, the session's latest move included.
     *
     * @return the position; empty when there is no unsaved move and the world's stored position is not
     *         {@code x,y,z} coordinates (a world imported with a position naming a location by another key)
     */
    Optional<Coordinates> position();

    /**
     * The visit history, unsaved moves included.
     *
     * @return every visit, oldest first
     */
    List<Visit> visits();

    /**
     * The player's stats, the session's latest update included.
     *
     * @return the stats
     */
    PlayerState player();

    /**
     * A location of the world, the session's latest unsaved version of it included.
     *
     * @param locationId the location's id within the world
     * @return the location, or empty when the world has none with that id
     */
    Optional<Location> location(String locationId);

    /**
     * Saves every change made so far; returns after the commit. Sessions of other worlds with changes waiting
     * are saved in the same transaction.
     *
     * @throws io.cardshark.worlds.WorldStoreException when the save of this session's changes fails; they stay
     *                                                 pending
     */
    void flush();

    /**
     * What the session has done, and whether its last save failed.
     *
     * @return the figures as of now
     */
    SessionStats stats();

    /**
     * Saves what is pending and closes the session; the world can be opened again afterwards. A no-op on a
     * closed session.
     *
     * @throws io.cardshark.worlds.WorldStoreException when the save fails: the session stays open with its
     *                                                 changes, so that closing again can save them
     */
    @Override
    void close();
}
