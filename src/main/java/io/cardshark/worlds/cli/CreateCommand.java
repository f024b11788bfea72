package io.cardshark.worlds.cli;

import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create an empty world; its id is derived from the display name as CardShark does.")
final class CreateCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "NAME", description = "The display name, e.g. \"Tiny World\" (id Tiny_World).")
    String displayName;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (WorldStore s = store.open()) {
            World w = s.worlds().create(displayName);
            spec.commandLine().getOut().println("created world " + w.id() + " (\"" + w.displayName() + "\")");
        }
        return Main.EXIT_OK;
    }
}
