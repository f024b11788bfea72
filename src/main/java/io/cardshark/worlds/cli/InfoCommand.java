package io.cardshark.worlds.cli;

import io.cardshark.worlds.StoreInfo;
import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show where the store lives and which versions wrote it.")
final class InfoCommand extends StoreCommand {

    @Override
    int run(WorldStore s, PrintWriter out) {
        StoreInfo info = s.info();
        out.println("data folder     " + Terminal.safe(info.dataDir().toString()));
        if (info.databaseFile() != null) {
            out.println("database file   " + Terminal.safe(info.databaseFile().toString()));
        }
        out.println("database        " + Terminal.safe(info.database()));
        out.println("schema version  " + info.schemaVersion());
        if (info.h2Version() != null) {
            out.println("H2 version      " + info.h2Version());
        }
        out.println("durability      " + info.durability());
        out.println("worlds          " + info.worlds());
        out.println("held            " + (info.attached() ? "by another process; reached through its live inspection"
                : "by this process" + (info.serving() ? ", serving live inspection" : "")));
        return Main.EXIT_OK;
    }
}
