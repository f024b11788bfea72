package io.cardshark.worlds.internal.forms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exits of a {@code .cardshark.zip} world, which stores none: CardShark derives them from the grid
 * (dfdeec8 {@code frontend/src/utils/localMapUtils.ts deriveExitsFromWorld}). A room has an exit to each
 * occupied 4-neighbour cell, in the order north ({@code y - 1}), south ({@code y + 1}), east ({@code x + 1}),
 * west ({@code x - 1}), on the grid {@code useWorldLoader.ts} builds: only cells with {@code 0 <= x < width}
 * and {@code 0 <= y < height}, a later placement on a cell hiding an earlier one.
 */
final class GridExits {

    private static final String[] DIRECTIONS = {"north", "south", "east", "west"};
    private static final long[][] STEPS = {{0, -1}, {0, 1}, {1, 0}, {-1, 0}};

    private GridExits() {
    }

    /** The rooms with their exits set; rooms off the grid get none, with a warning. */
    static List<RoomDraft> derive(List<RoomDraft> rooms, long width, long height, List<String> warnings) {
        Map<GridPos, RoomDraft> grid = new HashMap<>();
        for (RoomDraft room : rooms) {
            GridPos p = room.position();
            if (p != null && p.x() >= 0 && p.x() < width && p.y() >= 0 && p.y() < height) {
                grid.put(p, room);
            } else if (p != null) {
                warnings.add(room.label() + " at " + p + " is outside the " + width + "x" + height
                        + " grid, where CardShark's map does not show it; it has no exits");
            }
        }
        List<RoomDraft> withExits = new ArrayList<>(rooms.size());
        for (RoomDraft room : rooms) {
            withExits.add(grid.get(room.position()) == room ? room.withExits(neighbours(room.position(), grid)) : room);
        }
        return withExits;
    }

    private static Map<String, String> neighbours(GridPos p, Map<GridPos, RoomDraft> grid) {
        Map<String, String> exits = new LinkedHashMap<>();
        for (int i = 0; i < DIRECTIONS.length; i++) {
            RoomDraft next = grid.get(p.step(STEPS[i][0], STEPS[i][1]));
            if (next != null) {
                exits.put(DIRECTIONS[i], next.id());
            }
        }
        return exits;
    }
}
