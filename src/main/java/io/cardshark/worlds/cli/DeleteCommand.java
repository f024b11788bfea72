package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;


@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a world and everything in it.")
final class DeleteCommand extends StoreCommand {

    @Parameters(paramLabel = "WORLD", description = "The world's id.")
    String worldId;

    @Override
    boolean writes() {
        return true;
    }

    @Override
    int run(WorldStore s, PrintWriter out) {
        s.worlds().delete(worldId);
        out.println("deleted world " + Terminal.safe(worldId));
        return Main.EXIT_OK;
    }
}
