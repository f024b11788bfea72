package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.backup.SnapshotInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

@Command(name = "restore-world", mixinStandardHelpOptions = true,
        description = {"Restore one world from a snapshot (the newest unless named), in one transaction.",
                "The world as it is now is snapshotted first; no other world is touched."})
final class RestoreWorldCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "WORLD", description = "The world's id (it may have been deleted).")
    String worldId;

    @Parameters(index = "1", paramLabel = "SNAPSHOT", arity = "0..1", description = "The snapshot's name, as snapshots lists it.")
    String snapshot;

    @Override
    boolean writes() {
        return true;
    }

    @Override
    int run(WorldStore s, PrintWriter out) {
        SnapshotInfo restored = snapshot == null ? s.snapshots().restore(worldId) : s.snapshots().restore(worldId, snapshot);
        out.println("restored world " + Terminal.safe(worldId) + " from snapshot " + Terminal.safe(restored.name()));
        indexForSearch(s, out);
        return Main.EXIT_OK;
    }
}
