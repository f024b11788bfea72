package io.cardshark.worlds;

import java.util.List;

/**
 * A place in a world. A location with {@link #coordinates()} sits on the grid ({@code locations} in
 * world_state.json); one without is unconnected lore ({@code unconnected_locations}), which
 * {@link Locations#connect} can later place on the grid.
 *
 * @param connected {@code null} reads as {@code true}; only {@code false} marks it unconnected in CardShark
 * @param exits     by direction, in order
 * @param npcs      character card paths or ids, in order
 * @param events    inline event definitions, in order
 */
public record Location(String locationId, String name, String description, Coordinates coordinates,
                       String introduction, String zoneId, String roomType, String notes, String background,
                       String loreSource, Boolean connected, List<Exit> exits, List<String> npcs,
                       List<EventDefinition> events) {

    public Location {
        exits = exits == null ? List.of() : List.copyOf(exits);
        npcs = npcs == null ? List.of() : List.copyOf(npcs);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A connected location with only the required fields set. */
    public static Location at(Coordinates coordinates, String locationId, String name, String description) {
        return new Location(locationId, name, description, coordinates, null, null, null, null, null, null,
                true, List.of(), List.of(), List.of());
    }

    /** An unconnected (lore) location; {@code loreSource} is required there. */
    public static Location unconnected(String locationId, String name, String description, String loreSource) {
        return new Location(locationId, name, description, null, null, null, null, null, null, loreSource,
                null, List.of(), List.of(), List.of());
    }

    public boolean isOnGrid() {
        return coordinates != null;
    }

    public Location withExits(List<Exit> newExits) {
        return new Location(locationId, name, description, coordinates, introduction, zoneId, roomType, notes,
                background, loreSource, connected, newExits, npcs, events);
    }

    public Location withNpcs(List<String> newNpcs) {
        return new Location(locationId, name, description, coordinates, introduction, zoneId, roomType, notes,
                background, loreSource, connected, exits, newNpcs, events);
    }

    public Location withEvents(List<EventDefinition> newEvents) {
        return new Location(locationId, name, description, coordinates, introduction, zoneId, roomType, notes,
                background, loreSource, connected, exits, npcs, newEvents);
    }

    public Location withDescription(String newDescription) {
        return new Location(locationId, name, newDescription, coordinates, introduction, zoneId, roomType, notes,
                background, loreSource, connected, exits, npcs, events);
    }

    public Location withIntroduction(String newIntroduction) {
        return new Location(locationId, name, description, coordinates, newIntroduction, zoneId, roomType, notes,
                background, loreSource, connected, exits, npcs, events);
    }

    public Location withBackground(String newBackground) {
        return new Location(locationId, name, description, coordinates, introduction, zoneId, roomType, notes,
                newBackground, loreSource, connected, exits, npcs, events);
    }
}
