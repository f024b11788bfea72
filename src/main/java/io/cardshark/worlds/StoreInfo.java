package io.cardshark.worlds;

import java.nio.file.Path;

/** What a store is: where it lives and which versions wrote it. */
public record StoreInfo(Path dataDir, Path databaseFile, String schemaVersion, String h2Version,
                        Durability durability, int worlds) {
}
