package io.cardshark.worlds.backup;

import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.internal.backup.BackupService;

import java.util.List;

/**
 * Whole-store backups: online, transactionally consistent copies of the database, taken while writes go
 * on, pruned by the store's {@link io.cardshark.worlds.Retention}. Reach it through
 * {@code WorldStore.backups()}; restore with the store closed, through {@link #restore}.
 */
public interface Backups {

    /** Takes a backup now; writers carry on meanwhile. */
    BackupInfo create();

    /** The backups in the backup folder, newest first. */
    List<BackupInfo> list();

    /**
     * Replaces the store {@code config} names with the backup called {@code name}, atomically: the store
     * holds either its old content or the backup's, never a mix. The current store is backed up first, so
     * a restore can itself be undone. The store must not be open anywhere.
     *
     * @return the backup of the store as it was before the restore
     * @throws io.cardshark.worlds.NotFoundException     when no such backup exists
     * @throws io.cardshark.worlds.StoreLockedException  when the store is open in another process
     */
    static BackupInfo restore(StoreConfig config, String name) {
        return BackupService.restore(config, name);
    }
}
