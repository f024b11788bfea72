package io.cardshark.worlds.cli;

import io.cardshark.worlds.SqlConsole;
import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Serve a web console on the store at http://127.0.0.1:<port>/<token>/ until stopped (Ctrl-C).",
                "It serves this store only: no login form, no other database. Read-only unless --write.",
                "Works while another process holds the store (through that process)."})
final class ConsoleCommand extends StoreCommand {

    @Option(names = "--write", description = "Allow statements that change rows.")
    boolean write;

    @Option(names = "--no-browser", description = "Print the address only; do not open a browser.")
    boolean noBrowser;

    @Override
    boolean writes() {
        return write;
    }

    @Override
    int run(WorldStore s, PrintWriter out) throws InterruptedException {
        SqlConsole console = s.inspection().console(write);
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C or a kill: close the console and let call() close the store, then the JVM ends.
        Thread hook = new Thread(() -> {
            console.close();
            s.close();
            stopped.countDown();
        }, "cardshark-worlds-console-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("console on " + console.address() + " (" + (write ? "read and write" : "read-only")
                + "); Ctrl-C stops it");
        out.flush();
        if (!noBrowser) {
            openBrowser(console.address().toString(), spec.commandLine().getErr());
        }
        stopped.await();
        return Main.EXIT_OK;
    }

    private static void openBrowser(String address, PrintWriter err) {
        try {
            org.h2.tools.Server.openBrowser(address);
        } catch (Exception e) {
            err.println("no browser could be opened (" + Terminal.safe(String.valueOf(e.getMessage()))
                    + "); open the address above yourself");
        }
    }
}
