package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import org.h2.tools.Shell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;

@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"Open H2's interactive SQL shell on the store.", "Read-only unless --write."})
final class ShellCommand extends StoreCommand {

    @Option(names = "--write", description = "Allow statements that change the store.")
    boolean write;

    @Override
    boolean writes() {
        return write;
    }

    @Override
    int run(WorldStore s, PrintWriter out) throws SQLException {
        try (Connection c = s.sqlConnection(write)) {
            Shell shell = new Shell();
            shell.setIn(System.in);
            shell.setOut(System.out);
            shell.runTool(c);
        }
        return Main.EXIT_OK;
    }
}
