package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.ErrorCode;
import io.cardshark.worlds.WorldStoreException;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A file system failure during an import or export, as the store's own exception ({@link ErrorCode#IO_FAILURE}):
 * callers of the public API catch {@link WorldStoreException}, never a raw {@code UncheckedIOException}.
 */
final class IoFailure {

    private IoFailure() {
    }

    /**
     * {@code world W: export to DIR failed: /x/y: the file already exists}. NIO's messages are often just
     * a path, so the kind of failure is named too.
     */
    static WorldStoreException of(String worldId, String what, Path where, IOException e) {
        return new WorldStoreException(ErrorCode.IO_FAILURE, worldId, (worldId == null ? "" : "world " + worldId + ": ")
                + what + " " + where + " failed: " + describe(e), e);
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replaceAll("Exception$", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String detail = f.getReason() == null ? "" : " (" + f.getReason() + ")";
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + kind + detail;
        }
        return kind + ": " + e.getMessage();
    }
}
