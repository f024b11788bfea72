package io.cardshark.worlds;

import java.time.Instant;
import java.util.Optional;

/**
 * A world's own row: everything but its locations, chats, events and files.
 *
 * @param id              the folder name and key of the world
 * @param displayName     the name people see (format §2)
 * @param shape           the world_state.json shape it came in, or {@link WorldShape#H} when created here
 * @param formatVersion   the state's {@code version}, {@code "1.0"} when absent
 * @param positionKey     where the player is, as the world folder writes it: a location key, normally
 *                        {@code x,y,z} ({@link #position()} reads it as coordinates)
 * @param baseCharacterId the character card the world was made from, or {@code null}
 * @param createdAt       when the store first held the world
 * @param modifiedAt      when the world last changed
 * @param rowVersion      grows by one with each change; pass it back to detect concurrent changes
 */
public record World(String id, String displayName, WorldShape shape, String formatVersion,
                    String positionKey, String baseCharacterId, Instant createdAt, Instant modifiedAt,
                    long rowVersion) {

    /**
     * Where the player is.
     *
     * @return the position as coordinates; empty when {@link #positionKey()} is not {@code x,y,z} coordinates
     */
    public Optional<Coordinates> position() {
        return Coordinates.parse(positionKey);
    }
}
