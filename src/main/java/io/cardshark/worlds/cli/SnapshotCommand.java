package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.backup.SnapshotInfo;
import io.cardshark.worlds.SnapshotForm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Snapshot one world, to restore it later without touching any other world.",
                "Snapshots are also taken before every delete, import --replace and restore-world."})
final class SnapshotCommand extends StoreCommand {

    @Parameters(paramLabel = "WORLD", description = "The world's id.")
    String worldId;

    @Option(names = "--archive", description = "Keep this snapshot as a world archive (<world>.zip) rather than a"
            + " folder; restore-world reads both.")
    boolean archive;

    @Override
    int run(WorldStore s, PrintWriter out) {
        SnapshotInfo snapshot = archive ? s.snapshots().take(worldId, SnapshotForm.ARCHIVE) : s.snapshots().take(worldId);
        out.println("snapshot " + snapshot.name() + " of world " + Terminal.safe(worldId) + " written to "
                + Terminal.safe(snapshot.folder().toString()));
        return Main.EXIT_OK;
    }
}
