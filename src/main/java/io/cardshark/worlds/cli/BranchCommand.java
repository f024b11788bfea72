package io.cardshark.worlds.cli;

import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

@Command(name = "branch", mixinStandardHelpOptions = true,
        description = {"Branch a world (a save slot): a new world holding everything of WORLD as of now, under NAME.",
                "The branch is an ordinary world; `branches` shows where it came from, `activate` plays it."})
final class BranchCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "WORLD", description = "The world to copy.")
    String worldId;

    @Parameters(index = "1", paramLabel = "NAME", description = "The branch's display name; its id is derived from it.")
    String name;

    @Option(names = "--label", paramLabel = "TEXT", description = "A label kept in the branch's lineage.")
    String label;

    @Override
    boolean writes() {
        return true;
    }

    @Override
    int run(WorldStore s, PrintWriter out) {
        long started = System.nanoTime();
        World w = s.worlds().branch(worldId, name, label);
        out.println("branched " + Terminal.safe(worldId) + " as world " + Terminal.safe(w.id()) + " (\""
                + Terminal.safe(w.displayName()) + "\") in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        indexForSearch(s, out);
        return Main.EXIT_OK;
    }
}
