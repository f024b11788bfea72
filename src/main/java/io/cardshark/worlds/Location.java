package io.cardshark.worlds;

import java.util.List;

/**
 * A place in a world. A location with {@link #coordinates()} sits on the grid ({@code locations} in
 * world_state.json); one without is unconnected lore ({@code unconnected_locations}), which
 * {@link Locations#connect} can later place on the grid. Start from {@link #at} or {@link #unconnected} and
 * add what it has with the {@code with...} methods:
 *
 * <pre>{@code
 * Location.at(Coordinates.of(0, 0, 0), "gate", "Gatehouse", "A portcullis rusted half open.")
 *         .withIntroduction("Rain drums on the roof.")
 *         .withExits(List.of(Exit.to("north", "Courtyard arch", Coordinates.of(0, 1, 0))))
 *         .withNpcs(List.of("characters/Brann.png"))
 * }</pre>
 *
 * @param locationId   its id within the world, a path-safe name
 * @param name         what it is called
 * @param description  what it is like
 * @param coordinates  where it sits on the grid, or {@code null} for an unconnected location
 * @param introduction what a player entering it reads first, or {@code null}
 * @param zoneId       the zone it belongs to, or {@code null}
 * @param roomType     its kind of room, or {@code null}
 * @param notes        the world builder's notes, or {@code null}
 * @param background   the file name of its background image ({@code images/backgrounds/}), or {@code null}
 * @param loreSource   where its lore comes from; required for an unconnected location
 * @param connected    {@code null} reads as {@code true}; only {@code false} marks it unconnected in CardShark
 * @param exits        by direction, in order
 * @param npcs         character card paths or ids, in order
 * @param events       inline event definitions, in order
 */
public record Location(String locationId, String name, String description, Coordinates coordinates,
                       String introduction, String zoneId, String roomType, String notes, String background,
                       String loreSource, Boolean connected, List<Exit> exits, List<String> npcs,
                       List<EventDefinition> events) {

    /**
     * Makes a location; the lists are copied, and {@code null} for a list means none. Nothing else is checked
     * here: {@link Locations#put} validates what it stores.
     *
     * @param locationId   its id within the world, a path-safe name
     * @param name         what it is called
     * @param description  what it is like
     * @param coordinates  where it sits on the grid, or {@code null} for an unconnected location
     * @param introduction what a player entering it reads first, or {@code null}
     * @param zoneId       the zone it belongs to, or {@code null}
     * @param roomType     its kind of room, or {@code null}
     * @param notes        the world builder's notes, or {@code null}
     * @param background   the file name of its background image, or {@code null}
     * @param loreSource   where its lore comes from, or {@code null}; required for an unconnected location
     * @param connected    {@code null} reads as {@code true}
     * @param exits        by direction, in order, or {@code null} for none
     * @param npcs         character card paths or ids, in order, or {@code null} for none
     * @param events       inline event definitions, in order, or {@code null} for none
     */
    public Location {
        exits = exits == null ? List.of() : List.copyOf(exits);
        npcs = npcs == null ? List.of() : List.copyOf(npcs);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * A connected location with only the required fields set.
     *
     * @param coordinates where it sits on the grid
     * @param locationId  its id within the world, a path-safe name
     * @param name        what it is called
     * @param description what it is like
     * @return the location, marked connected, without exits, NPCs or events
     */
    public static Location at(Coordinates coordinates, String locationId, String name, String description) {
        return new Location(locationId, name, description, coordinates, null, null, null, null, null, null,
                true, List.of(), List.of(), List.of());
    }

    /**
     * An unconnected (lore) location, off the grid until {@link Locations#connect} places it.
     *
     * @param locationId  its id within the world, a path-safe name
     * @param name        what it is called
     * @param description what it is like
     * @param loreSource  where its lore comes from; required for an unconnected location
     * @return the location, without exits, NPCs or events
     */
    public static Location unconnected(String locationId, String name, String description, String loreSource) {
        return new Location(locationId, name, description, null, null, null, null, null, null, loreSource,
                null, List.of(), List.of(), List.of());
    }

    /**
     * Whether it sits on the grid.
     *
     * @return {@code true} when it has coordinates
     */
    public boolean isOnGrid() {
        return coordinates != null;
    }

    /**
     * This location with another name.
     *
     * @param newName what it is called
     * @return a copy with the new name
     */
    public Location withName(String newName) {
        return new Location(locationId, newName, description, coordinates, introduction, zoneId, roomType, notes,
                background, loreSource, connected, exits, npcs, events);
    }

    /**
     * This location with another description.
     *
     * @param newDescription what it is like
     * @return a copy with the new description
     */
    public Location withDescription(String newDescription) {
        return new Location(locationId, name, newDescription, coordinates, introduction, zoneId, roomType, notes,
                background, loreSource, connected, exits, npcs, events);
    }

    /**
     * This location at other coordinates (or, {@code null}, off the grid).
     *
     * @param newCoordinates where it is to sit, or {@code null}
     * @return a copy at the new coordinates
     */
    public Location withCoordinates(Coordinates newCoordinates) {
        return new Location(locationId, name, description, newCoordinates, introduction, zoneId, roomType, notes,
                background, loreSource, connected, exits, npcs, events);
    }

    /**
     * This location with an introduction.
     *
     * @param newIntroduction what a player entering it reads first, or {@code null} for none
     * @return a copy with the new introduction
     */
    public Location withIntroduction(String newIntroduction) {
        return new Location(locationId, name, description, coordinates, newIntroduction, zoneId, roomType, notes,
                background, loreSource, connected, exits, npcs, events);
    }

    /**
     * This location in a zone.
     *
     * @param newZoneId the zone it belongs to, or {@code null} for none
     * @return a copy with the new zone
     */
    public Location withZone(String newZoneId) {
        return new Location(locationId, name, description, coordinates, introduction, newZoneId, roomType, notes,
                background, loreSource, connected, exits, npcs, events);
    }

    /**
     * This location with a room type.
     *
     * @param newRoomType its kind of room, or {@code null} for none
     * @return a copy with the new room type
     */
    public Location withRoomType(String newRoomType) {
        return new Location(locationId, name, description, coordinates, introduction, zoneId, newRoomType, notes,
                background, loreSource, connected, exits, npcs, events);
    }

    /**
     * This location with the world builder's notes.
     *
     * @param newNotes the notes, or {@code null} for none
     * @return a copy with the new notes
     */
    public Location withNotes(String newNotes) {
        return new Location(locationId, name, description, coordinates, introduction, zoneId, roomType, newNotes,
                background, loreSource, connected, exits, npcs, events);
    }

    /**
     * This location with a background image.
     *
     * @param newBackground the image's file name, a path-safe name (the file itself is stored with
     *                      {@link WorldFiles#put}), or {@code null} for none
     * @return a copy with the new background
     */
    public Location withBackground(String newBackground) {
        return new Location(locationId, name, description, coordinates, introduction, zoneId, roomType, notes,
                newBackground, loreSource, connected, exits, npcs, events);
    }

    /**
     * This location with a lore source.
     *
     * @param newLoreSource where its lore comes from, or {@code null} for none, which {@link Locations#put}
     *                      refuses for an unconnected location
     * @return a copy with the new lore source
     */
    public Location withLoreSource(String newLoreSource) {
        return new Location(locationId, name, description, coordinates, introduction, zoneId, roomType, notes,
                background, newLoreSource, connected, exits, npcs, events);
    }

    /**
     * This location with other exits, replacing all it had.
     *
     * @param newExits the exits in order, one per direction, or {@code null} for none
     * @return a copy with the new exits
     */
    public Location withExits(List<Exit> newExits) {
        return new Location(locationId, name, description, coordinates, introduction, zoneId, roomType, notes,
                background, loreSource, connected, newExits, npcs, events);
    }

    /**
     * This location with other NPCs, replacing all it had.
     *
     * @param newNpcs character card paths or ids, in order, or {@code null} for none
     * @return a copy with the new NPCs
     */
    public Location withNpcs(List<String> newNpcs) {
        return new Location(locationId, name, description, coordinates, introduction, zoneId, roomType, notes,
                background, loreSource, connected, exits, newNpcs, events);
    }

    /**
     * This location with other event definitions, replacing all it had.
     *
     * @param newEvents the definitions in order, or {@code null} for none
     * @return a copy with the new definitions
     */
    public Location withEvents(List<EventDefinition> newEvents) {
        return new Location(locationId, name, description, coordinates, introduction, zoneId, roomType, notes,
                background, loreSource, connected, exits, npcs, newEvents);
    }
}
