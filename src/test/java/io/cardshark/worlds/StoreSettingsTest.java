package io.cardshark.worlds;

import io.cardshark.worlds.testing.TestPostgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings API keeps a caller's settings and refuses the ones the store writes itself. */
class StoreSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theStoresOwnVersionSettingsCannotBeOverwritten() {
        try (WorldStore store = TempStore.open(dir)) {
            String schema = store.settings().get("schema.version").orElseThrow();
            // The version of the database engine that last opened the store, which it records itself.
            String engineSetting = TestPostgres.selected() ? "postgresql.version" : "h2.version";
            String h2 = store.settings().get(engineSetting).orElseThrow();
            for (String reserved : new String[]{"schema.version", "h2.version", "postgresql.version"}) {
                assertThatThrownBy(() -> store.settings().put(reserved, "99"))
                        .isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("setting " + reserved);
            }
            assertThat(store.settings().get("schema.version")).contains(schema);
            assertThat(store.settings().get(engineSetting)).contains(h2);
            assertThat(store.info().schemaVersion()).isEqualTo(schema);

            store.settings().put("schema.version.note", "mine");
            store.settings().put("my.setting", "x");
            assertThat(store.settings().get("my.setting")).contains("x");
        }
    }
}
