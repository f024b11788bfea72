package io.cardshark.worlds.backup;


import java.util.List;

/**
 * Whole-store backups: online, transactionally consistent copies of the database, taken while writes go
 * on, pruned by the store's {@link io.cardshark.worlds.Retention}. Reach it through
 * {@code WorldStore.backups()}; restore with the store closed, through {@code WorldStore.restore}.
 */
public interface Backups {

    /**
     * Takes a backup now; writers carry on meanwhile. The zip is written under a temporary name, forced to
     * disk and renamed, so a backup is complete or absent; then older backups are pruned.
     *
     * @return the new backup, with reason {@code manual}
     * @throws io.cardshark.worlds.WorldStoreException with {@link io.cardshark.worlds.ErrorCode#IO_FAILURE}
     *         when the backup folder cannot be written
     * @throws io.cardshark.worlds.StoreUnavailableException when the store is closed
     */
    BackupInfo create();

    /**
     * The backups in the backup folder, newest first. Backups of any reason are listed; files that are no
     * backup are not.
     *
     * @return the backups; empty when there are none, or no backup folder yet
     * @throws io.cardshark.worlds.WorldStoreException with {@link io.cardshark.worlds.ErrorCode#IO_FAILURE}
     *         when the backup folder cannot be listed
     */
    List<BackupInfo> list();
}
