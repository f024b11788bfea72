package io.cardshark.worlds;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A grid position. Its text form {@code "x,y,z"} is the key of a connected location in
 * {@code world_state.json} and the value of {@code current_position}. The store gives the axes no compass
 * meaning: which way north lies is the world's own convention, carried by its exits.
 *
 * @param x position along the x axis
 * @param y position along the y axis
 * @param z position along the z axis
 */
public record Coordinates(int x, int y, int z) {

    private static final Pattern KEY = Pattern.compile("(-?\\d+),(-?\\d+),(-?\\d+)");

    /**
     * A grid position.
     *
     * @param x position along the x axis
     * @param y position along the y axis
     * @param z position along the z axis
     * @return the coordinates
     */
    public static Coordinates of(int x, int y, int z) {
        return new Coordinates(x, y, z);
    }

    /**
     * Reads a key of the form {@code -?\d+,-?\d+,-?\d+}, without spaces.
     *
     * @param key the text, such as {@code "0,1,-2"}; may be {@code null}
     * @return the coordinates; empty for {@code null}, any other text, or when a number does not fit an
     *         {@code int} (such keys are kept, but not placed on the grid)
     */
    public static Optional<Coordinates> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Coordinates(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /**
     * The key form.
     *
     * @return {@code "x,y,z"}, as {@link #parse} reads it
     */
    public String key() {
        return x + "," + y + "," + z;
    }

    /**
     * A neighbour: the position {@code dx}, {@code dy}, {@code dz} away.
     *
     * @param dx steps along x
     * @param dy steps along y
     * @param dz steps along z
     * @return the neighbour's coordinates
     * @throws ArithmeticException when a coordinate would overflow an {@code int}
     */
    public Coordinates plus(int dx, int dy, int dz) {
        return new Coordinates(Math.addExact(x, dx), Math.addExact(y, dy), Math.addExact(z, dz));
    }

    @Override
    public String toString() {
        return key();
    }
}
