package io.cardshark.worlds.backup;

import io.cardshark.worlds.testing.TestStores;
import io.cardshark.worlds.Chat;
import io.cardshark.worlds.ChatMessage;
import io.cardshark.worlds.Lineage;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.SearchHit;
import io.cardshark.worlds.SearchQuery;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stores made by four earlier releases (see each fixture's PROVENANCE.md), opened by today's code:
 * {@code fixtures/schema-6}, before messages were keyed by their world (V7 to V10 run), {@code fixtures/schema-7},
 * whose other tables were keyed by the world's id (V8 to V10 run), {@code fixtures/schema-8}, whose messages were
 * keyed by world, chat and number (V9 and V10 run), and {@code fixtures/schema-9}, whose foreign keys had H2 keep
 * an index beside each primary key (V10 runs). Afterwards every table of a world's rows carries the world's key,
 * the messages are keyed by {@code MESSAGE_KEY} alone (H2's rows' own key), no index repeats the start of a
 * primary key, and nothing is lost.
 */
class WorldKeyUpgradeTest {

    private static final String ELARA = "Elara_s_Chat_World";
    private static final String SLOT_TWO = "Elara_slot_two";

    @TempDir
    Path dir;

    private Path oldStore(String fixture) throws Exception {
        Path store = dir.resolve("store");
        Trees.unzip(Trees.resource("fixtures/" + fixture + "/store.zip"), store);
        Files.setPosixFilePermissions(store.resolve("worlds.credentials"), PosixFilePermissions.fromString("rw-------"));
        return store;
    }

    private static List<SearchHit> hits(WorldStore store, SearchQuery query) {
        return store.chats().search(query.limit(100)).hits();
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema-6", "schema-7", "schema-8", "schema-9"})
    void theUpgradeKeysEveryTableByTheWorldsKeyAndExportsAsTheOldReleaseDid(String fixture) throws Exception {
        Path expected = dir.resolve("expected");
        Trees.unzip(Trees.resource("fixtures/" + fixture + "/exports.zip"), expected);
        try (WorldStore store = WorldStore.configure().dataDir(oldStore(fixture)).serveInspection(false).open()) {
            assertThat(store.info().schemaVersion()).isEqualTo(TestStores.LATEST_SCHEMA);
            assertThat(store.backups().list()).extracting(BackupInfo::reason).containsExactly("pre-migration");
            assertThat(primaryKey(store, "CHAT_MESSAGE")).containsExactly("MESSAGE_KEY");
            assertThat(indexClasses(store, "CHAT_MESSAGE")).containsExactly("org.h2.mvstore.db.MVDelegateIndex");
            assertThat(primaryKey(store, "SEARCH_PROGRESS")).containsExactly("WORLD_KEY", "CHAT_KEY");
            assertThat(primaryKey(store, "LOCATION")).containsExactly("WORLD_KEY", "LOCATION_ID");
            assertThat(primaryKey(store, "CHAT")).containsExactly("WORLD_KEY", "CHAT_ID");
            assertThat(indexesThePrimaryKeyCovers(store)).as("schema 10: no index repeats the start of a primary key")
                    .isEmpty();
            // Each world has a key of its own, and each message carries its own chat's.
            assertThat(count(store, "SELECT COUNT(DISTINCT WORLD_KEY) FROM WORLD")).isEqualTo(4);
            assertThat(count(store, "SELECT COUNT(*) FROM CHAT_MESSAGE m JOIN CHAT c ON c.CHAT_KEY = m.CHAT_KEY"
                    + " WHERE m.WORLD_KEY = c.WORLD_KEY"))
                    .isEqualTo(count(store, "SELECT COUNT(*) FROM CHAT_MESSAGE")).isPositive();
            assertThat(count(store, "SELECT COUNT(*) FROM LOCATION l JOIN WORLD w ON w.WORLD_KEY = l.WORLD_KEY"
                    + " WHERE w.ID = 'Elara_slot_two'")).isPositive();
            store.folders().exportAll(dir.resolve("documented"), Layout.DOCUMENTED);
            store.folders().exportAll(dir.resolve("cardshark"), Layout.CARDSHARK);
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
        // Reopened, H2 keeps the messages' key as the rows' own (it decides when the table is loaded).
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).serveInspection(false).open()) {
            assertThat(indexClasses(store, "CHAT_MESSAGE")).containsExactly("org.h2.mvstore.db.MVDelegateIndex");
            assertThat(store.chats().pageBackward(ELARA, "schema-six-notes", Long.MAX_VALUE, 10).messages())
                    .extracting(ChatMessage::content).containsExactly("A note written at schema 6");
        }
        Trees.assertSameTree(expected.resolve("exp-documented"), dir.resolve("documented"));
        Trees.assertSameTree(expected.resolve("exp-cardshark"), dir.resolve("cardshark"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema-6", "schema-7", "schema-8", "schema-9"})
    void marksBranchesAndPendingMessagesSurviveAndTheStoreGoesOn(String fixture) throws Exception {
        try (WorldStore store = WorldStore.configure().dataDir(oldStore(fixture)).serveInspection(false).open()) {
            // Pending at the upgrade: appended after the last index step, in each of the two worlds.
            assertThat(hits(store, SearchQuery.of("source lantern brücke"))).hasSize(25)
                    .allMatch(h -> h.worldId().equals(ELARA));
            assertThat(hits(store, SearchQuery.of("branch lantern tor"))).hasSize(25)
                    .allMatch(h -> h.worldId().equals(SLOT_TWO));
            assertThat(hits(store, SearchQuery.of("note written schema"))).singleElement()
                    .satisfies(h -> assertThat(h.chatId()).isEqualTo("schema-six-notes"));
            // Indexed before the upgrade, so read through the marks V7 carried over.
            assertThat(hits(store, SearchQuery.of("wald 7"))).extracting(SearchHit::messageId).contains("fw7");
            assertThat(store.worlds().lineage(SLOT_TWO)).get().extracting(Lineage::parentId, Lineage::label)
                    .containsExactly(ELARA, "before the schema-7 upgrade");

            String chatId = hits(store, SearchQuery.of("branch lantern tor")).get(0).chatId();
            Chat chat = store.chats().list(SLOT_TWO).stream().filter(c -> c.chatId().equals(chatId)).findFirst()
                    .orElseThrow();
            List<NewMessage> more = new ArrayList<>();
            for (int i = 0; i < 1_100; i++) {
                more.add(NewMessage.of("user", "after the upgrade, bell " + i));
            }
            List<ChatMessage> written = store.chats().appendAll(SLOT_TWO, chat.chatId(), more);
            assertThat(written.get(0).seq()).isEqualTo(chat.messageCount());
            store.updateSearchIndex();
            assertThat(hits(store, SearchQuery.of("bell 1099 upgrade"))).singleElement()
                    .satisfies(h -> assertThat(h.worldId()).isEqualTo(SLOT_TWO));
            store.chats().delete(ELARA, hits(store, SearchQuery.of("source lantern brücke")).get(0).chatId());
            assertThat(hits(store, SearchQuery.of("source lantern brücke"))).isEmpty();
            assertThat(hits(store, SearchQuery.of("branch lantern tor"))).hasSize(25);
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
    }

    private static long count(WorldStore store, String sql) throws Exception {
        try (Connection c = store.sqlConnection(false); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The classes of H2's indexes of a table: {@code MVDelegateIndex} for a primary key that is the rows' own key
     * (one map), {@code MVSecondaryIndex} for a key kept as a second map beside the rows.
     */
    private static List<String> indexClasses(WorldStore store, String table) throws Exception {
        List<String> classes = new ArrayList<>();
        try (Connection c = store.sqlConnection(false); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT INDEX_CLASS FROM INFORMATION_SCHEMA.INDEXES"
                     + " WHERE TABLE_NAME = '" + table + "'")) {
            while (rs.next()) {
                classes.add(rs.getString(1));
            }
        }
        return classes;
    }

    /**
     * The indexes, by table, whose columns are the first columns of their table's primary key: those H2 made for a
     * foreign key (it uses an index only when the key's columns are exactly the index's).
     */
    private static List<String> indexesThePrimaryKeyCovers(WorldStore store) throws Exception {
        java.util.Map<String, List<String>> columns = new java.util.TreeMap<>();
        java.util.Map<String, String> primary = new java.util.HashMap<>();
        try (Connection c = store.sqlConnection(false); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME"
                     + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c"
                     + " ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME"
                     + " WHERE i.TABLE_SCHEMA = 'PUBLIC' ORDER BY i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION")) {
            while (rs.next()) {
                String index = rs.getString(1) + "." + rs.getString(2);
                columns.computeIfAbsent(index, k -> new ArrayList<>()).add(rs.getString(4));
                if (rs.getString(3).equals("PRIMARY KEY")) {
                    primary.put(rs.getString(1), index);
                }
            }
        }
        List<String> covered = new ArrayList<>();
        columns.forEach((index, cols) -> {
            String table = index.substring(0, index.indexOf('.'));
            List<String> key = columns.get(primary.get(table));
            if (!index.equals(primary.get(table)) && key != null && key.size() >= cols.size()
                    && key.subList(0, cols.size()).equals(cols)) {
                covered.add(index + " " + cols);
            }
        });
        return covered;
    }

    private static List<String> primaryKey(WorldStore store, String table) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection c = store.sqlConnection(false); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE"
                     + " WHERE TABLE_NAME = '" + table + "' AND CONSTRAINT_NAME = 'PK_" + table + "'"
                     + " ORDER BY ORDINAL_POSITION")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }
}
