package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.folder.FolderFormatException;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the bytes being read came from: a file, an entry of an archive, and the part of it (a PNG chunk), so
 * that every refusal tells the user which file of which archive is damaged and where.
 *
 * @param worldId the world's id when already known, else {@code null}
 * @param path    the file on disk (a PNG, a ZIP archive, a {@code world_state.json})
 * @param entry   the archive entry, or {@code null} for the file itself
 * @param part    the part inside the file or entry ({@code chunk 1 (tEXt "chara") at offset 33}), or {@code null}
 */
public record Origin(String worldId, Path path, String entry, String part) {

    public Origin {
        Objects.requireNonNull(path, "path");
    }

    /** A file on disk, read as a whole. */
    public static Origin file(Path path) {
        return new Origin(null, path, null, null);
    }

    /** One entry of this archive. */
    public Origin entry(String name) {
        return new Origin(worldId, path, name, null);
    }

    /** A part of this file or entry. */
    public Origin part(String description) {
        return new Origin(worldId, path, entry, description);
    }

    /** The same place, for the world with this id. */
    public Origin world(String id) {
        return new Origin(id, path, entry, part);
    }

    /** The file name a user knows the source by: the entry's, else the file's. */
    public String fileName() {
        String name = entry != null ? entry : String.valueOf(path.getFileName());
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** {@code /x/world.zip entry rooms/a.png chunk 1 (tEXt "chara") at offset 33}. */
    public String describe() {
        StringBuilder s = new StringBuilder(path.toString());
        if (entry != null) {
            s.append(" entry ").append(entry);
        }
        if (part != null) {
            s.append(' ').append(part);
        }
        return s.toString();
    }

    /** A refusal whose message starts with {@link #describe()}. */
    public FolderFormatException refuse(String detail) {
        return refuse(detail, null);
    }

    /**
     * A refusal at a JSON pointer inside this file, in the style of format §10.3:
     * {@code /x/world.zip entry world_state.json at /rooms/0/id: expected a string, found null}.
     */
    public FolderFormatException refuseAt(String pointer, String detail) {
        return build(describe() + " at " + (pointer.isEmpty() ? "the top" : pointer) + ": " + detail, null);
    }

    public FolderFormatException refuse(String detail, Throwable cause) {
        return build(describe() + ": " + detail, cause);
    }

    private FolderFormatException build(String message, Throwable cause) {
        Path folder = entry != null ? path : path.getParent();
        String file = entry != null ? entry : String.valueOf(path.getFileName());
        FolderFormatException e = new FolderFormatException(worldId, folder, file, message);
        if (cause != null) {
            e.addSuppressed(cause); // the public exception has no cause constructor; keep the low-level error visible
        }
        return e;
    }
}
