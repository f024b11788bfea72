package io.cardshark.worlds.folder;

import io.cardshark.worlds.ErrorCode;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.WorldStoreException;
import io.cardshark.worlds.testing.ChatWorlds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an export does when the file system or the stored rows are not what it expects: a failure of the
 * file system is the store's own {@link WorldStoreException} with {@link ErrorCode#IO_FAILURE}, naming the
 * world and the path, never a raw {@code UncheckedIOException}; a stored path that would lead out of the
 * world folder is refused before anything is written there.
 */
class ExportSafetyTest {

    @TempDir
    Path dir;

    @Test
    void aFileSystemFailureIsAnIoFailureNamingWorldAndPath() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "a file where the export folder should go");
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            String id = store.worlds().create("Blocked").id();
            Path target = blocker.resolve("out");
            assertThatThrownBy(() -> store.folders().export(List.of(id), target, Layout.DOCUMENTED))
                    .isInstanceOfSatisfying(WorldStoreException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.IO_FAILURE);
                        assertThat(e.worldId()).isEqualTo(id);
                    })
                    .hasMessageContaining("world " + id)
                    .hasMessageContaining(target.resolve(id).toString())
                    .hasMessageContaining(blocker.toString());
            // The store is fine afterwards: the same world exports elsewhere.
            assertThat(store.folders().export(List.of(id), dir.resolve("out"), Layout.DOCUMENTED)).hasSize(1);
        }
    }

    @Test
    void aStoredPathLeadingOutOfTheWorldFolderIsRefusedBeforeWriting() throws IOException, SQLException {
        Path out = dir.resolve("exports").resolve("out");
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            String id = store.worlds().create("Escaping").id();
            store.files().put(id, "images/a.png", new byte[]{1});
            store.files().put(id, "images/b.png", new byte[]{2});
            // The API refuses such paths; a row written with SQL (or by an older version) is not checked.
            try (Connection c = store.sqlConnection(true);
                 PreparedStatement st = c.prepareStatement("UPDATE WORLD_FILE SET PATH = ?"
                         + " WHERE WORLD_KEY = (SELECT WORLD_KEY FROM WORLD WHERE ID = ?) AND PATH = ?")) {
                st.setString(2, id);
                st.setString(1, "../../escaped.txt");
                st.setString(3, "images/a.png");
                assertThat(st.executeUpdate()).isEqualTo(1);
                st.setString(1, "images/../../../../escaped-too.txt");
                st.setString(3, "images/b.png");
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
            assertThatThrownBy(() -> store.folders().export(List.of(id), out, Layout.DOCUMENTED))
                    .isInstanceOf(FolderFormatException.class)
                    .hasMessageContaining(out.resolve(id).toString())
                    .hasMessageContaining("escaped")
                    .hasMessageContaining("expected a path inside the world folder");
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("escaped"));
        }
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).as("no target and no temporary folder").isEmpty();
        }
    }
    /**
     * The export reads every file back before the rename (format spec §10.1, step 3): a document or a chat that
     * no longer holds the bytes written (changed here, from the progress callback, after it was closed) fails the
     * export with the path and the checksums, and no folder is left in the target.
     */
    @Test
    void aFileChangedAfterItWasWrittenFailsTheExportAndLeavesNothing() throws IOException {
        Path source = ChatWorlds.folder(dir.resolve("in"), "Checked", 3_000, null);
        // "aside" sorts before "talk": its file is whole before the long chat's messages are written.
        Files.writeString(source.resolve("chats/aside.jsonl"), "{\"chat_id\": \"aside\", \"title\": \"Aside\"}\n"
                + "{\"id\": \"a0\", \"role\": \"user\", \"content\": \"hello\"}\n");
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            assertThat(store.folders().importFolders(List.of(source), false).get(0).isImported()).isTrue();
            for (String changed : List.of("world_state.json", "chats/aside.chat.jsonl")) {
                Path out = dir.resolve("out-" + changed.length());
                Files.createDirectories(out);
                boolean[] done = {false};
                Progress tamper = (worldId, written, total) -> {
                    if (written > 100 && !done[0]) {
                        done[0] = true;
                        flipFirstByte(onlyTempFolder(out).resolve(changed));
                    }
                };
                assertThatThrownBy(() -> store.folders().export(List.of("Checked"), out, Layout.DOCUMENTED, tamper))
                        .isInstanceOf(FolderFormatException.class)
                        .hasMessageContaining("world Checked")
                        .hasMessageContaining(changed + ": expected CRC-32C");
                assertThat(done[0]).isTrue();
                try (Stream<Path> left = Files.list(out)) {
                    assertThat(left).isEmpty();
                }
            }
        }
    }

    private static Path onlyTempFolder(Path out) {
        try (Stream<Path> entries = Files.list(out)) {
            List<Path> temps = entries.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertThat(temps).hasSize(1);
            return temps.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flipFirstByte(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            bytes[0] ^= 0x20;
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
