package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.AppendingApp;
import io.cardshark.worlds.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Looking inside a store while an application holds it (issue 12, item 3), with two real processes: the
 * application appends two messages per transaction; the command line lists, queries, exports, verifies and
 * backs up the live store through the application's inspection server, and writes through it too, its
 * writes meeting the application's world locks. An export is one moment (a whole number of pairs); a probe
 * without the address file's key gets nothing, and leaves nothing in the store's files.
 */
class LiveInspectionTest {

    @TempDir
    Path dir;

    @Test
    void theCommandLineWorksOnAStoreAnApplicationHolds() throws Exception {
        Path store = dir.resolve("store");
        String s = store.toString();
        try (ChildJvm app = ChildJvm.start(AppendingApp.class, s)) {
            app.awaitLine("ready", 60);
            app.awaitLine("transactions 100", 60);

            CliRun list = CliRun.of("list", "--store", s);
            assertThat(list.code()).as(list.err()).isZero();
            assertThat(list.out()).contains("Live_World");
            CliRun info = CliRun.of("info", "--store", s);
            assertThat(info.out()).contains("by another process; reached through its live inspection");
            CliRun sql = CliRun.of("sql", "SELECT COUNT(*) AS N FROM CHAT_MESSAGE", "--store", s);
            assertThat(sql.code()).as(sql.err()).isZero();
            assertThat(CliRun.of("status", "--store", s).code()).isZero();
            assertThat(CliRun.of("show", AppendingApp.WORLD, "--store", s).code()).isZero();
            CliRun verify = CliRun.of("verify", "--quick", "--store", s);
            assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
            CliRun backup = CliRun.of("backup", "--store", s);
            assertThat(backup.code()).as(backup.err()).isZero();

            for (int round = 0; round < 3; round++) {
                Path out = dir.resolve("export-" + round);
                CliRun export = CliRun.of("export", AppendingApp.WORLD, "--to", out.toString(), "--store", s);
                assertThat(export.code()).as(export.err()).isZero();
                List<String> lines;
                try (Stream<String> l = Files.lines(out.resolve(AppendingApp.WORLD).resolve("chats").resolve("live_chat.chat.jsonl"))) {
                    lines = l.toList();
                }
                // A header line, then the messages: pairs committed together are exported together.
                assertThat((lines.size() - 1) % 2).as("round %d: a whole number of pairs in %d messages", round,
                        lines.size() - 1).isZero();
                assertThat(lines.size()).isGreaterThan(200);
            }

            CliRun create = CliRun.of("create", "From Outside", "--store", s);
            assertThat(create.code()).as(create.err()).isZero();
            CliRun write = CliRun.of("sql", "--write", "UPDATE WORLD SET DISPLAY_NAME = 'Renamed Outside' WHERE ID = 'From_Outside'",
                    "--store", s);
            assertThat(write.code()).as(write.err()).isZero();
            assertThat(CliRun.of("list", "--store", s).out()).contains("Renamed Outside");
            assertThat(CliRun.of("delete", "From_Outside", "--store", s).code()).isZero();

            Properties address = new Properties();
            address.load(Files.newBufferedReader(store.resolve("worlds.inspect")));
            int port = Integer.parseInt(address.getProperty("port"));
            for (String name : List.of("wrong-key", "/" + store.resolve("worlds"), "mem:x")) {
                assertThatThrownBy(() -> DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + port + "/" + name,
                        "WRITER", "guess").close()).as("a probe for %s", name).isInstanceOf(SQLException.class);
            }
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + port + "/"
                    + address.getProperty("key"), "SA", "guess").close()).isInstanceOf(SQLException.class);
            assertThat(app.output()).noneMatch(l -> l.contains("Exception"));
            app.stop();
            app.waitFor(30);
        }
        try (Stream<Path> files = Files.list(store)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no trace file of the probes, no inspection address once the app stopped")
                    .doesNotContain("worlds.trace.db", "worlds.inspect");
        }
        try (WorldStore closed = WorldStore.configure().dataDir(store).open()) {
            assertThat(closed.worlds().exists("From_Outside")).isFalse();
            assertThat(closed.backups().list()).hasSize(1);
        }
    }
}
