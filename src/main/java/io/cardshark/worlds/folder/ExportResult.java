package io.cardshark.worlds.folder;

import java.nio.file.Path;

/**
 * The report on one exported world.
 *
 * @param target   the world folder written (replaced atomically when it existed)
 * @param files    files written, JSON and opaque
 * @param bytes    bytes written
 * @param replaced whether an earlier folder was replaced
 */
public record ExportResult(String worldId, Path target, Layout layout, int files, long bytes, int chats,
                           long messages, boolean replaced) {
}
