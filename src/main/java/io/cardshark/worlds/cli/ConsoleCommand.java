package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import org.h2.engine.SysProperties;
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

    static final String LOOPBACK = "127.0.0.1";

    @Option(names = "--write", description = "Allow statements that change the store.")
    boolean write;

    @Override
    int run(WorldStore s, PrintWriter out) throws SQLException {
        // The console gets the open connection, never a URL: no caller-chosen JDBC option reaches H2,
        // and it binds to the loopback address only (never -webAllowOthers). Its login page still answers
        // on that address, which is why the admin user has a password (see the store's credentials file).
        if (!LOOPBACK.equals(SysProperties.BIND_ADDRESS)) {
            throw new IllegalStateException("the console listens on " + LOOPBACK + " only, but H2 was loaded with h2.bindAddress="
                    + SysProperties.BIND_ADDRESS + "; unset that property");
        }
        try (Connection c = s.sqlConnection(write)) {
            Server.startWebServer(c, true);
        }
        return Main.EXIT_OK;
    }
}
