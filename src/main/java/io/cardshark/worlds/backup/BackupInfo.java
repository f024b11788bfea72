package io.cardshark.worlds.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One whole-store backup: a zip of the database file and its credentials, so that it restores on its own.
 *
 * @param name      the file name, {@code worlds-<UTC time>-<reason>.zip}, which {@code WorldStore.restore} takes
 * @param path      where the zip lies, in the store's backup folder
 * @param createdAt when it was taken, as its name records it
 * @param reason    why it was taken: {@code manual}, {@code pre-restore}, {@code pre-migration}, or
 *                  {@code pre-drop} (before {@code dropForeignObjects} changed the store)
 * @param bytes     the zip's size, or -1 when it could not be read
 */
public record BackupInfo(String name, Path path, Instant createdAt, String reason, long bytes) {
}
