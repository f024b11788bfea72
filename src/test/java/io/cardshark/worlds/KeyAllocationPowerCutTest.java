package io.cardshark.worlds;

import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.testing.Trees;
import io.cardshark.worlds.testing.powercut.CutPolicy;
import io.cardshark.worlds.testing.powercut.CutWorkload;
import io.cardshark.worlds.testing.powercut.OnPowerCutFileSystem;
import io.cardshark.worlds.testing.powercut.PowerCutFileSystem;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first write of a session that takes a new key, cut at its first write to the file, fails with the store's own
 * exception, and the store opens afterwards as it was. H2 writes a sequence's state in a commit of its own when a
 * value passes the range it cached, inside the INSERT that takes the value; a storage failure there left H2 unable
 * to roll the statement back (2.4.240 spins in {@code MVStore.registerVersionUsage}, and fails an assertion where
 * assertions are on, as in these tests). The store takes a value of each of its named sequences when it opens
 * ({@code StoreOpener.markOpened}), so that no caller's INSERT writes that state.
 */
@ExtendWith(OnPowerCutFileSystem.class)
class KeyAllocationPowerCutTest {

    private static final String WORLD = "Kept";

    /** A session's first write that takes a new key. */
    enum FirstWrite {
        NEW_WORLD(store -> store.worlds().create("In flight")),
        NEW_CHAT(store -> store.chats().create(WORLD, NewChat.at(null, "in flight")));

        final Consumer<WorldStore> write;

        FirstWrite(Consumer<WorldStore> write) {
            this.write = write;
        }
    }

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(FirstWrite.class)
    void aCutInTheFirstWriteThatTakesAKeyFailsCleanlyAndLeavesTheStoreAsItWas(FirstWrite first) throws IOException {
        Path base = baseStore();
        for (long seed = 1; seed <= 4; seed++) {
            Path data = tmp.resolve(first + "-" + seed);
            Trees.copy(base, data);
            try (PowerCutFileSystem fs = PowerCutFileSystem.mount(data, seed)) {
                WorldStore store = WorldStore.open(config(data));
                fs.cutAfterWrites(1, CutPolicy.KEEP);
                assertThatThrownBy(() -> first.write.accept(store)).as("seed %d", seed)
                        .isInstanceOf(WorldStoreException.class);
                CutWorkload.closeQuietly(store);
                fs.restart();
                try (WorldStore again = WorldStore.open(config(data))) {
                    assertThat(again.worlds().list()).extracting(WorldSummary::id).contains(WORLD);
                    assertThat(again.verify(VerifyLevel.FULL).passed()).isTrue();
                    again.worlds().create("After");
                    again.chats().create(WORLD, NewChat.at(null, "after"));
                }
            }
        }
    }

    /** A store closed cleanly, with one world and one chat, on the real disk. */
    private Path baseStore() throws IOException {
        return CutWorkload.cleanlyClosed(tmp.resolve("built"), tmp.resolve("base"), Durability.POWER_LOSS, store -> {
            store.worlds().create(WORLD);
            store.chats().create(WORLD, NewChat.at(null, "first"));
        });
    }

    private static StoreConfig config(Path data) {
        return CutWorkload.config(data, Durability.POWER_LOSS);
    }
}
