package io.cardshark.worlds;

import java.util.List;
import java.util.Optional;

/** The locations of worlds, their exits, NPCs and event definitions. */
public interface Locations {

    /**
     * Adds a location, or replaces the one with the same {@code locationId}. Keys the store does not know,
     * kept from an import, survive a replace.
     *
     * @throws AlreadyExistsException when another location already sits at its coordinates
     * @throws InvalidInputException  when a required field is missing or an id is not path-safe
     */
    Location put(String worldId, Location location);

    /** @throws NotFoundException when the world or the location does not exist */
    Location get(String worldId, String locationId);

    Optional<Location> find(String worldId, String locationId);

    /** The connected location at a grid position. */
    Optional<Location> at(String worldId, Coordinates coordinates);

    /** Every location of the world, connected ones first, each group in its stored order. */
    List<Location> list(String worldId);

    /** The connected locations inside a box, in stored order. */
    List<Location> within(String worldId, Box box);

    /** The unconnected (lore) locations, in stored order. */
    List<Location> unconnected(String worldId);

    /**
     * Places an unconnected location on the grid.
     *
     * @throws AlreadyExistsException when the position is taken
     * @throws InvalidInputException  when the location is already connected
     */
    Location connect(String worldId, String locationId, Coordinates coordinates);

    /** Removes a location with its exits, NPCs and event definitions. */
    void remove(String worldId, String locationId);

    /** Every world and location where an NPC (a card path or id) appears, across all worlds. */
    List<NpcAppearance> whereNpcAppears(String npcRef);
}
