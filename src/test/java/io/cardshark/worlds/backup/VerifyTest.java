package io.cardshark.worlds.backup;

import io.cardshark.worlds.testing.TestPostgres;
import io.cardshark.worlds.testing.TestStores;

import io.cardshark.worlds.StoreUnavailableException;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifyTest {

    private static final String CHATS = "Elara_s_Chat_World";

    @TempDir
    Path dir;

    private WorldStore withFixtures() throws IOException {
        WorldStore store = TestStores.configure(dir.resolve("store")).open();
        for (String fixture : List.of("a-tiny", "b-unicode-rich", "c-chats", "d-corrupt-with-backup", "e-missing-metadata")) {
            store.folders().importFolders(List.of(Trees.fixtureWorlds(fixture, dir.resolve("src"))), false);
        }
        return store;
    }

    /** Damage the way a bad disk or a careless SQL session would, behind the API's back. */
    private static void damage(WorldStore store, String sql) throws SQLException {
        try (Connection c = store.sqlConnection(true); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate(sql)).as(sql).isPositive();
        }
    }

    @Test
    void everyFixtureWorldPassesEveryLevel() throws IOException {
        try (WorldStore store = withFixtures()) {
            for (VerifyLevel level : VerifyLevel.values()) {
                VerifyReport report = store.verify(level);
                assertThat(report.failures()).as(level.toString()).isEmpty();
                assertThat(report.checks()).as(level.toString()).isPositive();
            }
        }
    }

    @Test
    void aHoleInAChatIsAFailureAtEveryLevel() throws Exception {
        try (WorldStore store = withFixtures()) {
            damage(store, "DELETE FROM CHAT_MESSAGE WHERE SEQ = 1 AND CHAT_KEY = (SELECT MIN(CHAT_KEY) FROM CHAT "
                    + "WHERE WORLD_ID = '" + CHATS + "' AND MESSAGE_COUNT > 2)");
            VerifyReport report = store.verify(VerifyLevel.QUICK);
            assertThat(report.passed()).isFalse();
            assertThat(report.failures()).singleElement().satisfies(f -> {
                assertThat(f.worldId()).isEqualTo(CHATS);
                assertThat(f.check()).isEqualTo("message-sequence");
            });
        }
    }

    @Test
    void aChangedFileAndAnUnparsableDocumentAreFoundByTheFullLevel() throws Exception {
        try (WorldStore store = withFixtures()) {
            damage(store, "UPDATE WORLD_FILE SET CONTENT = " + TestStores.binaryLiteral("00") + " WHERE (WORLD_ID, PATH) IN "
                    + "(SELECT WORLD_ID, PATH FROM WORLD_FILE ORDER BY WORLD_ID, PATH LIMIT 1)");
            damage(store, "UPDATE CHAT_MESSAGE SET DOCUMENT = '{\"role\": ' WHERE SEQ = 0 AND CHAT_KEY = "
                    + "(SELECT MIN(CHAT_KEY) FROM CHAT WHERE MESSAGE_COUNT > 0)");
            assertThat(store.verify(VerifyLevel.QUICK).passed()).isTrue();
            VerifyReport full = store.verify(VerifyLevel.FULL);
            assertThat(full.failures()).extracting(Finding::check).containsExactlyInAnyOrder("file-digest", "json-document");
            assertThat(full.failures()).allSatisfy(f -> assertThat(f.worldId()).isNotNull());
        }
    }

    @Test
    void placesThatNameNoLocationAreWarningsNotFailures() throws Exception {
        try (WorldStore store = withFixtures()) {
            damage(store, "UPDATE WORLD SET CURRENT_POSITION = '99,99,99' WHERE ID = '" + CHATS + "'");
            damage(store, "UPDATE CHAT SET LOCATION_ID = 'nowhere' WHERE WORLD_ID = '" + CHATS + "'");
            VerifyReport report = store.verify(VerifyLevel.QUICK);
            assertThat(report.passed()).isTrue();
            assertThat(report.warnings()).extracting(Finding::check).contains("current-position", "chat-location");
            assertThat(report.warnings()).filteredOn(f -> f.check().equals("current-position"))
                    .singleElement().satisfies(f -> assertThat(f.detail()).contains("99,99,99"));
        }
    }

    @Test
    void verifyOnOpenRefusesADamagedStore() throws Exception {
        try (WorldStore store = withFixtures()) {
            damage(store, "UPDATE CHAT SET MESSAGE_COUNT = MESSAGE_COUNT + 1 WHERE WORLD_ID = '" + CHATS + "'");
        }
        assertThatThrownBy(() -> TestStores.configure(dir.resolve("store")).verifyOnOpen(true).open())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("failed verification on open").hasMessageContaining(CHATS);
        // Without the check the store opens, so a person can look and repair.
        try (WorldStore store = TestStores.configure(dir.resolve("store")).open()) {
            assertThat(store.verify(VerifyLevel.QUICK).passed()).isFalse();
        }
    }

    /** Messages are kept with their chats by the store itself (schema V6 dropped the foreign key and its index). */
    @Test
    void deletesTakeTheirMessagesAndAMessageOfNoChatIsAFailure() throws Exception {
        try (WorldStore store = withFixtures()) {
            var chats = store.chats().list(CHATS);
            long messagesBefore = count(store, "SELECT COUNT(*) FROM CHAT_MESSAGE");
            long ofFirstChat = chats.get(0).messageCount();
            assertThat(ofFirstChat).isPositive();
            store.chats().delete(CHATS, chats.get(0).chatId());
            assertThat(count(store, "SELECT COUNT(*) FROM CHAT_MESSAGE")).isEqualTo(messagesBefore - ofFirstChat);
            store.worlds().delete(CHATS);
            assertThat(count(store, "SELECT COUNT(*) FROM CHAT_MESSAGE m WHERE NOT EXISTS "
                    + "(SELECT 1 FROM CHAT c WHERE c.CHAT_KEY = m.CHAT_KEY)")).as("messages of no chat").isZero();
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();

            damage(store, "INSERT INTO CHAT_MESSAGE (CHAT_KEY, SEQ, DOCUMENT) VALUES (987654, 0, '{}')");
            assertThat(store.verify(VerifyLevel.FULL).failures()).singleElement().satisfies(f -> {
                assertThat(f.check()).isEqualTo("foreign-key");
                assertThat(f.detail()).contains("1 message(s) of chats that are not there (chat keys [987654])");
            });
        }
    }

    @Test
    void messagesHaveOnlyTheirPrimaryKeysIndex() throws Exception {
        try (WorldStore store = withFixtures()) {
            String indexes = TestPostgres.selected()
                    ? "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'chat_message'"
                    : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'CHAT_MESSAGE'";
            assertThat(count(store, indexes)).as("H2 kept a second index for the foreign key schema V6 dropped")
                    .isEqualTo(1);
        }
    }

    private static long count(WorldStore store, String sql) throws SQLException {
        try (Connection c = store.sqlConnection(false); Statement st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
