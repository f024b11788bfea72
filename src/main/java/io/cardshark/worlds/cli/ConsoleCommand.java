package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import org.h2.tools.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Open H2's web console on the store, listening on 127.0.0.1 only.",
                "Read-only unless --write. Returns when the browser disconnects."})
final class ConsoleCommand extends StoreCommand {

    @Option(names = "--write", description = "Allow statements that change the store.")
    boolean write;

    @Override
    int run(WorldStore s, PrintWriter out) throws SQLException {
        // The console gets the open connection, never a URL: no caller-chosen JDBC option reaches H2,
        // and it binds to the loopback address only (never -webAllowOthers).
        System.setProperty("h2.bindAddress", "127.0.0.1");
        try (Connection c = s.sqlConnection(write)) {
            Server.startWebServer(c, true);
        }
        return Main.EXIT_OK;
    }
}
