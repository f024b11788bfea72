package io.cardshark.worlds.folder;

import io.cardshark.worlds.InvalidInputException;

import java.nio.file.Path;

/**
 * A world folder the importer refuses, or an export target it will not overwrite. The message names the
 * folder, the file relative to it, the position (line, line and column, or a JSON pointer), what was
 * expected and what was found (format spec §10.3).
 */
public class FolderFormatException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final transient Path folder;
    /** The file relative to the folder, or {@code null} when the folder itself is at fault. */
    private final String file;

    /**
     * Reports a folder the importer refuses, or an export target it will not overwrite.
     *
     * @param worldId the world concerned (the folder's name on import)
     * @param folder  the world folder concerned
     * @param file    the file relative to the folder, or {@code null} when the folder itself is at fault
     * @param message what was expected and what was found, naming the folder, the file and the position
     */
    public FolderFormatException(String worldId, Path folder, String file, String message) {
        super(worldId, message);
        this.folder = folder;
        this.file = file;
    }

    /**
     * The world folder concerned. Not serialised: a {@link Path} is not serialisable.
     *
     * @return the folder, or {@code null} in a deserialised copy
     */
    public Path folder() {
        return folder;
    }

    /**
     * The file at fault.
     *
     * @return the file relative to the folder, such as {@code chats/hall_chat.jsonl}, or {@code null} when
     *         the folder itself is at fault
     */
    public String file() {
        return file;
    }
}
