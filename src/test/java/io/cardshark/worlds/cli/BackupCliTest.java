package io.cardshark.worlds.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** backup, backups, restore, snapshot, snapshots, restore-world and verify, against a real store. */
class BackupCliTest {

    @TempDir
    Path dir;

    private String store() {
        return dir.resolve("store").toString();
    }

    private CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isZero();
        return run;
    }

    private static String name(String output, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }

    @Test
    void backupThenRestoreBringsBackADeletedWorld() {
        ok("example", "--store", store());
        String backup = name(ok("backup", "--store", store()).out(), "backup (worlds-\\S+\\.zip) written");
        ok("delete", "Emberfall_Keep", "--store", store());
        assertThat(ok("list", "--store", store()).out()).contains("0 worlds");
        assertThat(ok("backups", "--store", store()).out()).contains(backup).contains("manual").contains("1 backup");

        CliRun restore = ok("restore", backup, "--store", store());
        assertThat(restore.out()).contains("restored the store from " + backup).contains("pre-restore");
        assertThat(ok("list", "--store", store()).out()).contains("Emberfall_Keep").contains("1 world");
    }

    @Test
    void deleteLeavesASnapshotThatRestoreWorldUses() {
        ok("example", "--store", store());
        ok("delete", "Emberfall_Keep", "--store", store());
        CliRun snapshots = ok("snapshots", "--store", store());
        assertThat(snapshots.out()).contains("Emberfall_Keep").contains("delete").contains("1 snapshot");

        assertThat(ok("restore-world", "Emberfall_Keep", "--store", store()).out()).contains("restored world Emberfall_Keep");
        assertThat(ok("show", "Emberfall_Keep", "--store", store()).out()).contains("Gatehouse");

        String manual = name(ok("snapshot", "Emberfall_Keep", "--store", store()).out(), "snapshot (\\S+) of world");
        ok("restore-world", "Emberfall_Keep", manual, "--store", store());
        assertThat(ok("snapshots", "Emberfall_Keep", "--store", store()).out()).contains(manual).contains("replace");
    }

    @Test
    void verifyPassesAHealthyStoreAndFailsADamagedOne() throws Exception {
        ok("example", "--store", store());
        assertThat(ok("verify", "--store", store()).out()).contains("verify full").contains("0 failures").contains("passed");
        assertThat(ok("verify", "--deep", "--store", store()).out()).contains("verify deep").contains("passed");

        CliRun damage = CliRun.of("sql", "--write", "UPDATE CHAT SET MESSAGE_COUNT = 99", "--store", store());
        assertThat(damage.code()).as(damage.err()).isZero();
        CliRun failed = CliRun.of("verify", "--quick", "--store", store());
        assertThat(failed.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(failed.out()).contains("FAILED  world Emberfall_Keep: message-sequence");
    }

    @Test
    void unknownNamesFailWithAMessage() {
        ok("example", "--store", store());
        CliRun restore = CliRun.of("restore", "worlds-20260101T000000000Z-manual.zip", "--store", store());
        assertThat(restore.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(restore.err()).contains("no backup worlds-20260101T000000000Z-manual.zip");
        CliRun world = CliRun.of("restore-world", "Nowhere", "--store", store());
        assertThat(world.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(world.err()).contains("Nowhere").contains("no snapshots");
    }
}
