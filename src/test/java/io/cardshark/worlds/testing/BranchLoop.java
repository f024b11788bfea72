package io.cardshark.worlds.testing;

import io.cardshark.worlds.WorldStore;

import java.nio.file.Path;

/**
 * A child process for the branch crash test: branches one world over and over, as "Slot 0", "Slot 1", ...,
 * printing a line after each branch returned, until it is killed.
 *
 * <p>Arguments: {@code STORE WORLD FIRST} (the number of the first slot).
 */
public final class BranchLoop {
    public static void main(String[] args) {
        try (WorldStore store = WorldStore.configure().dataDir(Path.of(args[0])).serveInspection(false).open()) {
            System.out.println("ready");
            System.out.flush();
            for (int n = Integer.parseInt(args[2]); ; n++) {
                store.worlds().branch(args[1], "Slot " + n, "slot " + n);
                System.out.println("branched " + n);
                System.out.flush();
            }
        }
    }
}
