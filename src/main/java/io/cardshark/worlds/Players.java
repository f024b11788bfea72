package io.cardshark.worlds;

import java.util.List;
import java.util.Optional;

/** The player of each world: position, visit history and stats. */
public interface Players {

    /**
     * Moves the player: sets the current position and appends it to the visit history, in one
     * transaction. The position need not hold a location (the format allows it).
     */
    void move(String worldId, Coordinates to);

    /**
     * Several moves in order, as one change: each position joins the visit history and the last becomes
     * the current position. What a session's autosave uses to save a burst of moves cheaply.
     */
    void moveAll(String worldId, List<Coordinates> path);

    /**
     * The current position ({@code 0,0,0} when the world never stored one); empty when the stored position is
     * not {@code x,y,z} coordinates (an imported world may name a location by another key; its text stays in
     * {@link World#positionKey()}).
     */
    Optional<Coordinates> position(String worldId);

    /** The visit history, oldest first. */
    List<Visit> visits(String worldId);

    /** The player's stats, with CardShark's defaults for fields the world never stored. */
    PlayerState state(String worldId);

    void update(String worldId, PlayerState state);
}
