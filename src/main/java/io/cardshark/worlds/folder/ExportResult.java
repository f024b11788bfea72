package io.cardshark.worlds.folder;

import java.nio.file.Path;

/**
 * The report on one exported world.
 *
 * @param worldId  the world exported
 * @param target   the world folder written, {@code <targetDir>/<worldId>} (replaced atomically when it existed)
 * @param layout   the layout it was written in
 * @param files    files written, JSON and opaque
 * @param bytes    bytes written
 * @param chats    chats written
 * @param messages chat messages written
 * @param replaced whether an earlier folder was replaced
 */
public record ExportResult(String worldId, Path target, Layout layout, int files, long bytes, int chats,
                           long messages, boolean replaced) {
}
