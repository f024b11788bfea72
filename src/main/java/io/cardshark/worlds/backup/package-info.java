/**
 * Keeping worlds safe beyond a single commit: whole-store {@link io.cardshark.worlds.backup.Backups},
 * per-world {@link io.cardshark.worlds.backup.Snapshots}, and verification
 * ({@link io.cardshark.worlds.backup.VerifyReport}).
 *
 * <p>Everything here is reached through an open {@link io.cardshark.worlds.WorldStore}:
 * {@link io.cardshark.worlds.WorldStore#backups()} takes and lists backups, which
 * {@link io.cardshark.worlds.WorldStore#restore} puts back while the store is closed everywhere;
 * {@link io.cardshark.worlds.WorldStore#snapshots()} takes, lists and restores snapshots of single worlds
 * while the store is in use; {@link io.cardshark.worlds.WorldStore#verify} checks the store at a
 * {@link io.cardshark.worlds.backup.VerifyLevel} and returns a {@link io.cardshark.worlds.backup.VerifyReport}.
 *
 * <ul>
 * <li>A backup is a zip of the database as of one moment, taken while writers carry on, with the store's
 *     credentials inside so that it restores on its own. The store also takes one before a schema migration
 *     and before a restore, so either can be undone.</li>
 * <li>A snapshot is one world exported whole into an ordinary world folder. The store takes one before every
 *     step that destroys a world's data, inside that step's transaction; restoring one touches no other
 *     world.</li>
 * <li>Backups and snapshots are written under temporary names and renamed when complete, so each is whole
 *     or absent, and both are pruned by {@link io.cardshark.worlds.StoreConfig#retention()} (snapshots per
 *     world).</li>
 * </ul>
 *
 * <p>{@code Backups} and {@code Snapshots} belong to their store and hold nothing to close. Their calls run
 * on the caller's thread, beside the store's writers, and return once the backup, snapshot or restore is
 * complete; taking or restoring fails with {@link io.cardshark.worlds.StoreUnavailableException} once the store
 * is closed, while listing only reads the folders. The records are immutable.
 */
package io.cardshark.worlds.backup;
