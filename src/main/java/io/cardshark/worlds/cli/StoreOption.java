package io.cardshark.worlds.cli;

import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command shares to name and open its store. */
final class StoreOption {

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "data",
            description = "The store's data folder (default: ${DEFAULT-VALUE}, the embedded default).")
    Path dataDir;

    @Option(names = "--drop-foreign-objects",
            description = "Remove, after a backup, what the store file holds that its migrations did not make "
                    + "(aliases, triggers, linked tables, ...), instead of refusing the store.")
    boolean dropForeignObjects;

    /**
     * Opens the store for {@code command}: read-only unless it {@code writes} (a command that only reads never
     * makes a store where there is none), and through the process that holds it when another one does.
     */
    WorldStore open(String command, boolean writes) {
        return WorldStore.open(config(command, writes));
    }

    StoreConfig config(String command, boolean writes) {
        boolean writable = writes || dropForeignObjects;
        return WorldStore.configure().dataDir(dataDir).readOnly(!writable).attachIfHeld(true)
                .dropForeignObjects(dropForeignObjects).applicationName("cardshark-worlds " + command).build();
    }
}
