package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a world and everything in it.")
final class DeleteCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "WORLD", description = "The world's id.")
    String worldId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (WorldStore s = store.open()) {
            s.worlds().delete(worldId);
            spec.commandLine().getOut().println("deleted world " + worldId);
        }
        return Main.EXIT_OK;
    }
}
