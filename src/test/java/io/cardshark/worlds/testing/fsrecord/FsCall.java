package io.cardshark.worlds.testing.fsrecord;

/**
 * One call that changed a file system, as {@link RecordingFileSystem} saw it: the absolute path it named, and
 * for a rename the new name. Reads, attribute changes and locks are not recorded: they change nothing a power
 * cut could lose.
 *
 * @param kind   what the call did
 * @param path   the path it named (the old name, for a rename)
 * @param target the new name, for a rename; otherwise null
 */
public record FsCall(Kind kind, String path, String target) {

    /** The kinds of calls. */
    public enum Kind {
        /** A new file (an entry in its folder). */
        CREATE,
        /** Data written to a file, or a file truncated: recorded once until the file is next synced. */
        WRITE,
        /** {@code FileChannel.force} on a file. */
        SYNC_FILE,
        /** {@code FileChannel.force} on a folder opened for reading: its entries reach the disk. */
        SYNC_FOLDER,
        MKDIR,
        /** A file renamed. */
        RENAME,
        /** A folder renamed, with everything in it. */
        RENAME_FOLDER,
        DELETE
    }

    @Override
    public String toString() {
        return kind + " " + path + (target == null ? "" : " -> " + target);
    }
}
