package io.cardshark.worlds.folder;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.backup.SnapshotInfo;
import io.cardshark.worlds.testing.ChildJvm;
import io.cardshark.worlds.testing.FolderLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot taken before a replace is kept only once the replace commits (issue 11, item 8). Before, a
 * killed {@code import --replace} left a full copy of the world for a replace that never happened, which
 * {@code snapshots} listed and retention counted.
 */
class ReplaceSnapshotTest {

    static final String WORLD = "Replaced_World";

    @TempDir
    Path dir;

    private Path source(int messages) throws Exception {
        Path out = dir.resolve("source-" + messages);
        try (WorldStore maker = WorldStore.configure().dataDir(dir.resolve("maker-" + messages)).open()) {
            maker.useTransaction(tx -> {
                tx.worlds().create("Replaced World");
                tx.locations().put(WORLD, Location.at(Coordinates.of(0, 0, 0), "hall", "Hall", "d"));
                String chat = tx.chats().create(WORLD, NewChat.at("hall", "talk")).chatId();
                List<NewMessage> batch = new ArrayList<>();
                for (int i = 0; i < messages; i++) {
                    batch.add(new NewMessage("m" + i, "user", "message " + i, (long) i));
                }
                tx.chats().appendAll(WORLD, chat, batch);
            });
            maker.folders().export(List.of(WORLD), out, Layout.DOCUMENTED);
        }
        return out.resolve(WORLD);
    }

    private List<String> pendingLeft(Path store) throws Exception {
        Path worldDir = store.resolve("snapshots").resolve(WORLD);
        if (!Files.isDirectory(worldDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(worldDir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pending")).toList();
        }
    }

    @Test
    void aReplaceThatRollsBackKeepsNoSnapshot() throws Exception {
        Path good = source(3);
        Path bad = dir.resolve("bad").resolve(WORLD);
        io.cardshark.worlds.testing.Trees.copy(good, bad);
        // A chat line that is no JSON: found after the snapshot, while the rows are written.
        Files.writeString(bad.resolve("chats").resolve("zz_broken.jsonl"), "{\"id\": \"m\"}\n{broken\n");
        Path store = dir.resolve("store");
        try (WorldStore s = WorldStore.configure().dataDir(store).open()) {
            assertThat(s.folders().importFolders(List.of(good), false).get(0).isImported()).isTrue();
            ImportResult refused = s.folders().importFolders(List.of(bad), true).get(0);
            assertThat(refused.isImported()).as("%s", refused).isFalse();
            assertThat(s.snapshots().list(WORLD)).as("no snapshot of a replace that did not happen").isEmpty();
            assertThat(pendingLeft(store)).as("and nothing of it on disk").isEmpty();

            assertThat(s.folders().importFolders(List.of(good), true).get(0).isImported()).isTrue();
            assertThat(s.snapshots().list(WORLD)).extracting(SnapshotInfo::reason).containsExactly("replace");
        }
    }

    @Test
    void aReplaceKilledAfterItsSnapshotLeavesNoSnapshotListed() throws Exception {
        Path source = source(20_000);
        Path store = dir.resolve("store");
        try (WorldStore s = WorldStore.configure().dataDir(store).open()) {
            assertThat(s.folders().importFolders(List.of(source), false).get(0).isImported()).isTrue();
        }
        long acknowledged = 0;
        for (int kill = 0; kill < 3; kill++) {
            try (ChildJvm child = ChildJvm.start(FolderLoop.class, "import", store.toString(), source.toString())) {
                child.awaitLine("ready", 60);
                // The moment the next replace has written its snapshot, and is still writing the world's rows.
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (pendingLeft(store).isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                child.kill();
                acknowledged += child.output().stream().filter(l -> l.startsWith("imported")).count();
            }
            try (WorldStore s = WorldStore.configure().dataDir(store).open()) {
                long listed = s.snapshots().list(WORLD).stream().filter(i -> i.reason().equals("replace")).count();
                assertThat(listed).as("kill %d: one snapshot per acknowledged replace, none for the one killed", kill)
                        .isEqualTo(acknowledged);
                assertThat(s.worlds().get(WORLD).id()).isEqualTo(WORLD);
            }
            assertThat(pendingLeft(store)).as("the killed replace's snapshot is gone after the open").isEmpty();
        }
    }
}
