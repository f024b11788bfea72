package io.cardshark.worlds;

import java.nio.file.Path;

/**
 * What a store is: where it lives and which versions wrote it ({@link WorldStore#info()}).
 *
 * @param dataDir       the folder that holds the store's files (on PostgreSQL: its backups and snapshots)
 * @param databaseFile  H2's database file, {@code worlds.mv.db} in the data folder; {@code null} on PostgreSQL
 * @param schemaVersion the version of the store's schema (its latest migration)
 * @param h2Version     the version of the H2 that runs the store now; {@code null} on PostgreSQL
 * @param durability    what a committed write survives, as configured
 * @param worlds        how many worlds the store holds
 * @param attached      whether this store is reached through another process that holds it
 * @param serving       whether this process serves live inspection of it to others
 * @param database      the database that holds the store: {@code H2 <version>}, or {@code PostgreSQL <version>
 *                      at <url>}
 */
public record StoreInfo(Path dataDir, Path databaseFile, String schemaVersion, String h2Version,
                        Durability durability, int worlds, boolean attached, boolean serving, String database) {
}
