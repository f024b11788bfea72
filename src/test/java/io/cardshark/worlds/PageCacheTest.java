package io.cardshark.worlds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code cacheSizeMb}: H2's page cache is the size the configuration asks for at every open. H2 stores its
 * {@code CACHE_SIZE} in the database, so a store once opened with a large cache must not keep it when opened
 * with the default again, and the stored setting must not make the store look foreign ({@code SchemaGuard}).
 */
class PageCacheTest {

    @TempDir
    Path dir;

    @Test
    void theCacheIsTheConfiguredSizeAtEveryOpen() throws Exception {
        Path data = dir.resolve("store");
        try (WorldStore store = WorldStore.configure().dataDir(data).cacheSizeMb(64).open()) {
            store.worlds().create("Cached");
            assertThat(cacheSizeMb(store)).isEqualTo(64);
        }
        try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
            assertThat(cacheSizeMb(store)).as("the default again, not the stored 64 MB")
                    .isEqualTo(StoreConfig.DEFAULT_CACHE_SIZE_MB);
            assertThat(store.worlds().list()).hasSize(1);
        }
    }

    @Test
    void theSizeIsValidated() {
        assertThatThrownBy(() -> WorldStore.configure().cacheSizeMb(0).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cacheSizeMb");
        assertThatThrownBy(() -> WorldStore.configure().cacheSizeMb(StoreConfig.MAX_CACHE_SIZE_MB + 1).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cacheSizeMb");
        StoreConfig base = WorldStore.configure().dataDir(dir.resolve("a")).cacheSizeMb(128).build();
        assertThat(WorldStore.configure(base).dataDir(dir.resolve("b")).build().cacheSizeMb()).isEqualTo(128);
    }

    /** The most MB H2's cache may hold, as H2 reports it. */
    private static long cacheSizeMb(WorldStore store) throws Exception {
        try (Connection c = store.sqlConnection(false); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'")) {
            assertThat(rs.next()).as("H2 reports its cache size").isTrue();
            return Long.parseLong(rs.getString(1));
        }
    }
}
