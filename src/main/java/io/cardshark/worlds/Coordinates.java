package io.cardshark.worlds;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A grid position. Its text form {@code "x,y,z"} is the key of a connected location in
 * {@code world_state.json} and the value of {@code current_position}.
 */
public record Coordinates(int x, int y, int z) {

    private static final Pattern KEY = Pattern.compile("(-?\\d+),(-?\\d+),(-?\\d+)");

    public static Coordinates of(int x, int y, int z) {
        return new Coordinates(x, y, z);
    }

    /**
     * Reads a key of the form {@code -?\d+,-?\d+,-?\d+}; empty for any other text or when a number does
     * not fit an {@code int} (such keys are kept, but not placed on the grid).
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

    /** The key form, {@code "x,y,z"}. */
    public String key() {
        return x + "," + y + "," + z;
    }

    /** The neighbour one step away. */
    public Coordinates plus(int dx, int dy, int dz) {
        return new Coordinates(Math.addExact(x, dx), Math.addExact(y, dy), Math.addExact(z, dz));
    }

    @Override
    public String toString() {
        return key();
    }
}
