/**
 * Keeping worlds safe beyond a single commit: whole-store {@link io.cardshark.worlds.backup.Backups},
 * per-world {@link io.cardshark.worlds.backup.Snapshots}, and verification
 * ({@link io.cardshark.worlds.backup.VerifyReport}).
 */
package io.cardshark.worlds.backup;
