package io.cardshark.worlds;

/**
 * The player's stats; CardShark's defaults are 100, 100, 1 and 0.
 *
 * @param health     the player's health
 * @param stamina    the player's stamina
 * @param level      the player's level
 * @param experience the player's experience points
 */
public record PlayerState(long health, long stamina, long level, long experience) {

    /** CardShark's defaults: health 100, stamina 100, level 1, experience 0; what a new world's player has. */
    public static final PlayerState DEFAULT = new PlayerState(100, 100, 1, 0);
}
