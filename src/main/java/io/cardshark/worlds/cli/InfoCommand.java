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
        out.println("data folder     " + info.dataDir());
        out.println("database file   " + info.databaseFile());
        out.println("schema version  " + info.schemaVersion());
        out.println("H2 version      " + info.h2Version());
        out.println("durability      " + info.durability());
        out.println("worlds          " + info.worlds());
        return Main.EXIT_OK;
    }
}
