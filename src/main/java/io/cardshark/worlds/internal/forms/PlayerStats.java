package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;

/**
 * The state's {@code player} object: the four integers the store's {@code PlayerState} has, taken from the
 * source where it has them (number tokens kept as written) and CardShark's defaults otherwise (health 100,
 * stamina 100, level 1, experience 0; format §3.2). A non-integer stat is refused with its position.
 * Inventories and other player data have no column and stay in the original files.
 */
final class PlayerStats {

    private PlayerStats() {
    }

    /** Reads {@code health}, {@code stamina}, {@code level} and {@code experience} of a player object (or absent). */
    static JsonObject of(Node player) {
        return of(player.get("health"), player.get("stamina"), player.get("level"), player.get("experience"));
    }

    /** Each stat from its node, or the default when the node is {@code null}, absent or JSON null. */
    static JsonObject of(Node health, Node stamina, Node level, Node experience) {
        return JsonObject.builder()
                .put("health", stat(health, 100))
                .put("stamina", stat(stamina, 100))
                .put("level", stat(level, 1))
                .put("experience", stat(experience, 0))
                .build();
    }

    private static JsonNumber stat(Node node, long fallback) {
        return node == null ? JsonNumber.of(fallback) : node.integerOr(JsonNumber.of(fallback));
    }
}
