package io.cardshark.worlds.cli;

import io.cardshark.worlds.CopyResult;
import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.WorldStoreBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy every world of one store into another, row for row, each world in one transaction: "
                + "how a store moves from the embedded H2 file to PostgreSQL, or back.",
                "Each STORE is a data folder or a postgresql://host[:port]/database URL; the source is opened "
                + "read-only. Passwords come from --from-password-file / --to-password-file, PGPASSWORD or "
                + "~/.pgpass, never from the command line. Exits 1 when any world was refused."})
final class CopyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "STORE", description = "The store to copy from.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "STORE", description = "The store to copy into; made "
            + "when missing.")
    String to;

    @Option(names = "--from-user", paramLabel = "USER", description = "The source's PostgreSQL user (default: "
            + "PGUSER, else the operating system's user name).")
    String fromUser;

    @Option(names = "--to-user", paramLabel = "USER", description = "The target's PostgreSQL user (default: "
            + "PGUSER, else the operating system's user name).")
    String toUser;

    @Option(names = "--from-password-file", paramLabel = "FILE", description = "Holds the source's PostgreSQL "
            + "password; readable by its owner only.")
    Path fromPasswordFile;

    @Option(names = "--to-password-file", paramLabel = "FILE", description = "Holds the target's PostgreSQL "
            + "password; readable by its owner only.")
    Path toPasswordFile;

    @Option(names = "--replace", description = "Replace a world the target already has (after a snapshot of it, "
            + "in the same transaction) instead of refusing it.")
    boolean replace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<CopyResult> results;
        try (WorldStore source = WorldStore.open(config(from, fromUser, fromPasswordFile, false));
             WorldStore target = WorldStore.open(config(to, toUser, toPasswordFile, true))) {
            results = source.copyWorldsTo(target, replace);
            if (results.stream().anyMatch(CopyResult::copied)) {
                StoreCommand.indexForSearch(target, out);
            }
        }
        boolean refused = false;
        for (CopyResult r : results) {
            if (r.copied()) {
                out.printf("%s %s: %d rows, %d of them messages%n", r.replaced() ? "replaced" : "copied",
                        Terminal.safe(r.worldId()), r.rows(), r.messages());
            } else {
                err.println("error: " + Terminal.safe(Main.inFlags(r.error())));
                refused = true;
            }
        }
        out.println(results.stream().filter(CopyResult::copied).count() + " of " + results.size() + " worlds copied");
        return refused ? Main.EXIT_FAILURE : Main.EXIT_OK;
    }

    /** A folder, or a {@code postgresql://} URL with its user and password file. */
    private static StoreConfig config(String store, String user, Path passwordFile, boolean writes) {
        boolean url = store.startsWith("postgresql://") || store.startsWith("jdbc:postgresql://");
        WorldStoreBuilder builder = WorldStore.configure().readOnly(!writes).attachIfHeld(!writes)
                .serveInspection(false).applicationName("cardshark-worlds copy");
        if (!url) {
            return builder.dataDir(Path.of(store)).build();
        }
        return builder.postgres(StoreOption.postgres(store, user, passwordFile)).build();
    }
}
