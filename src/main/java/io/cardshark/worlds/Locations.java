package io.cardshark.worlds;

import java.util.List;
import java.util.Optional;

/**
 * The locations of worlds, their exits, NPCs and event definitions. Reach it through
 * {@link WorldOperations#locations()}.
 *
 * <p>A connected location sits on the grid at its {@link Location#coordinates()}, at most one per position;
 * an unconnected (lore) location has no coordinates until {@link #connect} places it. Every call that names a
 * world fails with {@link NotFoundException} when the world does not exist; the failures every call can meet
 * are listed in the {@linkplain io.cardshark.worlds package summary}.
 */
public interface Locations {

    /**
     * Adds a location, or replaces the one with the same {@code locationId}, with its exits, NPCs and event
     * definitions. A replaced location that stays on (or off) the grid keeps its place in the world's order
     * and its key in {@code world_state.json}; keys the store does not know, kept from an import, survive, and
     * only the fields whose value changes are rewritten, so an export still matches what was imported.
     *
     * @param worldId  the world the location belongs to
     * @param location the location as it is to be stored
     * @return the location as stored
     * @throws NotFoundException      when there is no such world
     * @throws AlreadyExistsException when another location already sits at its coordinates
     * @throws InvalidInputException  when a required field is missing (an unconnected location needs a
     *                                {@link Location#loreSource()}), a text is too long, two exits share a
     *                                direction, or the location id or background is not path-safe
     */
    Location put(String worldId, Location location);

    /**
     * The location with this id.
     *
     * @param worldId    the world's id
     * @param locationId the location's id within the world
     * @return the location, with its exits, NPCs and event definitions
     * @throws NotFoundException when the world or the location does not exist
     */
    Location get(String worldId, String locationId);

    /**
     * The location with this id, if the world has one.
     *
     * @param worldId    the world's id
     * @param locationId the location's id within the world
     * @return the location, or empty when the world has none with that id
     * @throws NotFoundException when there is no such world
     */
    Optional<Location> find(String worldId, String locationId);

    /**
     * The location at a grid position: the connected one there, if any.
     *
     * @param worldId     the world's id
     * @param coordinates the grid position
     * @return the location, or empty when none sits there
     * @throws NotFoundException when there is no such world
     */
    Optional<Location> at(String worldId, Coordinates coordinates);

    /**
     * Every location of the world, connected ones first, each group in its stored order. Exits, NPCs and
     * events come with them in four queries, however many locations there are.
     *
     * @param worldId the world's id
     * @return the locations; empty when the world has none
     * @throws NotFoundException when there is no such world
     */
    List<Location> list(String worldId);

    /**
     * The connected locations inside a box, in stored order.
     *
     * @param worldId the world's id
     * @param box     the region, bounds included
     * @return the locations inside it; empty when there are none
     * @throws NotFoundException when there is no such world
     */
    List<Location> within(String worldId, Box box);

    /**
     * The unconnected (lore) locations, in stored order.
     *
     * @param worldId the world's id
     * @return the unconnected locations; empty when the world has none
     * @throws NotFoundException when there is no such world
     */
    List<Location> unconnected(String worldId);

    /**
     * Places an unconnected location on the grid; it keeps everything else it had.
     *
     * @param worldId     the world's id
     * @param locationId  the unconnected location to place
     * @param coordinates where it is to sit
     * @return the location, now connected
     * @throws NotFoundException      when the world or the location does not exist
     * @throws AlreadyExistsException when the position is taken
     * @throws InvalidInputException  when the location is already connected
     */
    Location connect(String worldId, String locationId, Coordinates coordinates);

    /**
     * Removes a location with its exits, NPCs and event definitions. Exits of other locations that lead to it,
     * and the chats and recorded events that name it, stay as they are: the format allows references to no
     * location.
     *
     * @param worldId    the world's id
     * @param locationId the location to remove
     * @throws NotFoundException when the world or the location does not exist
     */
    void remove(String worldId, String locationId);

    /**
     * Every world and location where an NPC appears, across all worlds, ordered by world then location.
     *
     * @param npcRef the NPC as locations name it: a character card path ({@code characters/Elara Voss.png})
     *               or id, compared exactly
     * @return where it appears; empty when no location names it
     * @throws InvalidInputException when {@code npcRef} is blank
     */
    List<NpcAppearance> whereNpcAppears(String npcRef);
}
