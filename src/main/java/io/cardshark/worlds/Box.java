package io.cardshark.worlds;

/**
 * An inclusive box of grid positions, for listing the connected locations in a region
 * ({@link Locations#within}).
 *
 * @param min the corner with the smallest x, y and z, included
 * @param max the corner with the largest x, y and z, included
 */
public record Box(Coordinates min, Coordinates max) {

    /**
     * Checks the corners.
     *
     * @param min the corner with the smallest x, y and z, included
     * @param max the corner with the largest x, y and z, included
     * @throws InvalidInputException when a corner is {@code null} or {@code min} exceeds {@code max} along an
     *                               axis
     */
    public Box {
        if (min == null || max == null) {
            throw new InvalidInputException(null, "box: min and max must be set");
        }
        if (min.x() > max.x() || min.y() > max.y() || min.z() > max.z()) {
            throw new InvalidInputException(null, "box: min " + min + " must not exceed max " + max);
        }
    }

    /**
     * The box between two corners.
     *
     * @param min the corner with the smallest x, y and z, included
     * @param max the corner with the largest x, y and z, included
     * @return the box
     * @throws InvalidInputException when a corner is {@code null} or {@code min} exceeds {@code max} along an
     *                               axis
     */
    public static Box of(Coordinates min, Coordinates max) {
        return new Box(min, max);
    }
}
