package io.cardshark.worlds.cli;

import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.PostgresDatabase;
import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.WorldStoreBuilder;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command shares to name and open its store. */
final class StoreOption {

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "data",
            description = "The store's data folder (default: ${DEFAULT-VALUE}, the embedded default). With --db, "
                    + "the folder of its snapshots and backups.")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL",
            description = "Keep the store in a PostgreSQL database instead: postgresql://host[:port]/database, with "
                    + "no password in it (the password comes from --db-password-file, PGPASSWORD or ~/.pgpass).")
    String database;

    @Option(names = "--db-user", paramLabel = "USER",
            description = "The PostgreSQL user (default: PGUSER, else the operating system's user name).")
    String databaseUser;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "A file, readable by its owner only, that holds the PostgreSQL password.")
    Path passwordFile;

    @Option(names = "--drop-foreign-objects",
            description = "Remove, after a backup, what the store file holds that its migrations did not make "
                    + "(aliases, triggers, linked tables, ...), instead of refusing the store.")
    boolean dropForeignObjects;

    /**
     * Opens the store for {@code command}: read-only unless it {@code writes} (a command that only reads never
     * makes a store where there is none), and through the process that holds it when another one does.
     */
    WorldStore open(String command, boolean writes) {
        return WorldStore.open(config(command, writes));
    }

    StoreConfig config(String command, boolean writes) {
        boolean writable = writes || dropForeignObjects;
        WorldStoreBuilder builder = WorldStore.configure().dataDir(dataDir).readOnly(!writable).attachIfHeld(true)
                .dropForeignObjects(dropForeignObjects).applicationName("cardshark-worlds " + command);
        return builder.postgres(postgres()).build();
    }

    /** The PostgreSQL database that {@code --db} names, or {@code null} for the H2 file of {@code --store}. */
    private PostgresDatabase postgres() {
        if (database == null) {
            if (databaseUser != null || passwordFile != null) {
                throw new InvalidInputException(null, "--db-user and --db-password-file go with --db");
            }
            return null;
        }
        return postgres(database, databaseUser, passwordFile);
    }

    /**
     * A PostgreSQL database named on the command line: its URL, its user ({@code null}: {@code PGUSER}, else the
     * operating system's user name, as PostgreSQL's own tools take it) and a password file, or {@code null}.
     */
    static PostgresDatabase postgres(String url, String user, Path passwordFile) {
        PostgresDatabase db = PostgresDatabase.of(url, user != null ? user
                : System.getenv().getOrDefault("PGUSER", System.getProperty("user.name")));
        return passwordFile == null ? db : db.withPasswordFile(passwordFile);
    }
}
