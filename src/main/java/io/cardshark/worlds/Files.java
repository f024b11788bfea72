package io.cardshark.worlds;

import java.util.List;
import java.util.Optional;

/** Images and any other files of a world, by relative path ({@code images/backgrounds/hall.png}). */
public interface Files {

    /** Stores bytes at a relative path, replacing what was there. */
    WorldFile put(String worldId, String path, byte[] content);

    /** @throws NotFoundException when there is no file at that path */
    byte[] get(String worldId, String path);

    Optional<WorldFile> describe(String worldId, String path);

    /** Every file of the world, by path. */
    List<WorldFile> list(String worldId);

    void delete(String worldId, String path);
}
