package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line, driven in process with its own streams, against a real store. */
class CliTest {

    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.of(args);
    }

    String store() {
        return dir.resolve("store").toString();
    }

    @Test
    void exampleCreatesAWorldThatListAndShowPrint() {
        CliRun example = run("example", "--store", store());
        assertThat(example.code()).as(example.err()).isZero();
        assertThat(example.out()).contains("created world Emberfall_Keep").contains("Emberfall Keep").contains("1 world");
        CliRun again = run("example", "--store", store());
        assertThat(again.out()).contains("already exists");

        CliRun list = run("list", "--store", store());
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("Emberfall_Keep").contains("| 4 ").contains("1 world");

        CliRun show = run("show", "Emberfall_Keep", "--store", store());
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("Gatehouse").contains("(unconnected)").contains("north→0,1,0")
                .contains("characters/Mira Ashdown.png").contains("chats (2)").contains("images/backgrounds/gate.png")
                .contains("position   0,1,0");
    }

    @Test
    void branchAndBranches() {
        run("example", "--store", store());
        CliRun branch = run("branch", "Emberfall_Keep", "Ember Slot", "--label", "before \u001b[31msupper", "--store", store());
        assertThat(branch.code()).as(branch.err()).isZero();
        assertThat(branch.out()).contains("branched Emberfall_Keep as world Ember_Slot").doesNotContain("\u001b");
        CliRun tree = run("branches", "--store", store());
        assertThat(tree.code()).as(tree.err()).isZero();
        assertThat(tree.out()).contains("Emberfall_Keep (\"Emberfall Keep\")").contains("└─ Ember_Slot")
                .contains("\"before \\x1B[31msupper\"").contains("1 family").doesNotContain("\u001b");
    }

    @Test
    void createAndDelete() {
        assertThat(run("create", "Tiny World", "--store", store()).out()).contains("created world Tiny_World");
        CliRun clash = run("create", "tiny world", "--store", store());
        assertThat(clash.code()).isEqualTo(1);
        assertThat(clash.err().strip()).startsWith("error: ").contains("Tiny_World").doesNotContain("\n");
        assertThat(run("delete", "Tiny_World", "--store", store()).code()).isZero();
        CliRun missing = run("delete", "Tiny_World", "--store", store());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("world Tiny_World does not exist");
    }

    @Test
    void sqlIsReadOnlyUnlessAskedAndPrintsATable() {
        run("create", "Tiny World", "--store", store());
        CliRun select = run("sql", "SELECT ID, DISPLAY_NAME, LOCATIONS FROM WORLD_SUMMARY", "--store", store());
        assertThat(select.code()).as(select.err()).isZero();
        assertThat(select.out()).contains("ID").contains("Tiny_World").contains("Tiny World").contains("(1 row)");

        CliRun refused = run("sql", "DELETE FROM WORLD", "--store", store());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).startsWith("error: SQL failed");
        try (WorldStore s = WorldStore.configure().dataDir(Path.of(store())).open()) {
            assertThat(s.worlds().exists("Tiny_World")).isTrue();
        }
        CliRun write = run("sql", "--write", "UPDATE WORLD SET DISPLAY_NAME = 'Renamed'", "--store", store());
        assertThat(write.code()).as(write.err()).isZero();
        assertThat(write.out()).contains("1 row(s) changed");
    }

    @Test
    void usageErrorsExitWith2AndHelpWorksEverywhere() {
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
        assertThat(run("show").code()).isEqualTo(2);
        assertThat(run("list", "--no-such-option").code()).isEqualTo(2);
        for (String command : new String[]{"list", "show", "create", "delete", "sql", "shell", "console", "example", "info",
                "import", "export", "activate", "status"}) {
            CliRun help = run(command, "--help");
            assertThat(help.code()).as(command).isZero();
            assertThat(help.out()).as(command).contains("--store");
        }
        assertThat(run("--help").out()).contains("list").contains("sql").contains("console");
    }

    @Test
    void activateAndStatus() {
        run("create", "Tiny World", "--store", store());
        assertThat(run("status", "--store", store()).out()).contains("active world    (none)");
        CliRun activated = run("activate", "Tiny_World", "--store", store());
        assertThat(activated.code()).as(activated.err()).isZero();
        CliRun status = run("status", "--store", store());
        assertThat(status.out()).contains("active world    Tiny_World (\"Tiny World\")").contains("position        0,0,0");
        assertThat(status.out()).contains("session         never saved through a session");
        try (WorldStore s = WorldStore.configure().dataDir(Path.of(store())).open()) {
            var session = s.sessions().open("Tiny_World");
            session.move(io.cardshark.worlds.Coordinates.of(1, 0, 0));
            session.close();
        }
        assertThat(run("status", "--store", store()).out()).contains("session         changes 1, flushes 1, commits 1, pending 0, last flush 20");
        assertThat(run("activate", "Nowhere", "--store", store()).code()).isEqualTo(1);
    }

    @Test
    void infoNamesTheVersions() {
        assertThat(run("create", "Info World", "--store", store()).code()).isZero();
        CliRun info = run("info", "--store", store());
        assertThat(info.code()).isZero();
        assertThat(info.out()).contains("schema version  " + TestStores.LATEST_SCHEMA).contains("H2 version      2.4.240");
    }
}
