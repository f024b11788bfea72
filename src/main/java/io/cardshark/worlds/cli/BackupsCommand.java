package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.backup.BackupInfo;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "backups", mixinStandardHelpOptions = true, description = "List the store's backups, newest first.")
final class BackupsCommand extends StoreCommand {

    @Override
    int run(WorldStore s, PrintWriter out) {
        List<BackupInfo> backups = s.backups().list();
        TablePrinter table = new TablePrinter(List.of("name", "taken", "reason", "bytes"));
        for (BackupInfo b : backups) {
            table.row(List.of(b.name(), b.createdAt().toString(), b.reason(), Long.toString(b.bytes())));
        }
        table.print(out);
        out.println(backups.size() + (backups.size() == 1 ? " backup" : " backups") + " in "
                + Terminal.safe(s.config().backupDir().toString()));
        return Main.EXIT_OK;
    }
}
