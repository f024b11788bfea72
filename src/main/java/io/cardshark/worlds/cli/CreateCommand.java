package io.cardshark.worlds.cli;

import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;


@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create an empty world; its id is derived from the display name as CardShark does.")
final class CreateCommand extends StoreCommand {

    @Parameters(paramLabel = "NAME", description = "The display name, e.g. \"Tiny World\" (id Tiny_World).")
    String displayName;

    @Override
    boolean writes() {
        return true;
    }

    @Override
    int run(WorldStore s, PrintWriter out) {
        World w = s.worlds().create(displayName);
        out.println("created world " + Terminal.safe(w.id()) + " (\"" + Terminal.safe(w.displayName()) + "\")");
        return Main.EXIT_OK;
    }
}
