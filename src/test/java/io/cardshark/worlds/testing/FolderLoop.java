package io.cardshark.worlds.testing;

import io.cardshark.worlds.Durability;
import io.cardshark.worlds.PostgresDatabase;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.WorldStoreBuilder;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.folder.Progress;

import java.nio.file.Path;
import java.util.List;

/**
 * A child process for crash tests: imports a folder (replacing the world) or exports a world, over and
 * over, printing a line after each completed run, until it is killed.
 *
 * <p>Arguments: {@code import STORE SOURCE} or {@code export STORE WORLD TARGET}, where STORE is a data folder; with
 * {@code --pg URL USER PASSWORD_FILE} after them, the store is kept in that PostgreSQL database instead (the folder
 * then holds its snapshots); with {@code --power-loss}, every import is on disk before it prints its line. {@code import-held STORE SOURCE} imports once and stops halfway through the source's
 * bytes, printing {@code held}, until it is killed.
 */
public final class FolderLoop {
    public static void main(String[] args) {
        WorldStoreBuilder config = WorldStore.configure().dataDir(Path.of(args[1]));
        int pg = List.of(args).indexOf("--pg");
        if (pg >= 0) {
            config = config.postgres(PostgresDatabase.of(args[pg + 1], args[pg + 2])
                    .withPasswordFile(Path.of(args[pg + 3])));
        }
        if (List.of(args).contains("--power-loss")) {
            config = config.durability(Durability.POWER_LOSS);
        }
        try (WorldStore store = config.open()) {
            System.out.println("ready");
            System.out.flush();
            if (args[0].equals("import-held")) {
                store.folders().importFolders(List.of(Path.of(args[2])), false, holdHalfway());
            }
            for (long n = 0; ; n++) {
                if (args[0].equals("import")) {
                    ImportResult r = store.folders().importFolders(List.of(Path.of(args[2])), true).get(0);
                    if (!r.isImported()) {
                        System.out.println("failed " + r.error());
                        System.exit(3);
                    }
                    System.out.println("imported " + n);
                } else {
                    store.folders().export(List.of(args[2]), Path.of(args[3]), Layout.DOCUMENTED);
                    System.out.println("exported " + n);
                }
                System.out.flush();
            }
        }
    }

    /** Prints {@code held} once half of a world's bytes are read, and waits there for the kill. */
    private static Progress holdHalfway() {
        return (world, done, total) -> {
            if (done >= total / 2) {
                System.out.println("held");
                System.out.flush();
                while (true) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        };
    }
}
