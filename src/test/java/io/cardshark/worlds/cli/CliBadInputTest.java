package io.cardshark.worlds.cli;

import io.cardshark.worlds.testing.TestPostgres;
import io.cardshark.worlds.testing.TestStores;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.StoreDigest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad command lines: each exits non-zero with a one-line message that names what is wrong, and the store
 * is left exactly as it was.
 */
class CliBadInputTest {

    @TempDir
    static Path dir;
    static String store;

    record Case(String name, int exit, List<String> args, List<String> says) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, int exit, List<String> args, String... says) {
        return new Case(name, exit, args, List.of(says));
    }

    static List<Case> cases() {
        int usage = Main.EXIT_USAGE;
        int failure = Main.EXIT_FAILURE;
        List<Case> cases = new ArrayList<>();
        cases.add(c("no command", usage, List.of(), "command"));
        cases.add(c("an unknown command", usage, List.of("explode"), "explode"));
        cases.add(c("an unknown option", usage, List.of("list", "--colour"), "--colour"));
        cases.add(c("show a missing world", failure, List.of("show", "Nowhere"), "Nowhere"));
        cases.add(c("show with a path as world", failure, List.of("show", "../x"), "../x"));
        cases.add(c("delete a missing world", failure, List.of("delete", "Nowhere"), "Nowhere"));
        cases.add(c("create with a blank name", failure, List.of("create", "  "), "display name"));
        cases.add(c("create a world that exists", failure, List.of("create", "Emberfall Keep"), "Emberfall_Keep"));
        cases.add(c("activate a missing world", failure, List.of("activate", "Nowhere"), "Nowhere"));
        cases.add(c("import a missing folder", failure, List.of("import", "/nonexistent/folder"), "/nonexistent/folder"));
        cases.add(c("export a missing world", failure, List.of("export", "Nowhere", "--to", dir.resolve("out").toString()), "Nowhere"));
        cases.add(c("a write through read-only sql", failure, List.of("sql", "DELETE FROM WORLD"), "read-only", "--write"));
        cases.add(c("sql that does not parse", failure, List.of("sql", "SELEC 1"), "SQL failed"));
        cases.add(c("sql that calls a file function", failure, List.of("sql", "SELECT FILE_READ('/etc/passwd')"), "SQL failed"));
        cases.add(c("a negative row limit", usage, List.of("sql", "SELECT 1", "--max-rows", "x"), "--max-rows"));
        cases.add(c("restore a backup that does not exist", failure,
                List.of("restore", "worlds-20260101T000000000Z-manual.zip"),
                // A store in PostgreSQL has no backups of its own: the server's tools make them.
                TestPostgres.selected() ? "pg_restore" : "no backup"));
        cases.add(c("restore a path instead of a backup", failure, List.of("restore", "../../etc/passwd"), "not a backup file name"));
        cases.add(c("snapshot a missing world", failure, List.of("snapshot", "Nowhere"), "Nowhere"));
        cases.add(c("restore-world without snapshots", failure, List.of("restore-world", "Emberfall_Keep"), "no snapshots"));
        cases.add(c("restore-world an unknown snapshot", failure,
                List.of("restore-world", "Emberfall_Keep", "20260101T000000000Z-manual"), "no snapshot named"));
        // Issue 11: one statement means one; read commands make no store; a store path must name something.
        cases.add(c("sql with two statements", failure, List.of("sql", "--write", "SELECT 1; CREATE TABLE ZZ(X INT)"),
                "expected one statement, found 2"));
        cases.add(c("sql with a statement hidden after a comment", failure,
                List.of("sql", "SELECT 1; -- and then\nDELETE FROM WORLD"), "expected one statement, found 2"));
        cases.add(c("sql with no statement", failure, List.of("sql", " ; -- nothing"), "expected one statement, found none"));
        cases.add(c("sql --write that changes the schema", failure,
                List.of("sql", "--write", "CREATE TABLE ZZ(X INT)"), "not the schema"));
        cases.add(c("sql --write that creates an alias", failure,
                List.of("sql", "--write", "CREATE ALIAS GETPROP FOR 'java.lang.System.getProperty'"), "SQL failed"));
        cases.add(c("list a store that does not exist", failure,
                List.of("list", "--store", dir.resolve("typo").toString()), "no store at " + dir.resolve("typo")));
        cases.add(c("status of a store that does not exist", failure,
                List.of("status", "--store", dir.resolve("typo").toString()), "no store at"));
        cases.add(c("an empty store path", failure, List.of("list", "--store", ""), "dataDir is empty"));
        cases.add(c("console with an unknown option", usage, List.of("console", "--browser-please"), "--browser-please"));
        return cases;
    }

    @BeforeAll
    static void example() {
        store = dir.resolve("store").toString();
        List<String> example = new ArrayList<>(List.of("example"));
        example.addAll(TestStores.cliOptions(Path.of(store)));
        CliRun made = CliRun.of(example.toArray(String[]::new));
        assertThat(made.code()).as(made.err()).isZero();
    }

    private static String digest() {
        try (WorldStore s = TestStores.configure(Path.of(store)).open()) {
            return StoreDigest.of(s);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadCommandLineFailsWithAMessageAndChangesNothing(Case bad) {
        String before = digest();
        List<String> args = new ArrayList<>(bad.args());
        if (!args.isEmpty() && !args.get(0).equals("explode") && !args.contains("--store")) {
            args.addAll(TestStores.cliOptions(Path.of(store)));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.code()).as(bad.name() + ": " + run.out() + run.err()).isEqualTo(bad.exit());
        for (String word : bad.says()) {
            assertThat(run.err()).as(bad.name()).contains(word);
        }
        assertThat(digest()).as(bad.name()).isEqualTo(before);
        assertThat(Files.exists(dir.resolve("out").resolve("Nowhere"))).isFalse();
        assertThat(dir.resolve("typo")).as("a command that only reads makes no store").doesNotExist();
        if (bad.exit() == Main.EXIT_FAILURE) {
            assertThat(run.err().lines().filter(l -> !l.isBlank()).toList()).as(bad.name() + ": one error line on stderr")
                    .singleElement().asString().startsWith("error: ");
        }
    }
}
