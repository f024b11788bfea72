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
    private final String file;

    public FolderFormatException(String worldId, Path folder, String file, String message) {
        super(worldId, message);
        this.folder = folder;
        this.file = file;
    }

    /** The world folder concerned. */
    public Path folder() {
        return folder;
    }

    /** The file relative to the folder, or {@code null} when the folder itself is at fault. */
    public String file() {
        return file;
    }
}
