package io.cardshark.worlds.cli;

import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code export --archive}, {@code import FILE.zip}, {@code snapshot --archive} and {@code restore-world} from one. */
class ArchiveCliTest {

    @TempDir
    Path dir;

    @Test
    void exportToAnArchiveImportItElsewhereAndExportTheSameFolders() throws Exception {
        String store = dir.resolve("a").toString();
        String other = dir.resolve("b").toString();
        Path worlds = Trees.fixtureWorlds("c-chats", dir.resolve("src"));
        assertThat(CliRun.of("import", worlds.toString(), "--store", store).code()).isZero();
        Path zip = dir.resolve("out/all.zip");

        CliRun exported = CliRun.of("export", "--all", "--archive", zip.toString(), "--store", store);
        assertThat(exported.code()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("exported Elara_s_Chat_World to " + zip).contains("wrote " + zip + ": 1 worlds");

        CliRun imported = CliRun.of("import", zip.toString(), "--store", other);
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("imported Elara_s_Chat_World (shape ");

        assertThat(CliRun.of("export", "--all", "--to", dir.resolve("x").toString(), "--store", store).code()).isZero();
        assertThat(CliRun.of("export", "--all", "--to", dir.resolve("y").toString(), "--store", other).code()).isZero();
        assertThat(Trees.files(dir.resolve("y"))).containsExactlyEntriesOf(Trees.files(dir.resolve("x")));
    }

    @Test
    void aHostileArchiveIsOneErrorLineAndExitOne() throws Exception {
        Path zip = Files.write(dir.resolve("evil.zip"), io.cardshark.worlds.testing.TestZips.zip(
                java.util.Map.of("W/world_state.json", "{}".getBytes(), "W/../../x", "x".getBytes())));
        CliRun refused = CliRun.of("import", zip.toString(), "--store", dir.resolve("s").toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.out()).isEqualTo("rejected evil.zip" + System.lineSeparator());
        assertThat(refused.err()).contains("error: " + zip + " entry W/../../x: the entry name has a \"..\" segment");
    }

    @Test
    void toAndArchiveTogetherAreAUsageError() {
        CliRun both = CliRun.of("export", "--all", "--to", dir.toString(), "--archive", dir.resolve("a.zip").toString(),
                "--store", dir.resolve("s").toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void aSnapshotKeptAsAnArchiveRestoresTheWorld() throws Exception {
        String store = dir.resolve("a").toString();
        Path worlds = Trees.fixtureWorlds("a-tiny", dir.resolve("src"));
        assertThat(CliRun.of("import", worlds.toString(), "--store", store).code()).isZero();
        CliRun snapshot = CliRun.of("snapshot", "Tiny_World", "--archive", "--store", store);
        assertThat(snapshot.code()).as(snapshot.err()).isZero();
        assertThat(snapshot.out()).contains("written to ").contains("Tiny_World.zip");
        assertThat(CliRun.of("delete", "Tiny_World", "--store", store).code()).isZero();
        CliRun restored = CliRun.of("restore-world", "Tiny_World", snapshot.out().split(" ")[1], "--store", store);
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(CliRun.of("list", "--store", store).out()).contains("Tiny_World");
    }
}
