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
 * A failed save keeps the changes and reports the failure ({@link SessionStats#lastFailure()}); nothing is
 * dropped.
 *
 * <p>What a {@code kill -9} can lose: the non-significant changes of the last interval that had not been
 * saved yet. What it cannot: anything saved, and any significant change whose call returned.
 *
 * <p>Reads see the session's own unsaved changes. Thread-safe; one per world (see {@link WorldSessions}).
 * After it is closed, or its store is, every change is refused.
 */
public interface WorldSession extends AutoCloseable {

    String worldId();

    /** The player enters a position (current position and visit history). */
    void move(Coordinates to);

    void updatePlayer(PlayerState state);

    void putLocation(Location location);

    /** Appends a chat message, saving it (and whatever waited) before it returns the stored message. */
    ChatMessage appendMessage(String chatId, NewMessage message);

    void recordEvent(NewEvent event);

    void rename(String displayName);

    /**
     * The current position, the session's latest move included; empty when the world's stored position is not
     * {@code x,y,z} coordinates (a world imported with a position naming a location by another key).
     */
    Optional<Coordinates> position();

    /** The visit history, unsaved moves included. */
    List<Visit> visits();

    PlayerState player();

    Optional<Location> location(String locationId);

    /** Saves every change made so far; returns after the commit. @throws io.cardshark.worlds.WorldStoreException when it fails */
    void flush();

    SessionStats stats();

    /** Saves what is pending and closes the session; the world can be opened again afterwards. */
    @Override
    void close();
}
