package io.cardshark.worlds.bench;

import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Issue 16's row for branches, on one big world (10,000 locations, 1,000,000 messages by default): the time to
 * import it from its folder against the time to branch it inside the store, right after the import and again
 * once the search index has caught up. Prints figures; asserts nothing.
 *
 * <pre>
 * mvn -B -q -Pbench -DskipTests package
 * java -cp target/cardshark-worlds.jar:target/test-classes io.cardshark.worlds.bench.BranchBenchmark [locations] [messages] [dir]
 * </pre>
 */
public final class BranchBenchmark {

    static final String WORLD = "Branch_World";

    public static void main(String[] args) throws IOException {
        int locations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("cardshark-bench");
        Path world = dir.resolve("source").resolve(WORLD);
        System.out.printf("generating a world of %,d locations and %,d messages in %s%n", locations, messages, world);
        BenchWorlds.generateFolder(world, locations, messages, 10);
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).serveInspection(false).open()) {
            double importSeconds = Fixtures.importSeconds(store, world);
            long t1 = System.nanoTime();
            World slot = store.worlds().branch(WORLD, "Branch Slot");
            double branchSeconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf("%nimport %.2f s, branch %.2f s: branch/import %.2f (%s)%n", importSeconds, branchSeconds,
                    branchSeconds / importSeconds, slot.id());
            // The branch above ran right after the import, while the search indexer may still have been indexing
            // the imported messages (it starts no step during a branch, but finishes the one under way). Again
            // with the index caught up: the branch's own time.
            long t2 = System.nanoTime();
            store.updateSearchIndex();
            double indexSeconds = (System.nanoTime() - t2) / 1e9;
            store.worlds().delete(slot.id());
            store.updateSearchIndex();
            long t3 = System.nanoTime();
            store.worlds().branch(WORLD, "Branch Slot");
            double idleSeconds = (System.nanoTime() - t3) / 1e9;
            System.out.printf("search index catch-up after both %.2f s; a branch with the index caught up %.2f s: "
                    + "branch/import %.2f%n", indexSeconds, idleSeconds, idleSeconds / importSeconds);
        }
    }
}
