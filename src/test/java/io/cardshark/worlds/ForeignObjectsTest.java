package io.cardshark.worlds;

import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.backup.VerifyReport;
import io.cardshark.worlds.testing.AdminSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store file made by someone else is data, never code (issue 11, item 3). H2 loads a trigger (compiling and
 * running its Java source) and connects a linked table while it opens a database, before any query could
 * look; and it has no execute privilege, so an alias is callable by every user. The store therefore reads
 * H2's catalogue straight from the file first, refuses what its migrations did not make, and removes it only
 * when told to, after a backup.
 */
class ForeignObjectsTest {

    @TempDir
    Path dir;

    private Path store() {
        return dir.resolve("store");
    }

    /** A store with one world, then objects planted into its file by someone with its admin password. */
    private Path marker() {
        return dir.resolve("the-trigger-ran");
    }

    private void plant(String... statements) throws SQLException {
        try (WorldStore s = WorldStore.configure().dataDir(store()).serveInspection(false).open()) {
            s.worlds().create("Kept World");
        }
        try (Connection c = AdminSql.connect(store()); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private String trigger() {
        // Java source that H2 compiles and runs when the database opens: it leaves a file behind.
        return "CREATE TRIGGER PLANTED BEFORE INSERT ON WORLD AS $$org.h2.api.Trigger create() throws Exception { "
                + "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker() + "\"), \"ran\"); "
                + "return (c, o, n) -> {}; } $$";
    }

    @Test
    void aStoreWithATriggerIsRefusedBeforeTheTriggerRuns() throws Exception {
        plant(trigger());
        Files.deleteIfExists(marker()); // the planting itself ran it, in the planter's process
        byte[] before = Files.readAllBytes(store().resolve("worlds.mv.db"));

        assertThatThrownBy(() -> WorldStore.configure().dataDir(store()).open())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("trigger PLANTED (runs Java code)")
                .hasMessageContaining("dropForeignObjects");
        assertThatThrownBy(() -> WorldStore.configure().dataDir(store()).readOnly(true).open())
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("trigger PLANTED");
        assertThat(marker()).as("the trigger's code never ran").doesNotExist();
        assertThat(Files.readAllBytes(store().resolve("worlds.mv.db"))).as("the file is untouched").isEqualTo(before);
    }

    @Test
    void everyKindOfForeignObjectIsNamed() throws Exception {
        plant("CREATE ALIAS GETPROP FOR 'java.lang.System.getProperty'",
                "CREATE CONSTANT MAGIC VALUE 42",
                "CREATE DOMAIN MONEY AS DECIMAL(10, 2)",
                "CREATE USER EVIL PASSWORD 'x' ADMIN",
                "CREATE FORCE LINKED TABLE LINKED_ONE('org.h2.Driver', 'jdbc:h2:mem:elsewhere', '', '', 'X')",
                "CREATE TABLE EXTRA(ID INT)",
                "CREATE SCHEMA OTHER");

        assertThatThrownBy(() -> WorldStore.configure().dataDir(store()).open())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("alias GETPROP")
                .hasMessageContaining("constant MAGIC")
                .hasMessageContaining("domain MONEY")
                .hasMessageContaining("user EVIL")
                .hasMessageContaining("linked table LINKED_ONE")
                .hasMessageContaining("table EXTRA")
                .hasMessageContaining("schema OTHER");
    }

    @Test
    void dropForeignObjectsRemovesThemAfterABackupAndKeepsTheWorlds() throws Exception {
        plant(trigger(), "CREATE ALIAS GETPROP FOR 'java.lang.System.getProperty'", "CREATE USER EVIL PASSWORD 'x' ADMIN");
        Files.deleteIfExists(marker());

        try (WorldStore s = WorldStore.configure().dataDir(store()).dropForeignObjects(true).open()) {
            assertThat(s.worlds().get("Kept_World").displayName()).isEqualTo("Kept World");
            assertThat(s.backups().list()).extracting(b -> b.reason()).containsExactly("pre-drop");
            VerifyReport report = s.verify(VerifyLevel.QUICK);
            assertThat(report.failures()).isEmpty();
            try (Connection c = AdminSql.connect(s)) {
                assertThat(names(c, "SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS")).isEmpty();
                assertThat(names(c, "SELECT ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = 'PUBLIC'"))
                        .isEmpty();
                assertThat(names(c, "SELECT USER_NAME FROM INFORMATION_SCHEMA.USERS")).doesNotContain("EVIL");
            }
        }
        assertThat(marker()).as("the trigger's code never ran").doesNotExist();
        try (WorldStore s = WorldStore.configure().dataDir(store()).open()) {
            assertThat(s.worlds().list()).hasSize(1);
        }
    }

    @Test
    void aChangedDefinitionOfTheStoresOwnTableIsRefusedAndCannotBeDropped() throws Exception {
        plant("ALTER TABLE WORLD ADD COLUMN SPY VARCHAR DEFAULT 'x'");

        assertThatThrownBy(() -> WorldStore.configure().dataDir(store()).dropForeignObjects(true).open())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("table or view WORLD differs from what the store's migrations made")
                .hasMessageContaining("restore a backup");
    }

    @Test
    void noSessionOfTheStoreMayCreateCode() throws Exception {
        try (WorldStore s = WorldStore.configure().dataDir(store()).open()) {
            for (boolean writable : List.of(false, true)) {
                try (Connection c = s.sqlConnection(writable); Statement st = c.createStatement()) {
                    for (String sql : List.of("CREATE ALIAS GETPROP FOR 'java.lang.System.getProperty'",
                            "CREATE TRIGGER T BEFORE INSERT ON WORLD CALL 'org.example.Nope'",
                            "CREATE LINKED TABLE L('org.h2.Driver', 'jdbc:h2:mem:x', '', '', 'X')",
                            "CREATE USER SNEAKY PASSWORD 'x' ADMIN",
                            "CALL FILE_READ('/etc/hostname')",
                            "SCRIPT TO '" + dir.resolve("dump.sql") + "'")) {
                        assertThatThrownBy(() -> st.execute(sql)).as("%s (writable %s)", sql, writable)
                                .isInstanceOf(SQLException.class);
                    }
                }
            }
        }
        assertThat(dir.resolve("dump.sql")).doesNotExist();
    }

    @Test
    void verifyFindsAnObjectPlantedWhileTheStoreIsOpen() throws Exception {
        try (WorldStore s = WorldStore.configure().dataDir(store()).open()) {
            assertThat(s.verify(VerifyLevel.QUICK).passed()).isTrue();
            try (Connection c = AdminSql.connect(s); Statement st = c.createStatement()) {
                st.execute("CREATE ALIAS GETPROP FOR 'java.lang.System.getProperty'");
            }
            VerifyReport report = s.verify(VerifyLevel.QUICK);
            assertThat(report.passed()).isFalse();
            assertThat(report.failures()).anySatisfy(f -> assertThat(f.toString()).contains("GETPROP"));
        }
    }

    private static List<String> names(Connection c, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
