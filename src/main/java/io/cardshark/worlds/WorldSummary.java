package io.cardshark.worlds;

import java.time.Instant;

/**
 * One line of the world list: cheap to read for thousands of worlds.
 *
 * @param lastModified the metadata's {@code last_modified} (epoch seconds), or {@code null}
 */
public record WorldSummary(String id, String displayName, WorldShape shape, Instant modifiedAt,
                           Long lastModified, int locations, int chats) {
}
