package io.cardshark.worlds;

import java.util.List;
import java.util.Optional;

/** Images and any other files of a world, by relative path ({@code images/backgrounds/hall.png}). */
public interface WorldFiles {

    /**
     * Stores bytes at a relative path, replacing what was there.
     *
     * @throws InvalidInputException for a path the folder format reserves ({@code world_state.json},
     *         {@code metadata.json}, {@code chats/*.json(l)}, {@code events/*.json}, a path beneath one of them,
     *         the folders {@code chats}, {@code events}, {@code images}, {@code images/backgrounds},
     *         {@code images/objects}, a backup name, a {@code .tmp} segment), or for a path that would be a
     *         file and a folder at once ({@code a} beside {@code a/b})
     */
    WorldFile put(String worldId, String path, byte[] content);

    /** @throws NotFoundException when there is no file at that path */
    byte[] get(String worldId, String path);

    Optional<WorldFile> describe(String worldId, String path);

    /** Every file of the world, by path. */
    List<WorldFile> list(String worldId);

    void delete(String worldId, String path);
}
