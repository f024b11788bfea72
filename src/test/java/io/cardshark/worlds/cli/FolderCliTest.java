package io.cardshark.worlds.cli;

import io.cardshark.worlds.testing.Trees;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** import and export through the command line, as the README's main job runs them. */
class FolderCliTest {

    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void theMainJobImportsTheExampleWorldListsItAndExportsIt() throws Exception {
        Path examples = Path.of("examples", "worlds");
        String store = dir.resolve("store").toString();
        CliRun imported = run("import", examples.toString(), "--replace", "--store", store);
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported Emberfall_Keep (shape H from world_state.json): 3 locations, "
                + "1 unconnected, 2 chats, 3 messages, 1 events, 1 files");
        // --replace makes the main job repeatable.
        assertThat(run("import", examples.toString(), "--replace", "--store", store).code()).isZero();
        CliRun refused = run("import", examples.toString(), "--store", store);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("Emberfall_Keep").contains("--replace");

        assertThat(run("list", "--store", store).out()).contains("Emberfall Keep");
        CliRun exported = run("export", "--all", "--to", dir.resolve("out").toString(), "--store", store);
        assertThat(exported.code()).as(exported.err()).isZero();
        Map<String, byte[]> original = Trees.files(examples.resolve("Emberfall_Keep"));
        Map<String, byte[]> back = Trees.files(dir.resolve("out").resolve("Emberfall_Keep"));
        assertThat(back.keySet()).isEqualTo(original.keySet());
        original.forEach((path, bytes) -> assertThat(back.get(path)).as(path).isEqualTo(bytes));
    }

    @Test
    void jsonReportsParse() {
        String store = dir.resolve("store").toString();
        CliRun imported = run("import", Path.of("examples", "worlds").toString(), "--json", "--store", store);
        Json report = JsonReader.read(imported.out()).value();
        JsonObject world = (JsonObject) ((JsonArray) report).get(0);
        assertThat(world.get("world").toString()).contains("Emberfall_Keep");
        assertThat(((JsonObject) world.get("counts")).get("messages").toString()).contains("3");
        CliRun exported = run("export", "Emberfall_Keep", "--to", dir.resolve("out").toString(), "--layout", "cardshark",
                "--json", "--store", store);
        assertThat(exported.code()).as(exported.err()).isZero();
        JsonObject result = (JsonObject) ((JsonArray) JsonReader.read(exported.out()).value()).get(0);
        assertThat(result.get("layout").toString()).contains("cardshark");
        assertThat(Files.exists(dir.resolve("out/Emberfall_Keep/chats"))).isTrue();
    }

    @Test
    void exportUsageErrors() {
        assertThat(run("export", "--to", dir.toString()).code()).isEqualTo(2);
        assertThat(run("export", "--all").code()).isEqualTo(2);
        assertThat(run("export", "--all", "--to", dir.toString(), "--layout", "zip").code()).isEqualTo(2);
        CliRun noStore = run("export", "Nowhere", "--to", dir.resolve("o").toString(), "--store", dir.resolve("s").toString());
        assertThat(noStore.code()).isEqualTo(1);
        assertThat(noStore.err()).contains("no store at " + dir.resolve("s"));
        assertThat(dir.resolve("s")).as("a command that only reads makes no store").doesNotExist();
        assertThat(run("create", "Somewhere", "--store", dir.resolve("s").toString()).code()).isZero();
        CliRun missing = run("export", "Nowhere", "--to", dir.resolve("o").toString(), "--store", dir.resolve("s").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("world Nowhere does not exist");
    }
}
