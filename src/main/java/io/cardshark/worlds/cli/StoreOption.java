package io.cardshark.worlds.cli;

import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --store DIR} option every command shares; opens the store it names. */
final class StoreOption {

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "data",
            description = "The store's data folder (default: ${DEFAULT-VALUE}, the embedded default).")
    Path dataDir;

    WorldStore open() {
        return WorldStore.open(config());
    }

    StoreConfig config() {
        return StoreConfig.builder().dataDir(dataDir).build();
    }
}
