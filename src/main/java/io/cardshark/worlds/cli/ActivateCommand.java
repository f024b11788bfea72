package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

@Command(name = "activate", mixinStandardHelpOptions = true,
        description = "Make a world the active one; the store remembers it across restarts.")
final class ActivateCommand extends StoreCommand {

    @Parameters(paramLabel = "WORLD", description = "The world's id.")
    String worldId;

    @Override
    boolean writes() {
        return true;
    }

    @Override
    int run(WorldStore s, PrintWriter out) {
        s.sessions().activate(worldId).close();
        out.println("active world is now " + Terminal.safe(worldId));
        return Main.EXIT_OK;
    }
}
