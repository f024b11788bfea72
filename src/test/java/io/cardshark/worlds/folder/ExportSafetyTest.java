package io.cardshark.worlds.folder;

import io.cardshark.worlds.ErrorCode;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.WorldStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
}
