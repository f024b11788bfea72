package io.cardshark.worlds;

import java.time.Instant;

/**
 * One line of the world list ({@link Worlds#list()}): cheap to read for thousands of worlds.
 *
 * @param id           the world's id, its folder name
 * @param displayName  the name people see
 * @param shape        the {@code world_state.json} shape the world came in, {@link WorldShape#H} when created here
 * @param modifiedAt   when the store last changed the world
 * @param lastModified the metadata's {@code last_modified} (epoch seconds), or {@code null}; the state's
 *                     {@code metadata} wins over {@code metadata.json}
 * @param locations    how many locations the world has, connected and unconnected
 * @param chats        how many chats the world has
 */
public record WorldSummary(String id, String displayName, WorldShape shape, Instant modifiedAt,
                           Long lastModified, int locations, int chats) {
}
