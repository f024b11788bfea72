package io.cardshark.worlds;

/** A file kept with a world (an image, a card, anything), described without its bytes. */
public record WorldFile(String worldId, String path, long size, String sha256) {
}
