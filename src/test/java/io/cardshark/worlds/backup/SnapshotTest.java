package io.cardshark.worlds.backup;

import io.cardshark.worlds.testing.TestStores;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.NotFoundException;
import io.cardshark.worlds.Retention;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotTest {

    private static final String CHATS = "Elara_s_Chat_World";

    @TempDir
    Path dir;
    private int exports;

    private WorldStore open() {
        return TestStores.configure(dir.resolve("store")).open();
    }

    private WorldStore withFixtures() throws IOException {
        WorldStore store = open();
        store.folders().importFolders(List.of(Trees.fixtureWorlds("c-chats", dir.resolve("src")),
                Trees.fixtureWorlds("b-unicode-rich", dir.resolve("src"))), false);
        return store;
    }

    /** Both layouts of a world: equal for two states means the store holds the same world. */
    private Map<String, byte[]> exported(WorldStore store, String worldId) throws IOException {
        Map<String, byte[]> all = new TreeMap<>();
        for (Layout layout : Layout.values()) {
            Path out = dir.resolve("export-" + exports++);
            store.folders().export(List.of(worldId), out, layout);
            Trees.files(out.resolve(worldId)).forEach((k, v) -> all.put(layout + "/" + k, v));
        }
        return all;
    }

    /** Equal exports, reported file by file so that a difference is readable. */
    private static void assertSameWorld(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String file : expected.keySet()) {
            assertThat(new String(actual.get(file), java.nio.charset.StandardCharsets.UTF_8)).as(file)
                    .isEqualTo(new String(expected.get(file), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> java.util.Arrays.equals(a.get(k), b.get(k)));
    }

    private static String otherWorld(WorldStore store) {
        return store.worlds().list().stream().map(w -> w.id()).filter(id -> !id.equals(CHATS)).findFirst().orElseThrow();
    }

    @Test
    void aRestoredWorldEqualsTheWorldAtSnapshotTimeAndOtherWorldsAreUntouched() throws IOException {
        try (WorldStore store = withFixtures()) {
            String other = otherWorld(store);
            Map<String, byte[]> atSnapshot = exported(store, CHATS);
            SnapshotInfo snapshot = store.snapshots().take(CHATS);

            String chat = store.chats().list(CHATS).get(0).chatId();
            store.chats().append(CHATS, chat, NewMessage.of("user", "after the snapshot"));
            store.locations().put(CHATS, Location.at(Coordinates.of(40, 40, 0), "new_place", "New", "Added later."));
            store.locations().put(other, Location.at(Coordinates.of(50, 50, 0), "elsewhere", "Else", "Other world."));
            Map<String, byte[]> otherBefore = exported(store, other);
            assertThat(sameFiles(exported(store, CHATS), atSnapshot)).as("the world changed after the snapshot").isFalse();

            store.snapshots().restore(CHATS, snapshot.name());

            assertSameWorld(exported(store, CHATS), atSnapshot);
            assertSameWorld(exported(store, other), otherBefore);
            assertThat(store.snapshots().list(CHATS)).extracting(SnapshotInfo::reason).containsExactly("replace", "manual");
        }
    }

    @Test
    void snapshotsTakenTogetherGetStampsOfTheirOwnAndAreAllWhole() throws Exception {
        try (WorldStore store = TestStores.configure(dir.resolve("store"))
                .retention(new Retention(100, java.time.Duration.ofDays(1))).open()) {
            String world = store.worlds().create("Snap World").id();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<SnapshotInfo>> taken = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                taken.add(pool.submit(() -> {
                    go.await();
                    return store.snapshots().take(world);
                }));
            }
            go.countDown();
            java.util.Set<String> names = new java.util.HashSet<>();
            for (java.util.concurrent.Future<SnapshotInfo> f : taken) {
                SnapshotInfo info = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                names.add(info.name());
                assertThat(info.folder().resolve("world_state.json")).as(info.name()).exists();
            }
            pool.shutdown();
            assertThat(names).hasSize(12);
            assertThat(store.snapshots().list(world)).extracting(SnapshotInfo::name)
                    .containsExactlyInAnyOrderElementsOf(names);
        }
    }

    @Test
    void aDeletedWorldStaysRestorable() throws IOException {
        try (WorldStore store = withFixtures()) {
            Map<String, byte[]> before = exported(store, CHATS);
            store.worlds().delete(CHATS);
            assertThat(store.worlds().exists(CHATS)).isFalse();
            assertThat(store.snapshots().list()).extracting(SnapshotInfo::worldId, SnapshotInfo::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(CHATS, "delete"));

            store.snapshots().restore(CHATS);
            assertSameWorld(exported(store, CHATS), before);
        }
    }

    @Test
    void importReplaceSnapshotsTheReplacedWorld() throws IOException {
        try (WorldStore store = withFixtures()) {
            Map<String, byte[]> before = exported(store, CHATS);
            store.chats().append(CHATS, store.chats().list(CHATS).get(0).chatId(), NewMessage.of("user", "mine"));
            Map<String, byte[]> edited = exported(store, CHATS);
            store.folders().importFolders(List.of(Trees.fixtureWorlds("c-chats", dir.resolve("again"))), true);
            assertSameWorld(exported(store, CHATS), before);

            store.snapshots().restore(CHATS);
            assertSameWorld(exported(store, CHATS), edited);
        }
    }

    @Test
    void aDeleteInsideATransactionSnapshotsWhatThatTransactionSees() throws IOException {
        try (WorldStore store = withFixtures()) {
            store.useTransaction(tx -> {
                tx.locations().put(CHATS, Location.at(Coordinates.of(7, 7, 7), "last_words", "Last", "Added in the tx."));
                tx.worlds().delete(CHATS);
            });
            store.snapshots().restore(CHATS);
            assertThat(store.locations().get(CHATS, "last_words").name()).isEqualTo("Last");
        }
    }

    @Test
    void retentionCountsEachWorldOnItsOwn() throws IOException {
        try (WorldStore store = TestStores.configure(dir.resolve("store"))
                .retention(new Retention(2, Duration.ZERO)).open()) {
            store.folders().importFolders(List.of(Trees.fixtureWorlds("c-chats", dir.resolve("src")),
                    Trees.fixtureWorlds("b-unicode-rich", dir.resolve("src"))), false);
            String other = otherWorld(store);
            store.snapshots().take(other);
            for (int i = 0; i < 4; i++) {
                store.snapshots().take(CHATS);
            }
            assertThat(store.snapshots().list(CHATS)).hasSize(2);
            assertThat(store.snapshots().list(other)).hasSize(1);
        }
    }

    @Test
    void leftoversOfInterruptedSnapshotsAndBackupsAreRemovedOnOpen() throws IOException {
        SnapshotInfo kept;
        try (WorldStore store = withFixtures()) {
            kept = store.snapshots().take(CHATS);
        }
        Path snapshots = dir.resolve("store/snapshots/" + CHATS);
        Path cut = java.nio.file.Files.createDirectories(snapshots.resolve("20260101T000000000Z-delete")
                .resolve("." + CHATS + ".0123456789ab.tmp/chats"));
        Path strayTemp = java.nio.file.Files.createDirectories(kept.folder().resolveSibling("." + CHATS + ".ba9876543210.tmp"));
        Path backups = java.nio.file.Files.createDirectories(dir.resolve("store/backups"));
        Path zipTemp = java.nio.file.Files.writeString(backups.resolve(".worlds-20260101T000000000Z-manual.zip.tmp"), "cut");
        Path zipfsTemp = java.nio.file.Files.writeString(backups.resolve("zipfstmp123456789.tmp"), "cut");
        try (WorldStore store = open()) {
            assertThat(snapshots.resolve("20260101T000000000Z-delete")).doesNotExist();
            assertThat(strayTemp).doesNotExist();
            assertThat(zipTemp).doesNotExist();
            assertThat(zipfsTemp).doesNotExist();
            assertThat(store.snapshots().list(CHATS)).extracting(SnapshotInfo::name).containsExactly(kept.name());
            assertThat(kept.folder().resolve("world_state.json")).exists();
        }
    }

    @Test
    void unknownSnapshotsAndWorldsAreNamed() throws IOException {
        try (WorldStore store = withFixtures()) {
            assertThatThrownBy(() -> store.snapshots().restore(CHATS)).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining(CHATS).hasMessageContaining("no snapshots");
            assertThatThrownBy(() -> store.snapshots().restore(CHATS, "20260101T000000000Z-manual"))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("no snapshot named");
            assertThatThrownBy(() -> store.snapshots().take("Nowhere")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> store.snapshots().take("../x")).isInstanceOf(io.cardshark.worlds.InvalidInputException.class);
        }
    }
}
