package io.cardshark.worlds;

import io.cardshark.worlds.backup.BackupInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Every file that holds a secret is its owner's alone from the moment it exists (issue 11, item 2): the
 * credentials, the inspection address, the backups that carry the credentials, the restored files, and the
 * folders they live in. Checked by their modes, and, where this machine has a second user to be, by that user
 * trying to read them.
 */
class SecretFilesTest {

    @TempDir
    Path dir;

    private Path store() {
        return dir.resolve("store");
    }

    @Test
    void secretsAreOwnerOnlyAfterCreateBackupRestoreAndOpen() throws Exception {
        String backupName;
        try (WorldStore s = WorldStore.configure().dataDir(store()).open()) {
            s.worlds().create("Secret World");
            backupName = s.backups().create().name();
            s.snapshots().take("Secret_World");
            assertThat(modes(store())).containsEntry("worlds.inspect", "rw-------");
        }
        BackupInfo preRestore = WorldStore.restore(WorldStore.configure().dataDir(store()).build(), backupName);
        assertThat(preRestore.reason()).isEqualTo("pre-restore");
        try (WorldStore s = WorldStore.configure().dataDir(store()).open()) {
            assertThat(s.worlds().exists("Secret_World")).isTrue();
        }
        Map<String, String> modes = modes(store());
        assertThat(modes).as("every file and folder of the store, after create, backup, snapshot, restore and open")
                .containsEntry(".", "rwx------")
                .containsEntry("worlds.credentials", "rw-------")
                .containsEntry("worlds.mv.db", "rw-------")
                .containsEntry("worlds.lock", "rw-------")
                .containsEntry("backups", "rwx------")
                .containsEntry("backups/" + backupName, "rw-------")
                .containsEntry("backups/" + preRestore.name(), "rw-------")
                .containsEntry("snapshots", "rwx------");
        assertThat(modes).doesNotContainKey("worlds.inspect");
        // Inside snapshots/ (owner-only itself) lie exported world folders: world data, no secret.
        modes.forEach((path, mode) -> {
            if (!path.startsWith("snapshots/")) {
                assertThat(mode).as(path).matches("rw[x-]------");
            }
        });
        try (ZipFile zip = new ZipFile(store().resolve("backups").resolve(backupName).toFile())) {
            assertThat(zip.getEntry("worlds.credentials")).as("a backup restores on its own").isNotNull();
        }
    }

    @Test
    void backupsThatOlderReleasesLeftReadableByAllAreNarrowedOnOpen() throws Exception {
        String name;
        try (WorldStore s = WorldStore.configure().dataDir(store()).open()) {
            name = s.backups().create().name();
        }
        Path backup = store().resolve("backups").resolve(name);
        Files.setPosixFilePermissions(backup, PosixFilePermissions.fromString("rw-r--r--"));
        try (WorldStore s = WorldStore.configure().dataDir(store()).open()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        }
    }

    @Test
    void anotherLocalUserReadsNoSecret() throws Exception {
        assumeThat(System.getProperty("user.name")).as("needs root to act as another user").isEqualTo("root");
        assumeThat(Path.of("/usr/sbin/runuser")).as("needs runuser").exists();
        String backupName;
        try (WorldStore s = WorldStore.configure().dataDir(store()).open()) {
            backupName = s.backups().create().name();
            // The folders above the store are the test's own: let the other user walk to the store's files.
            for (Path p = store().getParent(); p != null; p = p.getParent()) {
                if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx--x--x"));
                }
            }
            for (String file : List.of("worlds.credentials", "worlds.inspect", "worlds.mv.db",
                    "backups/" + backupName)) {
                Process cat = new ProcessBuilder("/usr/sbin/runuser", "-u", "nobody", "--", "cat",
                        store().resolve(file).toString()).redirectErrorStream(true).start();
                assertThat(cat.waitFor(30, TimeUnit.SECONDS)).isTrue();
                String output = new String(cat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(cat.exitValue()).as("user nobody reading %s: %s", file, output).isNotZero();
                assertThat(output).as(file).contains("Permission denied").doesNotContain("password=");
            }
        }
    }

    /** The mode of every file and folder under {@code root}, by relative path ("." for the root). */
    private static Map<String, String> modes(Path root) throws IOException {
        Map<String, String> modes = new TreeMap<>();
        List<Path> all = new ArrayList<>();
        try (var walk = Files.walk(root)) {
            walk.forEach(all::add);
        }
        for (Path p : all) {
            String rel = root.relativize(p).toString();
            modes.put(rel.isEmpty() ? "." : rel, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        }
        return modes;
    }
}
