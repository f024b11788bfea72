package io.cardshark.worlds.testing;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;

import java.nio.file.Path;
import java.util.List;

/**
 * A child process for crash tests: imports a folder (replacing the world) or exports a world, over and
 * over, printing a line after each completed run, until it is killed.
 *
 * <p>Arguments: {@code import STORE SOURCE} or {@code export STORE WORLD TARGET}.
 */
public final class FolderLoop {
    public static void main(String[] args) {
        try (WorldStore store = WorldStore.configure().dataDir(Path.of(args[1])).open()) {
            System.out.println("ready");
            System.out.flush();
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
}
