package io.cardshark.worlds;

import io.cardshark.worlds.testing.TestStores;

import java.nio.file.Path;

/** Opens a test's store in {@code <dir>/store}, on the suite's engine ({@link TestStores}). */
final class TempStore {

    private TempStore() {
    }

    static WorldStore open(Path dir) {
        return WorldStore.open(config(dir));
    }

    static StoreConfig config(Path dir) {
        return TestStores.configure(dir.resolve("store")).build();
    }
}
