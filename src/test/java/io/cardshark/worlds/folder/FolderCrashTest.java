package io.cardshark.worlds.folder;

import io.cardshark.worlds.Chat;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.ChildJvm;
import io.cardshark.worlds.testing.CrashWorlds;
import io.cardshark.worlds.testing.FolderLoop;
import io.cardshark.worlds.testing.StoreSql;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 in the middle of imports and exports (format spec §10, checklist 40 and 41): after each kill the
 * world is absent or complete in the store, and the export target is the complete old or the complete new
 * folder.
 */
class FolderCrashTest {

    static final int KILLS = Integer.getInteger("cardshark.folderKills", 10);
    static final String WORLD = "Crash_Folder";
    static final int MESSAGES = 20_000;
    static final int LOCATIONS = 200;

    @TempDir
    Path dir;
    Path source;
    Map<String, byte[]> reference;
    final Random random = new Random(Long.getLong("cardshark.seed", System.nanoTime()));

    /** A world big enough that an import or export takes a while: a few hundred locations, 20,000 messages. */
    @BeforeEach
    void makeSource() throws IOException {
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("maker")).open()) {
            CrashWorlds.create(store, "Crash Folder", LOCATIONS, MESSAGES);
            store.folders().export(List.of(WORLD), dir.resolve("source"), Layout.DOCUMENTED);
        }
        source = dir.resolve("source").resolve(WORLD);
        reference = Trees.files(source);
    }

    @Test
    void anImportKilledAtAnyMomentLeavesTheWorldAbsentOrComplete() throws Exception {
        Path store = dir.resolve("store");
        boolean everImported = false;
        int absent = 0;
        int complete = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            try (ChildJvm child = ChildJvm.start(FolderLoop.class, "import", store.toString(), source.toString())) {
                child.awaitLine("ready", 60);
                Thread.sleep(100 + random.nextInt(1500));
                child.kill();
                everImported |= child.output().stream().anyMatch(l -> l.startsWith("imported"));
                assertThat(child.output()).noneMatch(l -> l.startsWith("failed"));
            }
            try (WorldStore s = WorldStore.configure().dataDir(store).open()) {
                // The import commits its chat in steps of 2,000 messages (schema V11): what a kill left of them is
                // deleted by this open, so every message in the store is a whole world's.
                assertThat(StoreSql.count(s, "SELECT COUNT(*) FROM CHAT_MESSAGE")).isIn(0L, (long) MESSAGES);
                if (!s.worlds().exists(WORLD)) {
                    assertThat(everImported).as("a replace is atomic: once imported, the world never disappears").isFalse();
                    assertThat(StoreSql.count(s, "SELECT COUNT(*) FROM CHAT_MESSAGE")).isZero();
                    absent++;
                    continue;
                }
                complete++;
                assertThat(s.locations().list(WORLD)).hasSize(LOCATIONS);
                List<Chat> chats = s.chats().list(WORLD);
                assertThat(chats).hasSize(1);
                assertThat(chats.get(0).messageCount()).isEqualTo(MESSAGES);
                assertThat(s.chats().pageBackward(WORLD, chats.get(0).chatId(), Long.MAX_VALUE, 1).messages().get(0).seq())
                        .isEqualTo(MESSAGES - 1);
            }
        }
        System.out.printf("import kill test: %d kills, %d times absent, %d times complete, 0 partial%n", KILLS, absent, complete);
    }

    @Test
    void anExportKilledAtAnyMomentLeavesTheTargetOldOrNew() throws Exception {
        Path store = dir.resolve("store");
        try (WorldStore s = WorldStore.configure().dataDir(store).open()) {
            assertThat(s.folders().importFolders(List.of(source), false).get(0).error()).isNull();
        }
        Path target = dir.resolve("target");
        int complete = 0;
        int absentWithOld = 0;
        int neverWritten = 0;
        boolean targetExisted = false;
        for (int kill = 0; kill < KILLS; kill++) {
            try (ChildJvm child = ChildJvm.start(FolderLoop.class, "export", store.toString(), WORLD, target.toString())) {
                child.awaitLine("ready", 60);
                Thread.sleep(100 + random.nextInt(1500));
                child.kill();
            }
            Path world = target.resolve(WORLD);
            if (Files.exists(world)) {
                Map<String, byte[]> found = Trees.files(world);
                assertThat(found).as("the target after kill %d", kill).containsOnlyKeys(reference.keySet());
                reference.forEach((path, bytes) -> assertThat(found.get(path)).as(path).isEqualTo(bytes));
                complete++;
            } else if (targetExisted) {
                // Java has no atomic directory exchange: between two renames only an .old.tmp sibling holds it.
                assertThat(siblings(target)).as("no target: an .old.tmp sibling must hold the old folder")
                        .anyMatch(n -> n.endsWith(".old.tmp"));
                absentWithOld++;
            } else {
                neverWritten++;
            }
            // The next export tidies what the killed one left, and completes.
            try (WorldStore s = WorldStore.configure().dataDir(store).open()) {
                s.folders().export(List.of(WORLD), target, Layout.DOCUMENTED);
            }
            assertThat(siblings(target)).containsExactly(WORLD);
            assertThat(Trees.files(target.resolve(WORLD)).keySet()).isEqualTo(reference.keySet());
            targetExisted = true;
        }
        System.out.printf("export kill test: %d kills, %d times complete, %d times between renames, "
                + "%d times before the first export finished, 0 partial%n", KILLS, complete, absentWithOld, neverWritten);
    }

    private static List<String> siblings(Path target) throws IOException {
        try (Stream<Path> s = Files.list(target)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
