package io.cardshark.worlds.internal.forms;

import static io.cardshark.worlds.internal.forms.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonWriter;
import io.cardshark.worlds.testing.JsonEdit;
import io.cardshark.worlds.testing.TestPngs;
import io.cardshark.worlds.testing.TestZips;
import io.cardshark.worlds.testing.LaterSamples;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged, hostile or foreign ZIP archives given as world exports: each is refused with a FolderFormatException
 * whose message names the archive and, where there is one, the entry.
 */
class ZipRefusalTest {

    @TempDir
    Path dir;

    private static final byte[] SMALL = "hello".getBytes(StandardCharsets.UTF_8);

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("world.zip"), bytes);
    }

    /** Refused by the safe reader, naming the archive and the fragments. */
    private void assertZipRefused(byte[] zip, String... fragments) throws IOException {
        Path file = write(zip);
        String[] all = Arrays.copyOf(fragments, fragments.length + 1);
        all[fragments.length] = file.toString();
        assertRefused(() -> SafeZip.read(file), all);
        assertRefused(() -> LaterForms.convert(file), all);
    }

    private static byte[] zipOf(String name, byte[] bytes) {
        return TestZips.zip(Map.of(name, bytes));
    }

    /** The sample's entries (read with the JDK), with some replaced or removed (null). */
    private static Map<String, byte[]> sampleEntries(String caseName, String file, Map<String, byte[]> changes) {
        Map<String, byte[]> entries = new LinkedHashMap<>(LaterSamples.zipEntries(LaterSamples.path(caseName, file)));
        changes.forEach((name, bytes) -> {
            if (bytes == null) {
                entries.remove(name);
            } else {
                entries.put(name, bytes);
            }
        });
        return entries;
    }

    @Test
    void theSamplesAreReadEntryByEntry() {
        List<SafeZip.Item> items = SafeZip.read(LaterSamples.path(LaterSamples.ZIP_1, "world.zip"));
        JsonObject expected = LaterSamples.expected(LaterSamples.ZIP_1);
        assertThat(items).extracting(SafeZip.Item::name)
                .containsExactlyElementsOf(LaterSamples.arr(expected, "zip", "entries").stream().map(e -> LaterSamples.str(e, "name")).toList());
        for (int i = 0; i < items.size(); i++) {
            assertThat((long) items.get(i).bytes().length).isEqualTo(LaterSamples.num(LaterSamples.arr(expected, "zip", "entries").get(i), "size"));
        }
    }

    @Test
    void directoryEntriesAreCheckedButNotReturned() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("images/", new byte[0]);
        entries.put("images/a.png", SMALL);
        assertThat(SafeZip.read(write(TestZips.zip(entries)))).extracting(SafeZip.Item::name).containsExactly("images/a.png");
    }

    @Test
    void parentSegment() throws IOException {
        assertZipRefused(zipOf("images/../../evil.png", SMALL), "entry images/../../evil.png", "has a \"..\" segment");
    }

    @Test
    void absolutePath() throws IOException {
        assertZipRefused(zipOf("/etc/x", SMALL), "entry /etc/x", "is an absolute path");
    }

    @Test
    void backslash() throws IOException {
        assertZipRefused(zipOf("images\\a.png", SMALL), "entry images\\a.png", "contains a backslash");
    }

    @Test
    void driveLetter() throws IOException {
        assertZipRefused(zipOf("C:/x.png", SMALL), "entry C:/x.png", "starts with a drive letter");
    }

    @Test
    void controlCharacter() throws IOException {
        assertZipRefused(zipOf("a\u0007b.png", SMALL), "entry a\u0007b.png", "control character U+0007");
    }

    @Test
    void emptySegment() throws IOException {
        assertZipRefused(zipOf("images//a.png", SMALL), "entry images//a.png", "empty path segment");
    }

    @Test
    void symbolicLink() throws IOException {
        byte[] zip = TestZips.withUnixMode(zipOf("world.png", "/etc/passwd".getBytes(StandardCharsets.UTF_8)), "world.png", 0120777);
        assertZipRefused(zip, "entry world.png", "is a symbolic link");
    }

    @Test
    void duplicateNames() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("rooms/a.png", SMALL);
        entries.put("rooms/b.png", SMALL);
        assertZipRefused(TestZips.renamed(TestZips.zip(entries), "rooms/b.png", "rooms/a.png"),
                "entry rooms/a.png", "appears twice");
    }

    @Test
    void namesDifferingOnlyInCase() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("rooms/Gate.png", SMALL);
        entries.put("rooms/gate.png", SMALL);
        assertZipRefused(TestZips.zip(entries), "entry rooms/gate.png", "differs only in case from entry rooms/Gate.png");
    }

    @Test
    void fileThatIsAlsoADirectory() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("rooms", SMALL);
        entries.put("rooms/a.png", SMALL);
        assertZipRefused(TestZips.zip(entries), "entry rooms:", "also a directory (of entry rooms/a.png)");
    }

    @Test
    void declaredSizeSmallerThanTheData() throws IOException {
        byte[] zip = TestZips.withDeclaredSize(zipOf("world_state.json", new byte[5000]), "world_state.json", 100);
        assertZipRefused(zip, "entry world_state.json", "longer than the declared size of 100 bytes");
    }

    @Test
    void declaredSizeLargerThanTheData() throws IOException {
        byte[] zip = TestZips.withDeclaredSize(zipOf("world_state.json", new byte[5000]), "world_state.json", 9000);
        assertZipRefused(zip, "entry world_state.json", "holds only 5000 of the declared 9000 bytes");
    }

    @Test
    void dataThatDoesNotMatchItsCrc() throws IOException {
        byte[] zip = zipOf("world_state.json", SMALL);
        int at = TestZips.centralRecord(zip, "world_state.json");
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 16, 12345);
        assertZipRefused(zip, "entry world_state.json", "CRC-32 mismatch");
    }

    @Test
    void compressionRatioBomb() throws IOException {
        byte[] zip = zipOf("world_state.json", new byte[20 << 20]);
        assertThat(zip.length).isLessThan(100_000);
        assertZipRefused(zip, "entry world_state.json", "compression ratio", "zip bomb");
    }

    @Test
    void tooManyEntries() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i <= 10_000; i++) {
            entries.put("characters/" + i + ".png", new byte[0]);
        }
        assertZipRefused(TestZips.zip(entries), "lists 10001 entries; the limit is 10000");
    }

    @Test
    void truncatedArchive() throws IOException {
        byte[] sample = LaterSamples.bytes(LaterSamples.ZIP_1, "world.zip");
        assertZipRefused(Arrays.copyOf(sample, sample.length / 2), "no end-of-central-directory record", "cut short");
    }

    @Test
    void brokenCentralDirectory() throws IOException {
        byte[] zip = zipOf("world_state.json", SMALL);
        zip[TestZips.centralRecord(zip, "world_state.json")] = 'X';
        assertZipRefused(zip, "central directory record 0", "is damaged");
    }

    @Test
    void entryDataCutOutOfTheMiddle() throws IOException {
        byte[] zip = zipOf("world_state.json", new byte[5000]);
        int cen = TestZips.centralRecord(zip, "world_state.json");
        byte[] cut = new byte[20 + zip.length - cen];
        System.arraycopy(zip, 0, cut, 0, 20);
        System.arraycopy(zip, cen, cut, 20, zip.length - cen);
        assertZipRefused(cut, "does not lie inside the file", "cut short");
    }

    @Test
    void limitsOnArchiveSizeEntriesAndTotal() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a.json", new byte[600]);
        entries.put("b.json", new byte[600]);
        Path file = write(TestZips.zip(entries));
        assertRefused(() -> SafeZip.read(file, new SafeZip.Limits(100, 10, 1000, 1000, 100, 1000)), file.toString(), "the limit is 100");
        assertRefused(() -> SafeZip.read(file, new SafeZip.Limits(1 << 20, 1, 1000, 1000, 100, 1000)), "lists 2 entries; the limit is 1");
        assertRefused(() -> SafeZip.read(file, new SafeZip.Limits(1 << 20, 10, 500, 1000, 100, 1000)), "entry a.json", "the limit is 500");
        assertRefused(() -> SafeZip.read(file, new SafeZip.Limits(1 << 20, 10, 1000, 1000, 100, 1000)), "entry b.json",
                "more than 1000 uncompressed bytes in total");
    }

    @Test
    void theRefusalNamesArchiveAndEntryInItsFields() throws IOException {
        Path file = write(zipOf("../x", SMALL));
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(() -> SafeZip.read(file),
                io.cardshark.worlds.folder.FolderFormatException.class))
                .satisfies(e -> {
                    assertThat(e.folder()).isEqualTo(file);
                    assertThat(e.file()).isEqualTo("../x");
                });
    }

    @Test
    void notAZipAtAll() throws IOException {
        assertZipRefused("{\"name\": \"not a zip\"}".getBytes(StandardCharsets.UTF_8), "not a ZIP archive");
    }

    @Test
    void neitherExportLayout() throws IOException {
        Path file = write(zipOf("notes.txt", SMALL));
        assertRefused(() -> LaterForms.convert(file), file.toString(), "neither world_meta.json", "nor world.png");
    }

    @Test
    void formatVersion2() throws IOException {
        byte[] meta = LaterSamples.zipEntries(LaterSamples.path(LaterSamples.ZIP_1, "world.zip")).get("world_meta.json");
        JsonObject changed = ((JsonObject) JsonReader.read(meta).value()).with("format_version", JsonNumber.of(2));
        Path file = write(TestZips.zip(sampleEntries(LaterSamples.ZIP_1, "world.zip",
                Map.of("world_meta.json", JsonWriter.toBytes(changed, JsonStyle.CARDSHARK)))));
        assertRefused(() -> LaterForms.convert(file), file + " entry world_meta.json at /format_version",
                "format_version 2 is not supported; supported: 1");
    }

    @Test
    void worldStateThatIsNotJson() throws IOException {
        Path file = write(TestZips.zip(sampleEntries(LaterSamples.ZIP_1, "world.zip",
                Map.of("world_state.json", "{\"schema_version\": 2,".getBytes(StandardCharsets.UTF_8)))));
        assertRefused(() -> LaterForms.convert(file), file + " entry world_state.json", "not valid JSON", "line 1");
    }

    @Test
    void worldPngMissing() throws IOException {
        Map<String, byte[]> changes = new LinkedHashMap<>();
        changes.put("world.png", null);
        Path file = write(TestZips.zip(sampleEntries(LaterSamples.CARDSHARK_ZIP, "world.cardshark.zip", changes)));
        assertRefused(() -> CardSharkZipForm.convert(file, SafeZip.read(file)), file.toString(), "the entry world.png is missing");
        assertRefused(() -> LaterForms.convert(file), file.toString(), "nor world.png");
    }

    @Test
    void aWorldCardOfAnotherSpecVersion() throws IOException {
        byte[] world = LaterSamples.zipEntries(LaterSamples.path(LaterSamples.CARDSHARK_ZIP, "world.cardshark.zip")).get("world.png");
        JsonObject card = JsonEdit.putObject(TestPngs.readCard(world), new JsonString("3.0"), "spec_version");
        Path file = write(TestZips.zip(sampleEntries(LaterSamples.CARDSHARK_ZIP, "world.cardshark.zip",
                Map.of("world.png", TestPngs.withCard(world, card)))));
        assertRefused(() -> LaterForms.convert(file), file + " entry world.png", "at /spec_version",
                "spec_version 3.0 is not supported; supported: 2.0");
        JsonObject unversioned = TestPngs.readCard(world).without("spec_version");
        Path none = write(TestZips.zip(sampleEntries(LaterSamples.CARDSHARK_ZIP, "world.cardshark.zip",
                Map.of("world.png", TestPngs.withCard(world, unversioned)))));
        assertRefused(() -> LaterForms.convert(none), "no spec_version; supported: 2.0");
    }

    @Test
    void roomsFolderCardThatIsNotARoomCard() throws IOException {
        String room = "rooms/935a4ce5-4296-4a1b-b906-52c8b624cedc.png";
        Map<String, byte[]> entries = LaterSamples.zipEntries(LaterSamples.path(LaterSamples.CARDSHARK_ZIP, "world.cardshark.zip"));
        Path file = write(TestZips.zip(sampleEntries(LaterSamples.CARDSHARK_ZIP, "world.cardshark.zip",
                Map.of(room, entries.get("characters/Sergeant Vell.png")))));
        assertRefused(() -> LaterForms.convert(file), file + " entry " + room, "chunk 1 (tEXt \"chara\")",
                "card_type is absent: not a room card");
    }
}
