package io.cardshark.worlds;

import java.nio.file.Path;

/**
 * What a store is: where it lives and which versions wrote it.
 *
 * @param attached whether this store is reached through another process that holds it
 * @param serving  whether this process serves live inspection of it to others
 */
public record StoreInfo(Path dataDir, Path databaseFile, String schemaVersion, String h2Version,
                        Durability durability, int worlds, boolean attached, boolean serving) {
}
