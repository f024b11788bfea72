package io.cardshark.worlds.backup;

import io.cardshark.worlds.SnapshotForm;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Snapshots kept as world archives ({@link SnapshotForm#ARCHIVE}): taken like folders, restored the same way. */
class ArchiveSnapshotTest {

    @TempDir
    Path dir;

    private WorldStore open(SnapshotForm form) {
        return WorldStore.configure().dataDir(dir.resolve("store")).snapshotForm(form).open();
    }

    @Test
    void aStoreSetToArchivesKeepsEveryAutomaticSnapshotAsAZipThatRestoresTheWorldExactly() throws IOException {
        try (WorldStore store = open(SnapshotForm.ARCHIVE)) {
            store.folders().importFolders(List.of(Trees.fixtureWorlds("c-chats", dir.resolve("src"))), false);
            store.folders().exportAll(dir.resolve("before"), Layout.CARDSHARK);
            store.worlds().delete("Elara_s_Chat_World");

            SnapshotInfo taken = store.snapshots().list("Elara_s_Chat_World").get(0);
            assertThat(taken.reason()).isEqualTo("delete");
            assertThat(taken.isArchive()).isTrue();
            assertThat(taken.folder().getFileName()).hasToString("Elara_s_Chat_World.zip");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(taken.folder()))).isEqualTo("rw-------");
            try (Stream<Path> stamp = Files.list(taken.folder().getParent())) {
                assertThat(stamp).containsExactly(taken.folder()); // no scratch folder, no temporary zip
            }

            store.snapshots().restore("Elara_s_Chat_World");
            store.folders().exportAll(dir.resolve("after"), Layout.CARDSHARK);
        }
        assertThat(Trees.files(dir.resolve("after"))).containsExactlyEntriesOf(Trees.files(dir.resolve("before")));
    }

    @Test
    void restoreReadsBothFormsWhateverTheSettingSaysNow() throws IOException {
        try (WorldStore store = open(SnapshotForm.FOLDER)) {
            store.folders().importFolders(List.of(Trees.fixtureWorlds("a-tiny", dir.resolve("src"))), false);
            SnapshotInfo zip = store.snapshots().take("Tiny_World", SnapshotForm.ARCHIVE);
            SnapshotInfo folder = store.snapshots().take("Tiny_World");
            assertThat(zip.isArchive()).isTrue();
            assertThat(folder.isArchive()).isFalse();
            assertThat(Files.isDirectory(folder.folder())).isTrue();
            assertThat(store.snapshots().list("Tiny_World")).extracting(SnapshotInfo::name)
                    .contains(zip.name(), folder.name());
            store.snapshots().restore("Tiny_World", zip.name());
            store.snapshots().restore("Tiny_World", folder.name());
            assertThat(store.worlds().get("Tiny_World").id()).isEqualTo("Tiny_World");
        }
        try (WorldStore store = open(SnapshotForm.ARCHIVE)) {
            // Reopened with the other setting: the folder snapshots are still listed and restorable.
            assertThat(store.snapshots().list("Tiny_World")).anyMatch(s -> !s.isArchive()).anyMatch(SnapshotInfo::isArchive);
            assertThat(store.snapshots().take("Tiny_World").isArchive()).isTrue();
        }
    }
}
