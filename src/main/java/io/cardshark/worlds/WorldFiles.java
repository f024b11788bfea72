package io.cardshark.worlds;

import java.util.List;
import java.util.Optional;

/**
 * Images and any other files of a world, by relative path ({@code images/backgrounds/hall.png}): what a
 * world folder holds besides the documents the store keeps in tables. Each file is kept whole with its size
 * and SHA-256. Reach it through {@link WorldOperations#files()}; the failures every call can meet are listed
 * in the {@linkplain io.cardshark.worlds package summary}.
 */
public interface WorldFiles {

    /**
     * Stores bytes at a relative path, replacing what was there.
     *
     * @param worldId the world's id
     * @param path    where the file goes in the world folder: {@code /}-separated path-safe names
     * @param content the bytes, at most 256 MiB
     * @return the stored file's description
     * @throws NotFoundException     when there is no such world
     * @throws InvalidInputException for a path that is not relative or has an unsafe segment, for more than
     *         256 MiB, for a path the folder format reserves ({@code world_state.json}, {@code metadata.json},
     *         {@code chats/*.json(l)}, {@code events/*.json}, a path beneath one of them, the folders
     *         {@code chats}, {@code events}, {@code images}, {@code images/backgrounds}, {@code images/objects},
     *         a backup name, a {@code .tmp} segment), or for a path that would be a file and a folder at once
     *         ({@code a} beside {@code a/b})
     */
    WorldFile put(String worldId, String path, byte[] content);

    /**
     * The bytes of a file, read whole.
     *
     * @param worldId the world's id
     * @param path    the file's relative path
     * @return the file's content
     * @throws NotFoundException when the world does not exist or has no file at that path
     */
    byte[] get(String worldId, String path);

    /**
     * A file's size and digest, without its bytes.
     *
     * @param worldId the world's id
     * @param path    the file's relative path
     * @return the description, or empty when the world has no file at that path
     * @throws NotFoundException when the world does not exist
     */
    Optional<WorldFile> describe(String worldId, String path);

    /**
     * Every file of the world, without their bytes.
     *
     * @param worldId the world's id
     * @return the files, ordered by path; empty when the world has none
     * @throws NotFoundException when there is no such world
     */
    List<WorldFile> list(String worldId);

    /**
     * Deletes a file.
     *
     * @param worldId the world's id
     * @param path    the file's relative path
     * @throws NotFoundException when the world does not exist or has no file at that path
     */
    void delete(String worldId, String path);
}
