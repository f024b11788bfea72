package io.cardshark.worlds.folder;

import io.cardshark.worlds.WorldFile;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.Trees;
import io.cardshark.worlds.testing.WorldFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invalid {@code metadata.json} is kept as a plain file at that path (format spec §4). Setting a metadata
 * document afterwards must replace it, not sit beside it: both would be exported to {@code metadata.json}.
 */
class MetadataDocumentExportTest {

    static final String STATE = """
            {
              "name": "Meta_World",
              "locations": {}
            }""";

    @TempDir
    Path dir;

    @Test
    void settingAMetadataDocumentReplacesTheUnparsableFileAndBothLayoutsExport() throws IOException {
        Path src = WorldFolder.at(dir.resolve("src"), "Meta_World")
                .file("world_state.json", STATE)
                .file("metadata.json", "{\"name\": \"half written")
                .path();
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            ImportResult r = store.folders().importFolders(List.of(src), false).get(0);
            assertThat(r.error()).isNull();
            assertThat(store.files().list("Meta_World")).extracting(WorldFile::path).containsExactly("metadata.json");

            store.worlds().setMetadataDocument("Meta_World", "{\"name\": \"Mended\", \"tags\": [\"a\"]}");

            assertThat(store.files().list("Meta_World")).isEmpty();
            assertThat(store.worlds().metadataDocument("Meta_World")).isPresent();
            for (Layout layout : Layout.values()) {
                Path out = dir.resolve("out-" + layout);
                store.folders().export(List.of("Meta_World"), out, layout);
                Path metadata = out.resolve("Meta_World").resolve("metadata.json");
                String written = Files.readString(metadata, StandardCharsets.UTF_8);
                assertThat(written).as(layout.toString()).contains("\"Mended\"").doesNotContain("half written");
                assertThat(Trees.files(out.resolve("Meta_World")).keySet()).as(layout.toString())
                        .containsOnlyOnce("metadata.json");
            }
        }
    }

    @Test
    void theDocumentSurvivesARoundTripThroughTheDocumentedLayout() throws IOException {
        Path src = WorldFolder.at(dir.resolve("src"), "Meta_World")
                .file("world_state.json", STATE)
                .file("metadata.json", "[1, 2]")
                .path();
        Path out = dir.resolve("out");
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            store.folders().importFolders(List.of(src), false);
            store.worlds().setMetadataDocument("Meta_World", "{\"name\": \"Mended\"}");
            store.folders().export(List.of("Meta_World"), out, Layout.DOCUMENTED);
        }
        try (WorldStore again = WorldStore.configure().dataDir(dir.resolve("again")).open()) {
            ImportResult r = again.folders().importFolders(List.of(out.resolve("Meta_World")), false).get(0);
            assertThat(r.error()).isNull();
            assertThat(r.warnings()).noneMatch(w -> w.contains("metadata.json"));
            assertThat(again.worlds().metadataDocument("Meta_World")).contains("{\"name\": \"Mended\"}");
            assertThat(again.files().list("Meta_World")).isEmpty();
        }
    }
}
