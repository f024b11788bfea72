package io.cardshark.worlds.folder;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A world id may be as long as a file name, 255 UTF-8 bytes (issue 11, item 4). Before, the export's
 * temporary name {@code .{id}.{12 hex}.tmp} passed that limit for ids of 238 bytes and more, so such a world
 * imported but could never leave: export, snapshot, delete, replace and deep verify all failed, and so did
 * {@code export --all} for every world. The temporary names now carry a digest for long ids.
 */
class LongWorldIdTest {

    @TempDir
    Path dir;

    /** An id of exactly {@code bytes} UTF-8 bytes, with two-byte letters in it. */
    private static String id(int bytes) {
        StringBuilder b = new StringBuilder("Lång_");
        while (b.toString().getBytes(StandardCharsets.UTF_8).length < bytes) {
            b.append(b.toString().getBytes(StandardCharsets.UTF_8).length + 2 <= bytes ? 'ö' : 'x');
        }
        return b.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {232, 233, 234, 237, 238, 250, 255})
    void aWorldWithALongIdCanLeaveAsItCame(int bytes) throws Exception {
        String id = id(bytes);
        assertThat(id.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        Path source = Trees.fixtureWorlds("a-tiny", dir.resolve("src")).resolve("Tiny_World");
        Path folder = Files.move(source, source.resolveSibling(id));
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            assertThat(store.folders().importFolders(List.of(folder), false).get(0).isImported()).isTrue();
            store.worlds().create("Short");

            Path out = dir.resolve("out");
            store.folders().export(List.of(id), out, Layout.DOCUMENTED);
            store.folders().export(List.of(id), out, Layout.DOCUMENTED); // again, replacing the folder
            assertThat(store.folders().exportAll(dir.resolve("all"), Layout.CARDSHARK)).hasSize(2);
            assertThat(out.resolve(id).resolve("world_state.json")).exists();
            try (var left = Files.list(out)) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly(id);
            }
            assertThat(store.snapshots().take(id).folder()).exists();
            assertThat(store.folders().importFolders(List.of(out.resolve(id)), true).get(0).isImported()).isTrue();
            assertThat(store.verify(VerifyLevel.DEEP).passed()).isTrue();
            store.worlds().delete(id);
            assertThat(store.snapshots().list(id)).extracting(s -> s.reason()).contains("delete", "replace", "manual");
        }
    }
}
