package io.cardshark.worlds;

/**
 * A way out of a location ({@code ExitDefinition}), keyed by its direction.
 *
 * @param locked {@code null} reads as {@code false}
 */
public record Exit(String direction, String targetCoordinates, String targetLocationId, String name,
                   String description, Boolean locked, String keyItemId) {

    /** An unlocked exit with a name and a target. */
    public static Exit to(String direction, String name, Coordinates target) {
        return new Exit(direction, target.key(), null, name, null, false, null);
    }

    /** Whether the exit is locked; absent and {@code null} mean no. */
    public boolean isLocked() {
        return Boolean.TRUE.equals(locked);
    }
}
