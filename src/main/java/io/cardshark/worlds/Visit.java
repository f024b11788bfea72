package io.cardshark.worlds;

/** One entry of the visit history: the {@code seq}-th position the player entered. */
public record Visit(int seq, String position) {
}
