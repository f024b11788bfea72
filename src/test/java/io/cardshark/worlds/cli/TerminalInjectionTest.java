package io.cardshark.worlds.cli;

import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names from data never drive the terminal (issue 11, item 6): a world folder named with ESC, BEL, CR or LF,
 * printed raw, could recolour the terminal, set its title or forge an {@code error:} line. The command line
 * writes every control character of a name as a visible escape, and stderr carries one line per failure.
 */
class TerminalInjectionTest {

    @TempDir
    Path dir;

    private static final String EVIL = "Evil\u001b[31m\nerror: fake\u0007\r\u009b2J\u202e";

    private static void assertNoControlCharacters(String text) {
        assertThat(text.chars().filter(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || c == 0x202e))
                .as("control characters in %s", text).isEmpty();
    }

    @Test
    void aRejectedFolderWithControlCharactersPrintsOneEscapedErrorLine() throws Exception {
        Path base = dir.resolve("src");
        Files.createDirectories(base.resolve(EVIL));
        Files.writeString(base.resolve(EVIL).resolve("world_state.json"), "{\"name\": \"x\"");
        CliRun run = CliRun.of("import", base.toString(), "--store", dir.resolve("store").toString());

        assertThat(run.code()).isEqualTo(Main.EXIT_FAILURE);
        assertNoControlCharacters(run.out());
        assertNoControlCharacters(run.err());
        List<String> errorLines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(errorLines).as("stderr").singleElement().asString()
                .startsWith("error: ").contains("Evil\\x1B[31m\\nerror: fake\\x07\\r\\x9B2J\\u202E");
    }

    @Test
    void namesInListsAndReportsAreEscaped() throws Exception {
        Path worlds = Trees.fixtureWorlds("a-tiny", dir.resolve("src"));
        Path world;
        try (var children = Files.list(worlds)) {
            world = children.findFirst().orElseThrow();
        }
        String store = dir.resolve("store").toString();
        CliRun imported = CliRun.of("import", worlds.toString(), "--store", store);
        assertThat(imported.code()).as(imported.err()).isZero();
        CliRun created = CliRun.of("create", "Bell\u0007 and \u001b]0;title\u0007", "--store", store);
        assertThat(created.code()).as(created.err()).isZero();

        for (CliRun run : List.of(imported, created, CliRun.of("list", "--store", store),
                CliRun.of("show", world.getFileName().toString(), "--store", store),
                CliRun.of("show", "Bell_and_0_title_", "--store", store),
                CliRun.of("sql", "SELECT DISPLAY_NAME FROM WORLD", "--store", store))) {
            assertThat(run.code()).as(run.err()).isZero();
            assertNoControlCharacters(run.out());
            assertNoControlCharacters(run.err());
        }
        assertThat(CliRun.of("list", "--store", store).out()).contains("Bell\\x07 and \\x1B]0;title\\x07");
    }
}
