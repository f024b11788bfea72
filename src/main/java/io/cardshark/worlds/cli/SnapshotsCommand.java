package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.backup.SnapshotInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "snapshots", mixinStandardHelpOptions = true,
        description = "List snapshots, newest first: of one world, or of every world, deleted ones included.")
final class SnapshotsCommand extends StoreCommand {

    @Parameters(paramLabel = "WORLD", arity = "0..1", description = "Only this world's snapshots.")
    String worldId;

    @Override
    int run(WorldStore s, PrintWriter out) {
        List<SnapshotInfo> snapshots = worldId == null ? s.snapshots().list() : s.snapshots().list(worldId);
        TablePrinter table = new TablePrinter(List.of("world", "snapshot", "taken", "reason"));
        for (SnapshotInfo i : snapshots) {
            table.row(List.of(i.worldId(), i.name(), i.takenAt().toString(), i.reason()));
        }
        table.print(out);
        out.println(snapshots.size() + (snapshots.size() == 1 ? " snapshot" : " snapshots"));
        return Main.EXIT_OK;
    }
}
