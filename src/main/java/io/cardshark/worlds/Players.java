package io.cardshark.worlds;

import java.util.List;
import java.util.Optional;

/**
 * The player of each world: position, visit history and stats. Reach it through
 * {@link WorldOperations#players()}. Every call fails with {@link NotFoundException} when the world does not
 * exist; the failures every call can meet are listed in the {@linkplain io.cardshark.worlds package summary}.
 */
public interface Players {

    /**
     * Moves the player: sets the current position and appends it to the visit history, in one
     * transaction. The position need not hold a location (the format allows it).
     *
     * @param worldId the world's id
     * @param to      the position the player enters
     * @throws NotFoundException when there is no such world
     */
    void move(String worldId, Coordinates to);

    /**
     * Several moves in order, as one change: each position joins the visit history and the last becomes
     * the current position. What a session's autosave uses to save a burst of moves cheaply.
     *
     * @param worldId the world's id
     * @param path    the positions entered, in order; at least one
     * @throws NotFoundException     when there is no such world
     * @throws InvalidInputException when the path is empty or holds {@code null}
     */
    void moveAll(String worldId, List<Coordinates> path);

    /**
     * The current position.
     *
     * @param worldId the world's id
     * @return the position, {@code 0,0,0} when the world never stored one; empty when the stored position is
     *         not {@code x,y,z} coordinates (an imported world may name a location by another key; its text
     *         stays in {@link World#positionKey()})
     * @throws NotFoundException when there is no such world
     */
    Optional<Coordinates> position(String worldId);

    /**
     * The visit history, oldest first.
     *
     * @param worldId the world's id
     * @return every visit; empty when the player never moved
     * @throws NotFoundException when there is no such world
     */
    List<Visit> visits(String worldId);

    /**
     * The player's stats.
     *
     * @param worldId the world's id
     * @return the stats, with CardShark's defaults ({@link PlayerState#DEFAULT}) for fields the world never
     *         stored
     * @throws NotFoundException when there is no such world
     */
    PlayerState state(String worldId);

    /**
     * Replaces the player's stats. Only the stats whose value changes are rewritten: the others keep their
     * exact token from an import, and keys this store does not know stay where they were.
     *
     * @param worldId the world's id
     * @param state   the new stats
     * @throws NotFoundException when there is no such world
     */
    void update(String worldId, PlayerState state);
}
