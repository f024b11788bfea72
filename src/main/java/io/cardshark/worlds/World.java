package io.cardshark.worlds;

import java.time.Instant;

/**
 * A world's own row: everything but its locations, chats, events and files.
 *
 * @param id              the folder name and key of the world
 * @param displayName     the name people see (format spec §2)
 * @param shape           the world_state.json shape it came in, or {@link WorldShape#H} when created here
 * @param formatVersion   the state's {@code version}, {@code "1.0"} when absent
 * @param currentPosition where the player is, a location key such as {@code "0,0,0"}
 * @param baseCharacterId the character card the world was made from, or {@code null}
 * @param createdAt       when the store first held the world
 * @param modifiedAt      when the world last changed
 * @param rowVersion      grows by one with each change; pass it back to detect concurrent changes
 */
public record World(String id, String displayName, WorldShape shape, String formatVersion,
                    String currentPosition, String baseCharacterId, Instant createdAt, Instant modifiedAt,
                    long rowVersion) {
}
