package io.cardshark.worlds;

/** An inclusive box of grid positions, for listing the connected locations in a region. */
public record Box(Coordinates min, Coordinates max) {
    public Box {
        if (min == null || max == null) {
            throw new InvalidInputException(null, "box: min and max must be set");
        }
        if (min.x() > max.x() || min.y() > max.y() || min.z() > max.z()) {
            throw new InvalidInputException(null, "box: min " + min + " must not exceed max " + max);
        }
    }

    public static Box of(Coordinates min, Coordinates max) {
        return new Box(min, max);
    }
}
