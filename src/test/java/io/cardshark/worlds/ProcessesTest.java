package io.cardshark.worlds;

import io.cardshark.worlds.testing.ChildJvm;
import io.cardshark.worlds.testing.StoreHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two real processes and one store file. */
class ProcessesTest {

    @TempDir
    Path dir;

    @Test
    void aSecondProcessGetsTheClearLockedError() throws Exception {
        Path data = dir.resolve("store");
        try (ChildJvm holder = ChildJvm.start(StoreHolder.class, data.toString())) {
            holder.awaitLine("opened", 60);
            assertThatThrownBy(() -> WorldStore.configure().dataDir(data).open())
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageStartingWith("store at " + data.toAbsolutePath() + " is in use by another process (process ")
                    .hasMessageEndingWith(", an application)");
        }
    }

    @Test
    void theLockGoesWithTheProcessEvenWhenKilled() throws Exception {
        Path data = dir.resolve("store");
        try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
            store.worlds().create("Held");
        }
        ChildJvm holder = ChildJvm.start(StoreHolder.class, data.toString());
        holder.awaitLine("opened", 60);
        holder.kill();
        try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
            assertThat(store.worlds().exists("Held")).isTrue();
        }
    }

    @Test
    void aChildThatCannotOpenTheStoreSaysWhy() throws Exception {
        Path data = dir.resolve("store");
        try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
            store.worlds().create("Mine");
            try (ChildJvm second = ChildJvm.start(StoreHolder.class, data.toString())) {
                String line = second.awaitLine("failed", 60);
                assertThat(line).startsWith("failed StoreLockedException: store at ").contains("in use by another process");
                assertThat(second.waitFor(30)).isEqualTo(3);
            }
        }
    }
}
