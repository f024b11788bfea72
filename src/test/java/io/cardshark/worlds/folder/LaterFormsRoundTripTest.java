package io.cardshark.worlds.folder;

import io.cardshark.worlds.testing.TestStores;

import io.cardshark.worlds.WorldShape;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.testing.LaterSamples;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A world imported from a later form is a world like any other from then on (format spec §9.1, §12): it
 * exports in the documented layout, with its originals byte for byte, and that export imported into a second
 * store exports to the same bytes again.
 */
class LaterFormsRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "r2-formr-writer-7ed7471, worlds/Riverside_Mill, Riverside_Mill",
            "v2a-png-harbor-a151ac3, world_card.png, Saltmarsh_Harbor",
            "z1a-zip-bf1064a-harbor, world.zip, Saltmarsh_Harbor",
            "z2a-cardshark-zip-head-ironwood, world.cardshark.zip, Ironwood_Keep"})
    void exportsInTheDocumentedLayoutAndComesBackToTheSameBytes(String caseName, String sample, String worldId)
            throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        try (WorldStore store = TestStores.configure(dir.resolve("a")).open()) {
            assertThat(store.folders().importFolders(List.of(LaterSamples.path(caseName, sample)), false).get(0).error()).isNull();
            store.folders().export(List.of(worldId), first, Layout.DOCUMENTED);
        }
        Path exported = first.resolve(worldId);
        assertDocumentedLayout(exported);
        assertOriginalsKept(caseName, sample, exported);
        try (WorldStore store = TestStores.configure(dir.resolve("b")).open()) {
            ImportResult again = store.folders().importFolders(List.of(exported), false).get(0);
            assertThat(again.error()).isNull();
            assertThat(again.form()).as("the export is a plain world folder").isEqualTo(WorldForm.WORLD_FOLDER);
            assertThat(again.shape()).isEqualTo(WorldShape.H);
            store.folders().export(List.of(worldId), second, Layout.DOCUMENTED);
        }
        Map<String, byte[]> one = Trees.files(exported);
        Map<String, byte[]> two = Trees.files(second.resolve(worldId));
        assertThat(two.keySet()).isEqualTo(one.keySet());
        one.forEach((path, bytes) -> assertThat(two.get(path)).as(path).isEqualTo(bytes));
        assertThat(Trees.directories(second.resolve(worldId))).isEqualTo(Trees.directories(exported));
    }

    /** §9.1: world_state.json in shape H (top-level name and metadata), the four folders every export makes. */
    private static void assertDocumentedLayout(Path world) throws IOException {
        JsonObject state = (JsonObject) JsonReader.read(Files.readAllBytes(world.resolve("world_state.json"))).value();
        assertThat(state.keys()).contains("name", "metadata", "locations", "player", "current_position");
        assertThat(Trees.directories(world)).contains("chats", "events", "images/backgrounds", "images/objects");
        assertThat(world.resolve("metadata.json")).as("the source's own metadata").isRegularFile();
    }

    /** Every file of the source, under cardshark-original/, byte for byte. */
    private static void assertOriginalsKept(String caseName, String sample, Path world) throws IOException {
        Path source = LaterSamples.path(caseName, sample);
        Map<String, byte[]> originals = Files.isDirectory(source) ? Trees.files(source)
                : sample.endsWith(".zip") ? LaterSamples.zipEntries(source)
                : Map.of(sample, Files.readAllBytes(source));
        Map<String, byte[]> exported = Trees.files(world.resolve("cardshark-original"));
        assertThat(exported.keySet()).isEqualTo(originals.keySet());
        originals.forEach((path, bytes) -> assertThat(exported.get(path)).as(path).isEqualTo(bytes));
    }
}
