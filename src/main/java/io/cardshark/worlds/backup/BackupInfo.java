package io.cardshark.worlds.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One whole-store backup: a zip of the database file and its credentials.
 *
 * @param name      the file name, which {@code WorldStore.restore} takes
 * @param reason    why it was taken: {@code manual}, {@code pre-restore} or {@code pre-migration}
 */
public record BackupInfo(String name, Path path, Instant createdAt, String reason, long bytes) {
}
