package io.cardshark.worlds.folder;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.WorldFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export tidies only its own world's leftovers (format spec §10.1 step 5): {@code .Tiny.v2.….tmp} is
 * world {@code Tiny.v2}'s, even though it starts with {@code .Tiny.}, and must survive an export of
 * {@code Tiny}, which must not adopt its {@code .old.tmp} either.
 */
class ExportLeftoversTest {

    @TempDir
    Path dir;

    static String state(String name) {
        return "{\n  \"name\": \"" + name + "\",\n  \"locations\": {}\n}";
    }

    static void leftover(Path out, String name, String worldName) throws IOException {
        WorldFolder.at(out, name).file("world_state.json", state(worldName));
    }

    static List<String> names(Path out) throws IOException {
        try (Stream<Path> children = Files.list(out)) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void exportingTinyLeavesTheLeftoversOfTinyV2Alone() throws IOException {
        Path src = dir.resolve("src");
        WorldFolder.at(src, "Tiny").file("world_state.json", state("Tiny"));
        WorldFolder.at(src, "Tiny.v2").file("world_state.json", state("Tiny.v2"));
        Path out = dir.resolve("out");
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            assertThat(store.folders().importFolders(List.of(src), false)).allMatch(ImportResult::isImported).hasSize(2);
            // What killed exports of both worlds left: Tiny's target is gone, Tiny.v2's is still there.
            leftover(out, "Tiny.v2", "Tiny.v2");
            leftover(out, ".Tiny.v2.0123456789ab.tmp", "Tiny.v2");
            leftover(out, ".Tiny.v2.abcdef012345.old.tmp", "Tiny.v2");
            leftover(out, ".Tiny.00112233aabb.tmp", "Tiny");
            leftover(out, ".Tiny.44556677ccdd.old.tmp", "Tiny");
            // Not names an export gives: the user's, whatever they look like.
            leftover(out, ".Tiny.backup.tmp", "Tiny");
            leftover(out, ".Tiny.0123456789AB.tmp", "Tiny");

            ExportResult r = store.folders().export(List.of("Tiny"), out, Layout.DOCUMENTED).get(0);

            // Tiny's .old.tmp was put back in place, then replaced; Tiny's other leftover is gone.
            assertThat(r.replaced()).isTrue();
            assertThat(names(out)).containsExactly(".Tiny.0123456789AB.tmp", ".Tiny.backup.tmp",
                    ".Tiny.v2.0123456789ab.tmp", ".Tiny.v2.abcdef012345.old.tmp", "Tiny", "Tiny.v2");
            assertThat(out.resolve(".Tiny.v2.abcdef012345.old.tmp").resolve("world_state.json"))
                    .hasContent(state("Tiny.v2"));
            assertThat(out.resolve("Tiny").resolve("world_state.json")).content().contains("\"Tiny\"");

            store.folders().export(List.of("Tiny.v2"), out, Layout.DOCUMENTED);
            assertThat(names(out)).containsExactly(".Tiny.0123456789AB.tmp", ".Tiny.backup.tmp", "Tiny", "Tiny.v2");
        }
    }

    @Test
    void aTargetAbsentIsNotFilledWithAnotherWorldsOldFolder() throws IOException {
        Path src = dir.resolve("src");
        WorldFolder.at(src, "Tiny").file("world_state.json", state("Tiny"));
        Path out = dir.resolve("out");
        leftover(out, ".Tiny.v2.abcdef012345.old.tmp", "Tiny.v2");
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            store.folders().importFolders(List.of(src), false);
            ExportResult r = store.folders().export(List.of("Tiny"), out, Layout.DOCUMENTED).get(0);
            assertThat(r.replaced()).isFalse();
            assertThat(names(out)).containsExactly(".Tiny.v2.abcdef012345.old.tmp", "Tiny");
        }
    }
}
