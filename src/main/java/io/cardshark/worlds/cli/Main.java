package io.cardshark.worlds.cli;

import io.cardshark.worlds.ErrorCode;
import io.cardshark.worlds.WorldStoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code cardshark-worlds} command line. Exit codes: 0 success, 1 failure, 2 usage error. An error is
 * one line on standard error; {@code -Dcardshark.verbose=true} (in {@code JAVA_TOOL_OPTIONS}, say) adds
 * log lines and the stack trace.
 */
@Command(name = "cardshark-worlds", mixinStandardHelpOptions = true, version = "cardshark-worlds 0.1.0",
        description = "An embedded, transactional store for CardShark worlds.",
        subcommands = {ListCommand.class, ShowCommand.class, CreateCommand.class, DeleteCommand.class,
                ExampleCommand.class, ImportCommand.class, ExportCommand.class, ActivateCommand.class, StatusCommand.class, InfoCommand.class, SqlCommand.class, ShellCommand.class, ConsoleCommand.class,
                VerifyCommand.class, BackupCommand.class, BackupsCommand.class, RestoreCommand.class,
                SnapshotCommand.class, SnapshotsCommand.class, RestoreWorldCommand.class, BranchCommand.class,
                BranchesCommand.class, SearchCommand.class, CopyCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    static {
        // H2 reads this once, when its classes load, and binds its servers' sockets to it. Set here, before any
        // command touches H2, so the store's inspection server never listens beyond this machine.
        setIfAbsent("h2.bindAddress", "127.0.0.1");
        // H2 hashes every text value it reads or binds, to share equal ones through a small cache: each message
        // document of an export or import, once per message. The command line's tasks gain nothing from the
        // sharing; without it an export of a million messages took 1.94 s instead of 2.18 s (README, "H2's object
        // cache"). A library cannot set this for the application that holds it; this JVM is ours.
        setIfAbsent("h2.objectCache", "false");
        // The command line reports failures itself, one "error:" line each: the library's log lines would only
        // repeat them. -Dcardshark.verbose=true shows them (and stack traces).
        boolean verbose = Boolean.getBoolean("cardshark.verbose");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "off");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
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

    /**
     * Builds the command line with its error handling; tests drive it with their own streams. Both streams
     * are passed through {@link Terminal#writer}: no control character from data reaches the terminal.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(Terminal.writer(out), true));
        cl.setErr(new PrintWriter(Terminal.writer(err), true));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter w = commandLine.getErr();
            w.println("error: " + Terminal.safe(inFlags(message(e))));
            if (Boolean.getBoolean("cardshark.verbose")) {
                e.printStackTrace(w);
            }
            w.flush();
            return EXIT_FAILURE;
        });
        return cl;
    }

    /** The API's words for what the command line does with a flag, and the flag. */
    private static final java.util.Map<String, String> FLAGS = java.util.Map.of(
            "import it with replace to replace it", "use --replace to replace it",
            "Open it with dropForeignObjects", "Open it with --drop-foreign-objects",
            "open it with dropForeignObjects", "open it with --drop-foreign-objects");

    /** A message of the library as a person at the command line acts on it: with the flag's name. */
    static String inFlags(String message) {
        String m = message;
        for (var e : FLAGS.entrySet()) {
            m = m.replace(e.getKey(), e.getValue());
        }
        return m;
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
        // Log lines (with -Dcardshark.verbose=true) carry names from data too.
        System.setErr(new java.io.PrintStream(Terminal.stream(new java.io.FileOutputStream(java.io.FileDescriptor.err)), true,
                java.nio.charset.StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
