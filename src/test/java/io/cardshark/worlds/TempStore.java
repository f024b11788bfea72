package io.cardshark.worlds;

import java.nio.file.Path;

/** Opens real stores on real H2 files in a test's temporary folder. */
final class TempStore {

    private TempStore() {
    }

    static WorldStore open(Path dir) {
        return WorldStore.configure().dataDir(dir.resolve("store")).open();
    }

    static StoreConfig config(Path dir) {
        return WorldStore.configure().dataDir(dir.resolve("store")).build();
    }
}
