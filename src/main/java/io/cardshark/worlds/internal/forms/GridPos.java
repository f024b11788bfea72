package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonNumber;

/**
 * A room's place on CardShark's 2-D map. The store's locations are 3-D; CardShark's own conversion
 * (6e443fa {@code save_world_state_api}) puts a room at {@code (x, y)} under the key {@code "x,y,0"} with
 * coordinates {@code [x, y, 0]}, and so does every converter here.
 */
record GridPos(long x, long y) {

    /** Reads {@code {x, y}} (or any object with integer x and y); {@code null} when the node is absent or null. */
    static GridPos of(Node xy) {
        if (xy.isNullOrAbsent()) {
            return null;
        }
        xy.object();
        return of(xy.get("x"), xy.get("y"));
    }

    /** Reads two integer nodes; {@code null} when both are absent or null, refused when only one is. */
    static GridPos of(Node x, Node y) {
        if (x.isNullOrAbsent() && y.isNullOrAbsent()) {
            return null;
        }
        return new GridPos(x.integer().longValueExact(), y.integer().longValueExact());
    }

    /** The location key, {@code "x,y,0"}. */
    String key() {
        return x + "," + y + ",0";
    }

    JsonArray coordinates() {
        return JsonArray.of(JsonNumber.of(x), JsonNumber.of(y), JsonNumber.of(0));
    }

    GridPos step(long dx, long dy) {
        return new GridPos(x + dx, y + dy);
    }

    @Override
    public String toString() {
        return "(" + x + ", " + y + ")";
    }
}
