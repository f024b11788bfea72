package io.cardshark.worlds.cli;

import io.cardshark.worlds.ErrorCode;
import io.cardshark.worlds.WorldStoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code cardshark-worlds} command line. Exit codes: 0 success, 1 failure, 2 usage error. An error is
 * one line on standard error; {@code --verbose} adds the stack trace.
 */
@Command(name = "cardshark-worlds", mixinStandardHelpOptions = true, version = "cardshark-worlds 0.1.0",
        description = "An embedded, transactional store for CardShark worlds.",
        subcommands = {ListCommand.class, ShowCommand.class, CreateCommand.class, DeleteCommand.class,
                ExampleCommand.class, ImportCommand.class, ExportCommand.class, ActivateCommand.class, StatusCommand.class, InfoCommand.class, SqlCommand.class, ShellCommand.class, ConsoleCommand.class,
                VerifyCommand.class, BackupCommand.class, BackupsCommand.class, RestoreCommand.class,
                SnapshotCommand.class, SnapshotsCommand.class, RestoreWorldCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    static {
        // H2 reads this once, when its classes load, and binds the console's socket to it. Set here, before
        // any command touches H2, so the console never listens beyond this machine.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", ConsoleCommand.LOOPBACK);
        }
    }

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** Builds the command line with its error handling; tests drive it with their own streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter w = commandLine.getErr();
            w.println("error: " + message(e));
            if (Boolean.getBoolean("cardshark.verbose")) {
                e.printStackTrace(w);
            }
            w.flush();
            return EXIT_FAILURE;
        });
        return cl;
    }

    static String message(Throwable e) {
        if (e instanceof WorldStoreException w && w.code() == ErrorCode.STORE_LOCKED) {
            return w.getMessage();
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
