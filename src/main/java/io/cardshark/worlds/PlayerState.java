package io.cardshark.worlds;

/** The player's stats; CardShark's defaults are 100, 100, 1 and 0. */
public record PlayerState(long health, long stamina, long level, long experience) {
    public static final PlayerState DEFAULT = new PlayerState(100, 100, 1, 0);
}
