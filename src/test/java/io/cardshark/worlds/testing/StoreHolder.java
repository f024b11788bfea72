package io.cardshark.worlds.testing;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.WorldStoreException;

import java.nio.file.Path;

/** A child process that opens a store, says so, and holds it until killed; or reports why it could not. */
public final class StoreHolder {
    public static void main(String[] args) throws InterruptedException {
        try (WorldStore store = WorldStore.configure().dataDir(Path.of(args[0])).open()) {
            System.out.println("opened");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        } catch (WorldStoreException e) {
            System.out.println("failed " + e.getClass().getSimpleName() + ": " + e.getMessage());
            System.out.flush();
            System.exit(3);
        }
    }
}
