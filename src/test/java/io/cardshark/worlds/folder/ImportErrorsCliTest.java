package io.cardshark.worlds.folder;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.cli.CliRun;
import io.cardshark.worlds.cli.Main;
import io.cardshark.worlds.testing.StoreDigest;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.cardshark.worlds.folder.BadInputTest.HEADER;
import static io.cardshark.worlds.folder.BadInputTest.MESSAGE;
import static io.cardshark.worlds.folder.BadInputTest.VALID;
import static io.cardshark.worlds.folder.BadInputTest.mutate;
import static io.cardshark.worlds.folder.BadInputTest.put;
import static io.cardshark.worlds.folder.BadInputTest.world;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad world folders imported through the command line: exit code 1 and one {@code error: } line on standard
 * error naming the world folder and the file (format spec §10.3), the store unchanged.
 */
class ImportErrorsCliTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    record CliCase(String name, BadInputTest.Build build, String expectedFile) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<CliCase> cases() {
        return Stream.of(
                new CliCase("state_location_id_null",
                        src -> world(src, mutate("\"location_id\": \"gate\"", "\"location_id\": null")), "world_state.json"),
                new CliCase("state_truncated",
                        src -> world(src, VALID.substring(0, VALID.length() / 3)), "world_state.json"),
                new CliCase("chat_jsonl_line_3_is_an_array",
                        src -> put(world(src, VALID), "chats/hall_chat.jsonl", HEADER + "\n" + MESSAGE + "\n[1]\n"),
                        "chats/hall_chat.jsonl"),
                new CliCase("event_file_is_an_array",
                        src -> put(world(src, VALID), "events/e.json", "[]"), "events/e.json"),
                new CliCase("symlink_to_etc_passwd", src -> {
                    Path w = world(src, VALID);
                    Files.createDirectories(w.resolve("images/objects"));
                    Files.createSymbolicLink(w.resolve("images/objects/passwd.png"), Path.of("/etc/passwd"));
                    return w;
                }, "images/objects/passwd.png"));
    }

    Run run(String... args) {
        CliRun r = CliRun.of(args);
        return new Run(r.code(), r.out(), r.err());
    }

    String digest(Path store) {
        try (WorldStore s = WorldStore.configure().dataDir(store).open()) {
            return StoreDigest.of(s);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadFolderExitsOneWithOneErrorLine(CliCase bad) throws Exception {
        Path store = tmp.resolve("store");
        Path good = Trees.fixtureWorlds("a-tiny", tmp.resolve("good"));
        Run first = run("import", good.toString(), "--store", store.toString());
        assertThat(first.code()).as(first.err()).isZero();
        String before = digest(store);

        Path folder = bad.build().in(tmp.resolve("src"));
        Map<String, byte[]> sourceBefore = Trees.files(tmp.resolve("src"));
        Run r = run("import", folder.toString(), "--store", store.toString());

        assertThat(r.code()).as("exit code; stdout %s; stderr %s", r.out(), r.err()).isEqualTo(Main.EXIT_FAILURE);
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("standard error").hasSize(1);
        String line = lines.get(0);
        assertThat(line).startsWith("error: ").contains(folder.toString()).contains(bad.expectedFile()).contains("expected");
        assertThat(r.out()).contains("rejected " + BadInputTest.WORLD);

        assertThat(digest(store)).as("the store is unchanged").isEqualTo(before);
        Map<String, byte[]> sourceAfter = Trees.files(tmp.resolve("src"));
        assertThat(sourceAfter).containsOnlyKeys(sourceBefore.keySet());
        sourceBefore.forEach((path, bytes) -> assertThat(sourceAfter.get(path)).as(path).isEqualTo(bytes));
    }
}
