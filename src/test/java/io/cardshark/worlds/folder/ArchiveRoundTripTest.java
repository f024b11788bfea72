package io.cardshark.worlds.folder;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * World archives on the five folders CardShark itself wrote: an archive holds exactly what a folder export writes
 * (export to a zip, import into a fresh store, export to folders: byte for byte the direct folder export), and its
 * bytes depend on the store alone.
 */
class ArchiveRoundTripTest {

    @TempDir
    Path dir;

    private WorldStore storeWithFixtures(String name) throws IOException {
        WorldStore store = WorldStore.configure().dataDir(dir.resolve(name)).open();
        List<Path> worlds = new ArrayList<>();
        for (String c : FixtureTest.CASES) {
            worlds.add(Trees.fixtureWorlds(c, dir.resolve("src-" + name)));
        }
        assertThat(store.folders().importFolders(worlds, false)).allMatch(ImportResult::isImported);
        return store;
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void zipThenFreshStoreThenFoldersIsByteForByteTheFolderExport(Layout layout) throws IOException {
        Path direct = dir.resolve("direct");
        Path archive = dir.resolve("out/worlds.zip");
        try (WorldStore store = storeWithFixtures("a")) {
            store.folders().exportAll(direct, layout);
            ArchiveResult written = store.folders().exportAllArchive(archive, layout, Progress.NONE);
            assertThat(written.worlds()).extracting(ExportResult::worldId).containsExactly("Backup_Test",
                    "Drachen-Höhle_Ünïcødé_Test_Wörld_", "Elara_s_Chat_World", "Fantasy_World", "Tiny_World");
            assertThat(written.bytes()).isEqualTo(Files.size(archive));
        }
        Path again = dir.resolve("again");
        try (WorldStore fresh = WorldStore.configure().dataDir(dir.resolve("b")).open()) {
            List<ImportResult> imported = fresh.folders().importArchive(archive, false);
            assertThat(imported).hasSize(5).allMatch(r -> r.outcome() == ImportOutcome.IMPORTED);
            assertThat(imported).allMatch(r -> r.folder().equals(archive));
            fresh.folders().exportAll(again, layout);
        }
        assertThat(Trees.files(again)).containsExactlyEntriesOf(Trees.files(direct));
        assertThat(Trees.directories(again)).isEqualTo(Trees.directories(direct));
    }

    @Test
    void exportingTheSameStoreTwiceGivesIdenticalBytesInAFixedOrderAndTime() throws IOException {
        Path first = dir.resolve("one.zip");
        Path second = dir.resolve("two/two.zip");
        try (WorldStore store = storeWithFixtures("a")) {
            store.folders().exportAllArchive(first, Layout.CARDSHARK, Progress.NONE);
            // Asked in another order: the archive's order is the ids' own, so the bytes cannot differ.
            List<String> ids = new ArrayList<>(store.worlds().list().stream().map(w -> w.id()).toList());
            Collections.reverse(ids);
            store.folders().exportArchive(ids, second, Layout.CARDSHARK, Progress.NONE);
        }
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        try (ZipFile zip = new ZipFile(first.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertThat(names).isSortedAccordingTo(String::compareTo).startsWith("Backup_Test/",
                    "Backup_Test/metadata.json");
            assertThat(zip.stream()).allMatch(e -> e.getTimeLocal().equals(LocalDateTime.of(2000, 1, 1, 0, 0)))
                    .allMatch(e -> e.getExtra() == null && e.getComment() == null);
            assertThat(names).contains("Elara_s_Chat_World/chats/", "Tiny_World/");
        }
    }

    @Test
    void theArchiveIsOwnerOnlyAndReplacesAnOldOneLeavingNoTemporaryFile() throws IOException {
        Path out = dir.resolve("out");
        Path archive = out.resolve("tiny.zip");
        Files.createDirectories(out);
        Files.writeString(archive, "an older archive");
        Files.writeString(out.resolve(".tiny.zip.0123456789ab.tmp"), "what a killed export left");
        try (WorldStore store = storeWithFixtures("a")) {
            ArchiveResult r = store.folders().exportArchive(List.of("Tiny_World"), archive, null, Progress.NONE);
            assertThat(r.worlds()).singleElement().satisfies(w -> {
                assertThat(w.target()).isEqualTo(archive);
                assertThat(w.layout()).isEqualTo(Layout.DOCUMENTED);
            });
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(archive);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-------");
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).allMatch(n -> n.startsWith("Tiny_World/"));
        }
    }

    @Test
    void anArchivedWorldIsRefusedWhenItExistsAndReplacedWhenAsked() throws IOException {
        Path archive = dir.resolve("tiny.zip");
        try (WorldStore store = storeWithFixtures("a")) {
            store.folders().exportArchive(List.of("Tiny_World"), archive, Layout.CARDSHARK, Progress.NONE);
            ImportResult refused = store.folders().importArchive(archive, false).get(0);
            assertThat(refused.outcome()).isEqualTo(ImportOutcome.REJECTED);
            assertThat(refused.error()).contains("world Tiny_World clashes with existing world Tiny_World");
            assertThat(store.folders().importArchive(archive, true)).singleElement()
                    .satisfies(r -> assertThat(r.outcome()).isEqualTo(ImportOutcome.IMPORTED));
            // The import command's entry: a world archive given among other paths.
            assertThat(store.folders().importFolders(List.of(archive), true)).singleElement()
                    .satisfies(r -> assertThat(r.worldId()).isEqualTo("Tiny_World"));
        }
        try (Stream<Path> left = Files.list(dir.resolve("a"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
