package io.cardshark.worlds.backup;

import io.cardshark.worlds.WorldStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** A schema migration rewrites every world, so the store backs itself up before one. */
class MigrationBackupTest {

    @TempDir
    Path dir;

    @Test
    void aStoreOnTheFirstSchemaIsBackedUpBeforeItIsMigrated() throws Exception {
        Path data = dir.resolve("store");
        Files.createDirectories(data);
        String password = "0123456789abcdef0123456789abcdef";
        Files.writeString(data.resolve("worlds.credentials"), "admin.password=" + password + "\n");
        String url = "jdbc:h2:file:" + data.resolve("worlds");
        Flyway.configure().dataSource(url, "SA", password).locations("classpath:io/cardshark/worlds/db/migration/common", "classpath:io/cardshark/worlds/db/migration/h2").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "SA", password); Statement st = c.createStatement()) {
            st.execute("INSERT INTO STORE_SETTING (NAME, SETTING) VALUES ('ui.theme', 'dusk')");
        }

        try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
            assertThat(Integer.parseInt(store.info().schemaVersion())).isGreaterThan(1);
            assertThat(store.settings().get("ui.theme")).hasValue("dusk");
            assertThat(store.backups().list()).singleElement().satisfies(b -> {
                assertThat(b.reason()).isEqualTo("pre-migration");
                try (ZipFile zip = new ZipFile(b.path().toFile())) {
                    assertThat(zip.getEntry("worlds.mv.db")).isNotNull();
                    assertThat(zip.getEntry("worlds.credentials")).isNotNull();
                }
            });
        }
        // Opening again migrates nothing and backs up nothing.
        try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
            assertThat(store.backups().list()).hasSize(1);
        }
    }
}
