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
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
                    + "WHERE WORLD_KEY = " + worldKey(CHATS) + " AND MESSAGE_COUNT > 2)");
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
            damage(store, "UPDATE WORLD_FILE SET CONTENT = " + TestStores.binaryLiteral("00")
                    + " WHERE (WORLD_KEY, PATH) IN"
                    + " (SELECT WORLD_KEY, PATH FROM WORLD_FILE ORDER BY WORLD_KEY, PATH LIMIT 1)");
            damage(store, "UPDATE CHAT_MESSAGE SET DOCUMENT = '{\"role\": ' WHERE SEQ = 0 AND CHAT_KEY = "
                    + "(SELECT MIN(CHAT_KEY) FROM CHAT WHERE MESSAGE_COUNT > 0)");
            assertThat(store.verify(VerifyLevel.QUICK).passed()).isTrue();
            VerifyReport full = store.verify(VerifyLevel.FULL);
            assertThat(full.failures()).extracting(Finding::check).containsExactlyInAnyOrder("file-digest", "json-document");
            assertThat(full.failures()).allSatisfy(f -> assertThat(f.worldId()).isNotNull());
            // A message is named by its world's key, its chat's key and its number, not by its one-number key.
            assertThat(full.failures()).filteredOn(f -> f.check().equals("json-document")).singleElement()
                    .satisfies(f -> assertThat(f.detail()).contains("chat_message.document of row (")
                            .contains(", 0) does not parse"));
        }
    }

    @Test
    void placesThatNameNoLocationAreWarningsNotFailures() throws Exception {
        try (WorldStore store = withFixtures()) {
            damage(store, "UPDATE WORLD SET CURRENT_POSITION = '99,99,99' WHERE ID = '" + CHATS + "'");
            damage(store, "UPDATE CHAT SET LOCATION_ID = 'nowhere' WHERE WORLD_KEY = " + worldKey(CHATS));
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
            damage(store, "UPDATE CHAT SET MESSAGE_COUNT = MESSAGE_COUNT + 1 WHERE WORLD_KEY = " + worldKey(CHATS));
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

            damage(store, "INSERT INTO CHAT_MESSAGE (WORLD_KEY, CHAT_KEY, SEQ, DOCUMENT) VALUES (987654, 987654, 0, '{}')");
            assertThat(store.verify(VerifyLevel.FULL).failures()).singleElement().satisfies(f -> {
                assertThat(f.check()).isEqualTo("foreign-key");
                assertThat(f.detail()).contains("1 message(s) of chats that are not there in their world (chat keys [987654])");
            });
        }
    }

    /** Since schema V7 a message carries its world's key: one filed under another world is a message of no chat. */
    @Test
    void aMessageFiledUnderAnotherWorldIsAFailure() throws Exception {
        try (WorldStore store = withFixtures()) {
            long chatKey = count(store, "SELECT MIN(CHAT_KEY) FROM CHAT WHERE WORLD_KEY = " + worldKey(CHATS));
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
            damage(store, "UPDATE CHAT_MESSAGE SET WORLD_KEY = WORLD_KEY + 1000 WHERE CHAT_KEY = " + chatKey + " AND SEQ = 0");
            assertThat(store.verify(VerifyLevel.FULL).failures()).extracting(f -> f.check() + ": " + f.detail())
                    .anyMatch(d -> d.startsWith("foreign-key: 1 message(s) of chats that are not there in their world"
                            + " (chat keys [" + chatKey + "])"))
                    .anyMatch(d -> d.startsWith("message-sequence: chat "));
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
            if (!TestPostgres.selected()) {
                // Schema 9: the one index is the rows' own key (H2's delegate of its row map), not a second map.
                assertThat(count(store, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'CHAT_MESSAGE'"
                        + " AND INDEX_CLASS = 'org.h2.mvstore.db.MVDelegateIndex'")).isEqualTo(1);
            }
        }
    }

    /**
     * Issue 15, item 2: every table of a world's rows leads its primary key with the world's numeric key (schema V8),
     * one column of one type in every table, so that a distributed PostgreSQL can keep a world's rows together on
     * one node; only {@code WORLD} holds the id. The tables of the whole store are named here.
     */
    @Test
    void everyTableOfAWorldsRowsLeadsItsPrimaryKeyWithTheWorld() throws Exception {
        Set<String> storeWide = Set.of("STORE_SETTING", "SEARCH_SEGMENT", "SEARCH_POSTING", "SEARCH_INDEX",
                "CARDSHARK_WORLDS_SCHEMA_HISTORY");
        Map<String, List<String>> keys = new TreeMap<>();
        List<String> worldColumns = new ArrayList<>();
        Map<String, Integer> keyTypes = new TreeMap<>();
        try (WorldStore store = TestStores.configure(dir.resolve("store")).open();
             Connection c = store.sqlConnection(false)) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet tables = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    keys.put(tables.getString("TABLE_NAME").toUpperCase(Locale.ROOT), new ArrayList<>());
                }
            }
            for (Map.Entry<String, List<String>> table : keys.entrySet()) {
                String name = TestPostgres.selected() ? table.getKey().toLowerCase(Locale.ROOT) : table.getKey();
                try (ResultSet pk = meta.getPrimaryKeys(null, c.getSchema(), name)) {
                    Map<Short, String> bySeq = new TreeMap<>();
                    while (pk.next()) {
                        bySeq.put(pk.getShort("KEY_SEQ"), pk.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                    }
                    table.getValue().addAll(bySeq.values());
                }
                try (ResultSet columns = meta.getColumns(null, c.getSchema(), name, "%")) {
                    while (columns.next()) {
                        String column = columns.getString("COLUMN_NAME").toUpperCase(Locale.ROOT);
                        if (column.equals("WORLD_ID")) {
                            worldColumns.add(table.getKey());
                        } else if (column.equals("WORLD_KEY")) {
                            keyTypes.put(table.getKey(), columns.getInt("DATA_TYPE"));
                        }
                    }
                }
            }
        }
        assertThat(keys).containsKeys("WORLD", "CHAT", "CHAT_MESSAGE", "SEARCH_PROGRESS", "LOCATION", "VISIT");
        assertThat(keys.get("WORLD")).containsExactly("ID");
        // Schema 9: a message's key is one BIGINT, which H2 makes the rows' own key; PostgreSQL's leads with the world.
        assertThat(keys.get("CHAT_MESSAGE")).containsExactlyElementsOf(TestPostgres.selected()
                ? List.of("WORLD_KEY", "MESSAGE_KEY") : List.of("MESSAGE_KEY"));
        assertThat(keys.get("SEARCH_PROGRESS")).containsExactly("WORLD_KEY", "CHAT_KEY");
        assertThat(keys.get("LOCATION")).containsExactly("WORLD_KEY", "LOCATION_ID");
        keys.forEach((table, columns) -> {
            if (!storeWide.contains(table) && !table.equals("WORLD") && !columns.equals(List.of("MESSAGE_KEY"))) {
                assertThat(columns).as(table + "'s primary key").first().isEqualTo("WORLD_KEY");
            }
        });
        assertThat(worldColumns).as("tables with a WORLD_ID column (the id is WORLD.ID alone)").isEmpty();
        assertThat(keyTypes).as("tables with a WORLD_KEY column")
                .containsOnlyKeys(keys.keySet().stream().filter(t -> !storeWide.contains(t)).toList());
        assertThat(Set.copyOf(keyTypes.values())).as("the types of the WORLD_KEY columns")
                .containsExactly(Types.BIGINT);
    }

    /**
     * Schema V10: on H2 no foreign key cascades a delete any more (their indexes duplicated the primary keys), so the
     * store's writers delete every row of a location, a chat and a world themselves. Counted in every table the
     * database lists with a world key, so that a table added later is counted too.
     */
    @Test
    void deletesLeaveNoRowOfWhatTheyDeleted() throws Exception {
        try (WorldStore store = withFixtures()) {
            store.updateSearchIndex();
            String full = "SELECT MIN(w.ID) FROM WORLD w WHERE EXISTS (SELECT 1 FROM LOCATION_EXIT x WHERE x.WORLD_KEY"
                    + " = w.WORLD_KEY) AND EXISTS (SELECT 1 FROM LOCATION_NPC n WHERE n.WORLD_KEY = w.WORLD_KEY)"
                    + " AND EXISTS (SELECT 1 FROM LOCATION_EVENT e WHERE e.WORLD_KEY = w.WORLD_KEY)";
            String world = text(store, full);
            assertThat(world).as("a fixture world with exits, NPCs and location events").isNotNull();
            for (var location : store.locations().list(world)) {
                store.locations().remove(world, location.locationId());
            }
            for (String table : List.of("LOCATION", "LOCATION_EXIT", "LOCATION_NPC", "LOCATION_EVENT")) {
                assertThat(count(store, "SELECT COUNT(*) FROM " + table + " WHERE WORLD_KEY = " + worldKey(world)))
                        .as(table + " of " + world + " after removing its locations").isZero();
            }

            var chat = store.chats().list(CHATS).get(0);
            String marks = "SELECT COUNT(*) FROM SEARCH_PROGRESS p JOIN CHAT c ON c.CHAT_KEY = p.CHAT_KEY"
                    + " WHERE c.WORLD_KEY = " + worldKey(CHATS);
            long marksBefore = count(store, marks);
            long allMarksBefore = count(store, "SELECT COUNT(*) FROM SEARCH_PROGRESS");
            assertThat(marksBefore).as("the chats' search marks").isEqualTo(store.chats().list(CHATS).size());
            store.chats().delete(CHATS, chat.chatId());
            assertThat(count(store, "SELECT COUNT(*) FROM SEARCH_PROGRESS")).isEqualTo(allMarksBefore - 1);

            // A branch has a lineage row; replaced by an import, its rows (the lineage too) go with the old world.
            store.worlds().branch(CHATS, "Verify branch", "before the deletes");
            String branch = "Verify_branch";
            long branchKey = count(store, "SELECT WORLD_KEY FROM WORLD WHERE ID = '" + branch + "'");
            store.folders().export(List.of(branch), dir.resolve("exported"), io.cardshark.worlds.folder.Layout.DOCUMENTED);
            store.folders().importFolders(List.of(dir.resolve("exported").resolve(branch)), true);
            long chatsKey = count(store, "SELECT WORLD_KEY FROM WORLD WHERE ID = '" + CHATS + "'");
            store.worlds().delete(CHATS);

            Map<String, Long> left = new TreeMap<>();
            for (String table : worldKeyTables(store)) {
                long n = count(store, "SELECT COUNT(*) FROM " + table + " WHERE WORLD_KEY IN (" + chatsKey + ", "
                        + branchKey + ")");
                if (n > 0) {
                    left.put(table, n);
                }
            }
            assertThat(left).as("rows of the deleted world and of the replaced branch").isEmpty();
            assertThat(store.worlds().lineage(branch)).as("the imported world is not a branch").isEmpty();
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
    }

    /** On H2 the store keeps these relations itself (V10); verify FULL reports a row that breaks one. */
    @Test
    void aRowOfNoWorldLocationOrChatIsAFailure() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestPostgres.selected(),
                "PostgreSQL keeps its foreign keys: such a row cannot be written there");
        try (WorldStore store = withFixtures()) {
            damage(store, "INSERT INTO VISIT (WORLD_KEY, SEQ, POSITION) VALUES (987654, 0, '0,0,0')");
            damage(store, "INSERT INTO LOCATION_EXIT (WORLD_KEY, LOCATION_ID, DIRECTION, ORDINAL, KEY_ORDER)"
                    + " SELECT WORLD_KEY, 'nowhere', 'north', 0, '[]' FROM WORLD WHERE ID = '" + CHATS + "'");
            damage(store, "INSERT INTO SEARCH_PROGRESS (WORLD_KEY, CHAT_KEY, INDEXED) SELECT WORLD_KEY, 987654, 0"
                    + " FROM WORLD WHERE ID = '" + CHATS + "'");
            long key = count(store, "SELECT WORLD_KEY FROM WORLD WHERE ID = '" + CHATS + "'");
            assertThat(store.verify(VerifyLevel.FULL).failures()).extracting(f -> f.check() + ": " + f.detail())
                    .containsExactlyInAnyOrder(
                            "foreign-key: 1 row(s) of VISIT of no world (world keys [987654])",
                            "foreign-key: 1 row(s) of LOCATION_EXIT under no location of their world (world keys ["
                                    + key + "])",
                            "foreign-key: 1 row(s) of SEARCH_PROGRESS of no chat in their world (world keys ["
                                    + key + "])");
        }
    }

    /** The tables the database lists with a {@code WORLD_KEY} column, upper case. */
    private static List<String> worldKeyTables(WorldStore store) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = store.sqlConnection(false);
             ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), "%",
                     TestPostgres.selected() ? "world_key" : "WORLD_KEY")) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
            }
        }
        assertThat(tables).contains("VISIT", "LOCATION_EVENT", "WORLD_BRANCH", "SEARCH_PROGRESS", "CHAT_MESSAGE");
        return tables;
    }

    private static String text(WorldStore store, String sql) throws SQLException {
        try (Connection c = store.sqlConnection(false); Statement st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A subquery for the key of world {@code id}, which names the world in every table but {@code WORLD}. */
    private static String worldKey(String id) {
        return "(SELECT WORLD_KEY FROM WORLD WHERE ID = '" + id + "')";
    }

    private static long count(WorldStore store, String sql) throws SQLException {
        return Long.parseLong(text(store, sql));
    }
}
