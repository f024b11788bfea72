package io.cardshark.worlds;

import io.cardshark.worlds.folder.ExportResult;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.testing.Trees;
import io.cardshark.worlds.testing.WorldFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code Files.put} refuses paths the exporter writes itself, the folders it always creates, names the
 * format gives another meaning, and a file where the world already has a folder (or the reverse): each
 * would make the next export fail or come back as something else. What an import stores as a plain file
 * stays allowed, and every world the refusals leave behind still exports and re-imports.
 */
class FilesReservedPathsTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};

    @TempDir
    Path dir;
    WorldStore store;
    String world;

    @BeforeEach
    void open() {
        store = TempStore.open(dir);
        world = store.worlds().create("Filed World").id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void pathsTheExporterWritesOrCreatesAreRefusedNamingWorldAndPath() {
        for (String reserved : List.of("world_state.json", "metadata.json", "chats", "events", "images",
                "images/backgrounds", "images/objects", "chats/c.json", "chats/c.jsonl", "events/e.json",
                "world_state.json/x.png", "metadata.json/x.png", "chats/c.jsonl/x.png", "chats/c.json/x.png",
                "events/e.json/x.png", "x.backup.1.json", "rooms/world_state.backup.2.json", "x.tmp",
                "cache.tmp/x.png", "images/old.tmp/x.png")) {
            assertThatThrownBy(() -> store.files().put(world, reserved, PNG)).as(reserved)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("world " + world)
                    .hasMessageContaining(reserved);
        }
        assertThat(store.files().list(world)).isEmpty();
    }

    @Test
    void whatAnImportKeepsAsAPlainFileStaysAllowed() throws IOException {
        List<String> allowed = List.of("images/backgrounds/hall.png", "images/objects/fackel 🔥.png", "images/x.png",
                "rooms/r1.png", "world_card.png", "chats/notes.txt", "chats/old/c.json", "chats/x.jsonl.bak",
                "events/readme.md", "events/2025/e.json", "notes/world_state.json", "a/metadata.json");
        for (String path : allowed) {
            store.files().put(world, path, PNG);
        }
        assertThat(store.files().list(world)).extracting(WorldFile::path).containsExactlyInAnyOrderElementsOf(allowed);
        for (Layout layout : Layout.values()) {
            Path out = dir.resolve("out-" + layout);
            store.folders().export(List.of(world), out, layout);
            assertThat(Trees.files(out.resolve(world))).containsKeys(allowed.toArray(String[]::new));
        }
    }

    @Test
    void aPathCannotBeAFileAndAFolderAtOnce() {
        store.files().put(world, "a", PNG);
        assertThatThrownBy(() -> store.files().put(world, "a/b.png", PNG))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("world " + world).hasMessageContaining("a/b.png").hasMessageContaining("file a");
        store.files().put(world, "c/d/e.png", PNG);
        for (String clash : List.of("c", "c/d")) {
            assertThatThrownBy(() -> store.files().put(world, clash, PNG)).as(clash)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("world " + world).hasMessageContaining("file " + clash + ":")
                    .hasMessageContaining("c/d/e.png");
        }
        // A sibling that merely starts with the same letters is no folder of it.
        store.files().put(world, "ab", PNG);
        store.files().put(world, "c/dd", PNG);
        store.files().put(world, "a", new byte[]{1});
        ExportResult exported = store.folders().export(List.of(world), dir.resolve("out"), Layout.DOCUMENTED).get(0);
        assertThat(exported.files()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void importedFoldersAndBackupsAreFoldersTooAndTheWorldStillRoundTrips() throws IOException {
        Path src = WorldFolder.at(dir.resolve("src"), "Kept")
                .file("world_state.json", "{\n  \"name\": \"Kept\"\n}")
                .directory("empty/inner")
                .file("history/world_state.backup.1.json", "{\n  \"name\": \"Kept\"\n}")
                .path();
        ImportResult r = store.folders().importFolders(List.of(src), false).get(0);
        assertThat(r.error()).isNull();
        for (String clash : List.of("empty", "empty/inner", "history")) {
            assertThatThrownBy(() -> store.files().put("Kept", clash, PNG)).as(clash)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("world Kept").hasMessageContaining(clash);
        }
        store.files().put("Kept", "empty/inner/now.png", PNG);
        store.files().put("Kept", "history/notes.txt", PNG);
        Path out = dir.resolve("out");
        store.folders().export(List.of("Kept"), out, Layout.DOCUMENTED);
        try (WorldStore again = WorldStore.configure().dataDir(dir.resolve("again")).open()) {
            assertThat(again.folders().importFolders(List.of(out.resolve("Kept")), false).get(0).error()).isNull();
            assertThat(again.files().list("Kept")).extracting(WorldFile::path)
                    .containsExactlyInAnyOrder("empty/inner/now.png", "history/notes.txt");
        }
    }
}
