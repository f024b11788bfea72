package io.cardshark.worlds;

import java.util.Optional;

/**
 * A way out of a location ({@code ExitDefinition}), keyed by its direction.
 *
 * <pre>{@code
 * Exit.to("north", "Courtyard arch", Coordinates.of(0, 1, 0))
 * Exit.to("down", "Cellar stairs", cellar).withDescription("Steep and wet").lockedBy("item_iron_key")
 * }</pre>
 *
 * @param direction         its key among the location's exits ({@code north}, {@code down}, ...)
 * @param targetCoordinates where it leads, as the world folder writes it (normally {@code x,y,z}; see
 *                          {@link #target()}), or {@code null}
 * @param targetLocationId  the location it leads to by id, or {@code null}
 * @param name              what it is called
 * @param description       more about it, or {@code null}
 * @param locked            whether it is locked; {@code null} reads as {@code false}
 * @param keyItemId         the item that unlocks it, or {@code null}
 */
public record Exit(String direction, String targetCoordinates, String targetLocationId, String name,
                   String description, Boolean locked, String keyItemId) {

    /**
     * An unlocked exit with a name and a grid target.
     *
     * @param direction its key among the location's exits ({@code north}, {@code down}, ...)
     * @param name      what it is called
     * @param target    where it leads on the grid
     * @return the exit, without description or key item
     */
    public static Exit to(String direction, String name, Coordinates target) {
        return new Exit(direction, target.key(), null, name, null, false, null);
    }

    /**
     * An unlocked exit with a name and a target location, by id.
     *
     * @param direction  its key among the location's exits ({@code north}, {@code down}, ...)
     * @param name       what it is called
     * @param locationId the location it leads to; it need not exist yet
     * @return the exit, without target coordinates, description or key item
     */
    public static Exit toLocation(String direction, String name, String locationId) {
        return new Exit(direction, null, locationId, name, null, false, null);
    }

    /**
     * Where the exit leads on the grid.
     *
     * @return the target coordinates; empty when it names no {@code x,y,z} coordinates
     */
    public Optional<Coordinates> target() {
        return Coordinates.parse(targetCoordinates);
    }

    /**
     * This exit with a description.
     *
     * @param newDescription more about it, or {@code null} for none
     * @return a copy with the new description
     */
    public Exit withDescription(String newDescription) {
        return new Exit(direction, targetCoordinates, targetLocationId, name, newDescription, locked, keyItemId);
    }

    /**
     * This exit, locked, opened by an item.
     *
     * @param newKeyItemId the item that unlocks it, or {@code null} for none
     * @return a locked copy
     */
    public Exit lockedBy(String newKeyItemId) {
        return new Exit(direction, targetCoordinates, targetLocationId, name, description, true, newKeyItemId);
    }

    /**
     * Whether the exit is locked.
     *
     * @return {@code true} only when {@link #locked()} is {@code true}; absent and {@code null} mean no
     */
    public boolean isLocked() {
        return Boolean.TRUE.equals(locked);
    }
}
