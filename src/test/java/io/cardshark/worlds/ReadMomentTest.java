package io.cardshark.worlds;

import io.cardshark.worlds.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read of a location gives one moment of it: its row and its exits as one write left them, never the row of one
 * write with the exits of the next, however often a writer replaces it meanwhile. A location is read in one
 * statement (its row, then its exits, NPCs and events, {@code LocationRows.view}); before, in several, whose moment
 * the read had to check.
 */
class ReadMomentTest {

    @TempDir
    Path dir;

    @Test
    void aLocationIsReadWithTheExitsOfTheSameWrite() throws Exception {
        try (WorldStore store = TestStores.configure(dir.resolve("store")).open()) {
            String world = store.worlds().create("Moments").id();
            Coordinates at = Coordinates.of(0, 0, 0);
            Location one = Location.at(at, "room", "one", "d")
                    .withExits(List.of(Exit.to("north", "one", Coordinates.of(0, 1, 0))));
            Location two = Location.at(at, "room", "two", "d")
                    .withExits(List.of(Exit.to("south", "two", Coordinates.of(0, -1, 0)),
                            Exit.to("east", "two", Coordinates.of(1, 0, 0))));
            store.locations().put(world, one);
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    store.locations().put(world, i % 2 == 0 ? two : one);
                }
            });
            writer.start();
            List<String> torn = new ArrayList<>();
            try {
                for (int i = 0; i < 20_000 && torn.size() < 5; i++) {
                    Location read = store.locations().get(world, "room");
                    boolean whole = read.exits().stream().allMatch(e -> e.name().equals(read.name()))
                            && read.exits().size() == (read.name().equals("one") ? 1 : 2);
                    if (!whole) {
                        torn.add(read.name() + " with " + read.exits());
                    }
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            assertThat(torn).as("reads that mixed two writes").isEmpty();
        }
    }
}
