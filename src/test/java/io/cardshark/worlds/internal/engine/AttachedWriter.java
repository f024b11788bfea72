package io.cardshark.worlds.internal.engine;

import io.cardshark.worlds.WorldStore;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child process that reaches a store another process holds, says so, waits for the signal file
 * {@code write} in its second argument, then makes the world named by its third argument and closes.
 */
public final class AttachedWriter {

    public static void main(String[] args) throws Exception {
        Path signals = Path.of(args[1]);
        try (WorldStore store = WorldStore.configure().dataDir(Path.of(args[0])).attachIfHeld(true).open()) {
            System.out.println("attached " + store.info().attached());
            System.out.flush();
            while (!Files.exists(signals.resolve("write"))) {
                Thread.sleep(10);
            }
            store.worlds().create(args[2]);
        }
        System.out.println("done");
        System.out.flush();
    }
}
