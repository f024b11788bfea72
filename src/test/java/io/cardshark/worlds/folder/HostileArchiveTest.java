package io.cardshark.worlds.folder;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.StoreDigest;
import io.cardshark.worlds.testing.TestZips;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Hostile and damaged world archives: each is refused with a message naming the archive, the entry and what is
 * wrong, and the store holds exactly what it held before (a digest of every row of every table), with no scratch
 * folder left behind. Each row of the table builds its archive from one valid world folder and one twist.
 */
class HostileArchiveTest {

    private static final byte[] STATE = readTinyState();
    private static final ArchiveLimits LIMITS = ArchiveLimits.DEFAULT;

    @TempDir
    Path dir;

    /** One hostile archive: how to make it, the limits it meets, and what the refusal must say. */
    record Case(String name, byte[] archive, ArchiveLimits limits, List<String> says) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                c("an entry climbing out with ..", zip("Evil/world_state.json", STATE, "../outside.txt", bytes("x")),
                        "entry ../outside.txt", "has a \"..\" segment"),
                c("a .. inside a world's path", zip("Evil/world_state.json", STATE, "Evil/images/../../x.png", bytes("x")),
                        "entry Evil/images/../../x.png", "has a \"..\" segment"),
                c("an absolute entry name", zip("/Evil/world_state.json", STATE),
                        "entry /Evil/world_state.json", "is an absolute path"),
                c("a backslash in a name", zip("Evil/world_state.json", STATE, "Evil\\..\\x.png", bytes("x")),
                        "contains a backslash"),
                c("a drive letter", zip("C:/Evil/world_state.json", STATE),
                        "entry C:/Evil/world_state.json", "starts with a drive letter"),
                c("a symbolic link (Unix mode in the external attributes)",
                        TestZips.withUnixMode(zip("Evil/world_state.json", STATE, "Evil/passwd", bytes("/etc/passwd")),
                                "Evil/passwd", 0120777),
                        "entry Evil/passwd", "symbolic link"),
                c("a name that appears twice",
                        TestZips.renamed(zip("Evil/world_state.json", STATE, "Evil/a.png", bytes("a"), "Evil/b.png",
                                bytes("b")), "Evil/b.png", "Evil/a.png"),
                        "entry Evil/a.png", "appears twice"),
                c("two world folders differing only in case",
                        zip("Evil/world_state.json", STATE, "evil/world_state.json", STATE),
                        "entry evil/world_state.json", "differs only in case from entry Evil/world_state.json"),
                c("two world folders differing only in Unicode normalisation",
                        zip("Caf\u00e9/world_state.json", STATE, "Cafe\u0301/world_state.json", STATE),
                        "entry Cafe\u0301/world_state.json", "differs only in Unicode normalisation"),
                c("a size that lies low (the data is longer)",
                        TestZips.withDeclaredSize(zip("Evil/world_state.json", STATE, "Evil/a.txt", bytes("0123456789")),
                                "Evil/a.txt", 4),
                        "entry Evil/a.txt", "longer than the declared size of 4 bytes"),
                c("a size that lies high (the data is shorter)",
                        TestZips.withDeclaredSize(zip("Evil/world_state.json", STATE, "Evil/a.txt", bytes("0123456789")),
                                "Evil/a.txt", 20),
                        "entry Evil/a.txt", "holds only 10 of the declared 20 bytes"),
                c("data that does not match its CRC-32",
                        TestZips.withDeclaredCrc(zip("Evil/world_state.json", STATE, "Evil/a.txt", bytes("abc")),
                                "Evil/a.txt", 0x12345678),
                        "entry Evil/a.txt", "CRC-32 mismatch"),
                c("a zip bomb (4 MiB of zeros in a few KiB)",
                        zip("Evil/world_state.json", STATE, "Evil/images/zeros.bin", new byte[4 << 20]),
                        "entry Evil/images/zeros.bin", "compression ratio", "exceeds 200:1: a zip bomb?"),
                new Case("more bytes in all than the total bound",
                        zip("Evil/world_state.json", STATE, "Evil/a.bin", new byte[600], "Evil/b.bin", new byte[600]),
                        LIMITS.maxTotalBytes(STATE.length + 1000L), List.of("entry Evil/b.bin", "uncompressed bytes in total")),
                new Case("an entry above the entry bound", zip("Evil/world_state.json", STATE, "Evil/a.bin", new byte[5000]),
                        LIMITS.maxEntryBytes(4096), List.of("entry Evil/a.bin", "the limit is 4096")),
                new Case("too many entries", zip("Evil/world_state.json", STATE, "Evil/1", bytes("1"), "Evil/2", bytes("2"),
                        "Evil/3", bytes("3")), LIMITS.maxEntries(3), List.of("lists 4 entries; the limit is 3")),
                new Case("an archive file above the size bound", zip("Evil/world_state.json", STATE),
                        LIMITS.maxArchiveBytes(100), List.of("the limit is 100")),
                c("an archive that ends early", Arrays.copyOf(zip("Evil/world_state.json", STATE, "Evil/a.txt",
                        bytes("some text")), 200), "no end-of-central-directory record", "cut short"),
                c("not a zip at all", bytes("{\"this\": \"is JSON, not a zip\"}"), "not a ZIP archive"),
                c("a path nested deeper than the depth bound", zip("Evil/world_state.json", STATE,
                        "Evil/" + "d/".repeat(70) + "x.txt", bytes("deep")), "has 72 path segments; the limit is 64"),
                c("a control character in a name", zip("Evil/world_state.json", STATE, "Evil/bell\u0007.png", bytes("x")),
                        "contains the control character U+0007"),
                c("a file beside the world folders", zip("Evil/world_state.json", STATE, "readme.txt", bytes("hi")),
                        "entry readme.txt", "found a file at the top of the archive"),
                c("no world at all", zip(), "holds no world folder"));
    }

    private static Case c(String name, byte[] archive, String... says) {
        return new Case(name, archive, LIMITS, List.of(says));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedNamingTheEntryAndTheStoreIsUnchanged(Case hostile) throws IOException {
        Path archive = Files.write(dir.resolve("hostile.zip"), hostile.archive());
        try (WorldStore store = storeWithOneWorld()) {
            String before = StoreDigest.of(store);
            FolderFormatException refused = catchThrowableOfType(
                    () -> store.folders().importArchive(archive, true, hostile.limits(), Progress.NONE),
                    FolderFormatException.class);
            assertThat(refused).as(hostile.name()).isNotNull();
            assertThat(refused.getMessage()).startsWith(archive.toString()).contains(hostile.says());
            assertThat(StoreDigest.of(store)).isEqualTo(before);
            assertNoScratchLeft();
        }
        assertThat(Files.readAllBytes(archive)).isEqualTo(hostile.archive());
    }

    @Test
    void atLeastFifteenHostileArchivesAreInTheTable() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void aWorldFolderInsideThatIsInvalidIsRejectedNamingArchiveWorldFileAndPosition() throws IOException {
        byte[] bad = bytes("{\"name\": \"Broken\", \"locations\": {\"0,0,0\": {\"location_id\": null}}}");
        Path archive = Files.write(dir.resolve("mixed.zip"), zip("Broken/world_state.json", bad,
                "Fine/world_state.json", STATE));
        try (WorldStore store = storeWithOneWorld()) {
            List<ImportResult> results = store.folders().importArchive(archive, false);
            assertThat(results).extracting(ImportResult::worldId).containsExactly("Broken", "Fine");
            ImportResult broken = results.get(0);
            assertThat(broken.outcome()).isEqualTo(ImportOutcome.REJECTED);
            assertThat(broken.folder()).isEqualTo(archive);
            assertThat(broken.error()).startsWith(archive + ", world Broken: world_state.json")
                    .contains("at /locations/0,0,0/name: expected a string").doesNotContain("archive-import");
            // Each world stands alone, as in a folder of worlds: the valid one is in, the broken one left no row.
            assertThat(results.get(1).outcome()).isEqualTo(ImportOutcome.IMPORTED);
            assertThat(store.worlds().list()).extracting(w -> w.id()).containsExactly("Fine", "Tiny_World");
            assertNoScratchLeft();
        }
    }

    @Test
    void theImportCommandsEntryReportsARefusedArchiveAsOneRejection() throws IOException {
        Path archive = Files.write(dir.resolve("climb.zip"), zip("Evil/world_state.json", STATE, "../x", bytes("x")));
        try (WorldStore store = storeWithOneWorld()) {
            String before = StoreDigest.of(store);
            assertThat(store.folders().importFolders(List.of(archive), false)).singleElement().satisfies(r -> {
                assertThat(r.worldId()).isEqualTo("climb.zip");
                assertThat(r.outcome()).isEqualTo(ImportOutcome.REJECTED);
                assertThat(r.error()).contains("entry ../x", "\"..\"");
            });
            assertThat(StoreDigest.of(store)).isEqualTo(before);
        }
    }

    private WorldStore storeWithOneWorld() throws IOException {
        WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open();
        if (store.worlds().list().isEmpty()) {
            store.folders().importFolders(List.of(Trees.fixtureWorlds("a-tiny", dir.resolve("src"))), false);
        }
        return store;
    }

    private void assertNoScratchLeft() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("store"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private static byte[] zip(Object... namesAndBytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndBytes.length; i += 2) {
            entries.put((String) namesAndBytes[i], (byte[]) namesAndBytes[i + 1]);
        }
        return TestZips.zip(entries);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] readTinyState() {
        try {
            return Files.readAllBytes(Trees.resource("fixtures/cardshark/a-tiny/worlds/Tiny_World/world_state.json"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
