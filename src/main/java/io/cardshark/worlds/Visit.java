package io.cardshark.worlds;

import java.util.Optional;

/**
 * One entry of the visit history: the {@code seq}-th position the player entered.
 *
 * @param seq         its place in the history, from 0
 * @param positionKey the position as the world folder writes it, normally {@code x,y,z}
 */
public record Visit(int seq, String positionKey) {

    /**
     * A visit of a grid position.
     *
     * @param seq its place in the history, from 0
     * @param at  the position entered
     * @return the visit, its position in key form
     */
    public static Visit of(int seq, Coordinates at) {
        return new Visit(seq, at.key());
    }

    /**
     * The position as coordinates.
     *
     * @return the coordinates; empty when {@link #positionKey()} is not {@code x,y,z}
     */
    public Optional<Coordinates> position() {
        return Coordinates.parse(positionKey);
    }
}
