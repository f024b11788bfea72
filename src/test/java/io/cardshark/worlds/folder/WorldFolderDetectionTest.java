package io.cardshark.worlds.folder;

import io.cardshark.worlds.WorldStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A world folder that lost its state is still reported as that world, not as a folder of worlds. */
class WorldFolderDetectionTest {

    @TempDir
    Path dir;

    @Test
    void aWorldFolderWithoutItsStateIsOneRejectedWorldNamingTheMissingFile() throws Exception {
        Path world = dir.resolve("Lost_World");
        Files.createDirectories(world.resolve("chats"));
        Files.writeString(world.resolve("chats/c.jsonl"), "{\"chat_id\": \"c\"}\n");
        Files.createDirectories(world.resolve("images"));
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            List<ImportResult> results = store.folders().importFolders(List.of(world), false);
            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.worldId()).isEqualTo("Lost_World");
                assertThat(r.outcome()).isEqualTo(ImportOutcome.REJECTED);
                assertThat(r.error()).contains("world_state.json");
            });
            assertThat(store.worlds().list()).isEmpty();
        }
    }
}
