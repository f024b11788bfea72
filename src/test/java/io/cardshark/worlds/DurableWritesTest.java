package io.cardshark.worlds;

import io.cardshark.worlds.backup.BackupInfo;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.internal.backup.BackupService;
import io.cardshark.worlds.internal.engine.StoreFiles;
import io.cardshark.worlds.internal.fs.OwnerOnly;
import io.cardshark.worlds.testing.fsrecord.FsCall;
import io.cardshark.worlds.testing.fsrecord.RecordingFileSystem;
import io.cardshark.worlds.testing.fsrecord.SyncDiscipline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the store writes outside H2 (issue 17, item 3) follows write, sync the file, rename, sync the folder:
 * the store is given paths of a {@link RecordingFileSystem}, so its own code records every call that changes
 * the disk, and {@link SyncDiscipline} judges each writer's sequence: credentials, backup zips (online and
 * offline), exported folders (new and replacing), snapshots (taken, and pending until the step commits) and
 * restores. Each test also checks that the writer's rename was seen, so that none passes by seeing nothing.
 * (H2's own file is written through {@code RandomAccessFile}, out of sight here: {@code PowerCutHarnessTest}
 * covers it.)
 */
class DurableWritesTest {

    @TempDir
    Path tmp;

    private final RecordingFileSystem disk = new RecordingFileSystem();

    @Test
    void aNewStoreMakesItsFoldersAndCredentialsDurable() {
        Path data = root().resolve("games/cardshark/store");
        WorldStore.open(config(data)).close();

        assertThat(renamedTo("/" + StoreFiles.CREDENTIALS)).isTrue();
        assertThat(violations()).isEmpty();
    }

    @Test
    void backupZipsAreSyncedBeforeTheirRenameAndTheirFolderAfter() throws Exception {
        StoreConfig config = config(root().resolve("store"));
        try (WorldStore store = WorldStore.open(config)) {
            store.worlds().create("Backed Up");
            disk.clear();
            BackupInfo first = store.backups().create();
            BackupInfo second = store.backups().create();
            assertThat(renamedTo(first.name())).isTrue();
            assertThat(renamedTo(second.name())).isTrue();
        }
        BackupService.openingBackups(config).offline("pre-drop");

        assertThat(renamedTo("-pre-drop.zip")).isTrue();
        assertThat(violations()).isEmpty();
    }

    @Test
    void exportedFoldersAreSyncedBeforeTheirRenameAndTheirFolderAfter() {
        try (WorldStore store = WorldStore.open(config(root().resolve("store")))) {
            populate(store, "Exported");
            disk.clear();
            Path target = root().resolve("out/exports");
            store.folders().export(List.of("Exported"), target, Layout.DOCUMENTED);
            store.folders().export(List.of("Exported"), target, Layout.CARDSHARK);
        }

        assertThat(disk.calls()).filteredOn(c -> c.kind() == FsCall.Kind.RENAME_FOLDER
                && c.target().endsWith("/out/exports/Exported")).hasSize(2);
        assertThat(violations()).isEmpty();
    }

    @Test
    void snapshotsAreSyncedBeforeTheyTakeTheirNames() {
        try (WorldStore store = WorldStore.open(config(root().resolve("store")))) {
            populate(store, "Kept");
            populate(store, "Deleted");
            disk.clear();
            store.snapshots().take("Kept");
            store.worlds().delete("Deleted");
            assertThat(store.snapshots().list()).hasSize(2);
        }

        // Both go through a pending folder since main's snapshot changes: the one taken and the delete's.
        assertThat(disk.calls()).filteredOn(c -> c.kind() == FsCall.Kind.RENAME_FOLDER && c.path().endsWith(".pending"))
                .hasSize(2);
        assertThat(violations()).isEmpty();
    }

    @Test
    void aRestoreSyncsWhatItSwapsIn() {
        StoreConfig config = config(root().resolve("store"));
        BackupInfo backup;
        try (WorldStore store = WorldStore.open(config)) {
            populate(store, "Restored");
            backup = store.backups().create();
        }
        disk.clear();
        WorldStore.restore(config, backup.name());

        assertThat(renamedTo("/store/worlds.mv.db")).isTrue();
        assertThat(violations()).isEmpty();
        // The staged copy is opened (H2 writes to it, out of sight here, and leaves the last writes of its
        // close unsynced: BareH2PowerCutTest) before it is renamed in: it must be synced after that open,
        // which begins by taking the staged folder's lock file.
        List<FsCall> calls = disk.calls();
        int stagedOpen = lastIndex(calls, c -> c.kind() == FsCall.Kind.CREATE && c.path().contains("/.restore-")
                && c.path().endsWith("/worlds.lock"));
        int stagedSync = lastIndex(calls, c -> c.kind() == FsCall.Kind.SYNC_FILE && c.path().contains("/.restore-")
                && c.path().endsWith("/worlds.mv.db"));
        assertThat(stagedOpen).isNotNegative();
        assertThat(stagedSync).isGreaterThan(stagedOpen);
    }

    private static int lastIndex(List<FsCall> calls, Predicate<FsCall> which) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (which.test(calls.get(i))) {
                return i;
            }
        }
        return -1;
    }

    // The checker itself: each rule is broken once, and the right sequence passes.

    @Test
    void aRenameBeforeTheFileIsSyncedIsCaught() throws IOException {
        Path file = root().resolve("file.txt");
        Path temp = root().resolve(".file.txt.tmp");
        Files.writeString(temp, "new");
        Files.move(temp, file);
        sync(root());

        assertThat(violations()).containsExactly("renamed " + tmp.resolve(".file.txt.tmp") + " to " + tmp.resolve("file.txt")
                + " before syncing " + tmp.resolve(".file.txt.tmp"), tmp.resolve("file.txt") + ": its data was never synced");
    }

    @Test
    void aRenameWithoutAFolderSyncIsCaught() throws IOException {
        Path temp = root().resolve(".file.txt.tmp");
        Files.writeString(temp, "new");
        sync(temp);
        Files.move(temp, root().resolve("file.txt"));

        assertThat(violations()).containsExactly(tmp.resolve("file.txt") + ": its name was never synced into " + tmp);
    }

    @Test
    void aNewFolderNotSyncedIntoItsParentIsCaught() throws IOException {
        Path dir = Files.createDirectory(root().resolve("new"));
        OwnerOnly.writeAtomically(dir.resolve("file.txt"), "new".getBytes(StandardCharsets.UTF_8));

        assertThat(violations()).containsExactly(tmp.resolve("new") + ": its name was never synced into " + tmp);
    }

    @Test
    void aFolderRenamedWithAnUnsyncedFileInItIsCaught() throws IOException {
        Path temp = Files.createDirectory(root().resolve(".folder.tmp"));
        Files.writeString(temp.resolve("a.txt"), "a");
        sync(temp);
        Files.move(temp, root().resolve("folder"));
        sync(root());

        assertThat(violations()).containsExactly("renamed " + tmp.resolve(".folder.tmp") + " to " + tmp.resolve("folder")
                + " before syncing " + tmp.resolve(".folder.tmp/a.txt"));
    }

    @Test
    void writeSyncRenameSyncPasses() throws IOException {
        OwnerOnly.writeAtomically(root().resolve("file.txt"), "new".getBytes(StandardCharsets.UTF_8));

        assertThat(disk.calls()).extracting(FsCall::kind).containsSubsequence(FsCall.Kind.WRITE,
                FsCall.Kind.SYNC_FILE, FsCall.Kind.RENAME, FsCall.Kind.SYNC_FOLDER);
        assertThat(violations()).isEmpty();
    }

    private Path root() {
        return disk.wrap(tmp);
    }

    private List<String> violations() {
        return SyncDiscipline.violations(disk.calls(), tmp);
    }

    private boolean renamedTo(String suffix) {
        return disk.calls().stream().anyMatch(c -> c.kind() == FsCall.Kind.RENAME && c.target().endsWith(suffix));
    }

    private static StoreConfig config(Path data) {
        return WorldStore.configure().dataDir(data).serveInspection(false).build();
    }

    private static void populate(WorldStore store, String name) {
        String id = store.worlds().create(name).id();
        store.events().record(id, new NewEvent("e1", null, null, "test", 1L, "{\"n\":1}"));
        store.files().put(id, "images/backgrounds/bg.png", new byte[] {1, 2, 3});
    }

    private static void sync(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, Files.isDirectory(path) ? StandardOpenOption.READ
                : StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
