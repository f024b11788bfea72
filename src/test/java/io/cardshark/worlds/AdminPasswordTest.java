package io.cardshark.worlds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database's users cannot be guessed: H2's console login page is reachable on the loopback address
 * while {@code console} runs, so a known admin password would let any local process run code in the
 * store's JVM.
 */
class AdminPasswordTest {

    @TempDir
    Path dir;

    private Path store() {
        return dir.resolve("store");
    }

    private String url() {
        return "jdbc:h2:file:" + store().resolve("worlds") + ";IFEXISTS=TRUE";
    }

    private String password() throws Exception {
        String line = Files.readAllLines(store().resolve("worlds.credentials")).get(1);
        return line.substring(line.indexOf('=') + 1);
    }

    @Test
    void aNewStoreHasARandomAdminPasswordInAnOwnerOnlyFile() throws Exception {
        try (WorldStore s = TempStore.open(dir)) {
            s.worlds().create("Kept");
        }
        Path credentials = store().resolve("worlds.credentials");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThat(password()).matches("[0-9a-f]{32}");
        assertThatThrownBy(() -> DriverManager.getConnection(url(), "SA", "").close())
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getErrorCode()).isEqualTo(org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD);
        try (WorldStore s = TempStore.open(dir)) {
            assertThat(s.worlds().get("Kept").id()).isEqualTo("Kept");
        }
    }

    @Test
    void aStoreFromBeforeThePasswordIsGivenOneOnOpen() throws Exception {
        try (WorldStore s = TempStore.open(dir)) {
            s.worlds().create("Old");
        }
        try (Connection c = DriverManager.getConnection(url(), "SA", password()); Statement st = c.createStatement()) {
            st.execute("ALTER USER SA SET PASSWORD ''");
        }
        Files.delete(store().resolve("worlds.credentials"));

        try (WorldStore s = TempStore.open(dir)) {
            assertThat(s.worlds().get("Old").id()).isEqualTo("Old");
        }
        assertThat(password()).matches("[0-9a-f]{32}");
        assertThatThrownBy(() -> DriverManager.getConnection(url(), "SA", "").close()).isInstanceOf(SQLException.class);
        try (Connection c = DriverManager.getConnection(url(), "SA", password())) {
            assertThat(c.isValid(1)).isTrue();
        }
    }

    @Test
    void aLostCredentialsFileIsNamedInTheError() throws Exception {
        try (WorldStore s = TempStore.open(dir)) {
            s.worlds().create("Locked");
        }
        Files.delete(store().resolve("worlds.credentials"));

        assertThatThrownBy(() -> TempStore.open(dir))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("worlds.credentials")
                .hasMessageContaining("put back");
        assertThat(store().resolve("worlds.credentials")).doesNotExist();
    }

    @Test
    void theInspectorUsersPasswordIsNotKnownOutsideTheProcess() throws Exception {
        try (WorldStore s = TempStore.open(dir)) {
            try (Connection c = s.sqlConnection(false); Statement st = c.createStatement()) {
                assertThat(st.executeQuery("SELECT COUNT(*) FROM WORLD").next()).isTrue();
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url(), "INSPECTOR", "inspector").close())
                    .isInstanceOf(SQLException.class);
        }
    }
}
