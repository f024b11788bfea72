package io.cardshark.worlds.backup;


import java.util.List;

/**
 * Whole-store backups: online, transactionally consistent copies of the database, taken while writes go
 * on, pruned by the store's {@link io.cardshark.worlds.Retention}. Reach it through
 * {@code WorldStore.backups()}; restore with the store closed, through {@code WorldStore.restore}.
 */
public interface Backups {

    /** Takes a backup now; writers carry on meanwhile. */
    BackupInfo create();

    /** The backups in the backup folder, newest first. */
    List<BackupInfo> list();
}
