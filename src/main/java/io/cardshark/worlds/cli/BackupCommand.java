package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.backup.BackupInfo;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the whole store into its backup folder, while it stays in use.",
                "Older backups are pruned: the newest 10 and those under 7 days old are kept."})
final class BackupCommand extends StoreCommand {

    @Override
    int run(WorldStore s, PrintWriter out) {
        BackupInfo b = s.backups().create();
        out.println("backup " + b.name() + " written (" + b.bytes() + " bytes) to "
                + Terminal.safe(b.path().getParent().toString()));
        return Main.EXIT_OK;
    }
}
