package io.cardshark.worlds;

/**
 * A file kept with a world (an image, a card, anything), described without its bytes.
 *
 * @param worldId the world it belongs to
 * @param path    its relative path in the world folder ({@code images/backgrounds/hall.png})
 * @param size    its length in bytes
 * @param sha256  the SHA-256 of its bytes, 64 lower-case hex digits
 */
public record WorldFile(String worldId, String path, long size, String sha256) {
}
