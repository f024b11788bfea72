package io.cardshark.worlds.backup;

import io.cardshark.worlds.PostgresDatabase;
import io.cardshark.worlds.testing.TestPostgres;
import io.cardshark.worlds.testing.TestStores;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema V8's script on the engine this JVM runs on (H2, or PostgreSQL in the pom's second run): a database taken
 * to schema 7 by the store's own migrations, two worlds written into every table of a world's rows with plain SQL,
 * then V8. Every row is still there, under the key its world had at schema 7. {@link WorldKeyUpgradeTest} upgrades
 * stores that older releases wrote (H2 files); this covers the PostgreSQL form of the script on rows as well.
 */
class SchemaEightMigrationTest {

    private static final List<String> WORLD_TABLES = List.of("WORLD_METADATA", "LOCATION", "LOCATION_EXIT",
            "LOCATION_NPC", "LOCATION_EVENT", "VISIT", "PLAYER_STATE", "CHAT", "CHAT_MESSAGE", "SEARCH_PROGRESS",
            "WORLD_EVENT", "WORLD_FILE", "WORLD_DIRECTORY", "WORLD_BACKUP", "WORLD_ORIGINAL", "WORLD_BRANCH");

    @TempDir
    Path dir;

    @Test
    void everyRowOfEveryWorldMovesToItsIdsKey() throws Exception {
        String[] db = database();
        flyway(db, "7").migrate();
        try (Connection c = DriverManager.getConnection(db[0], db[1], db[2]); Statement st = c.createStatement()) {
            Map<String, Long> keys = new TreeMap<>();
            for (String world : List.of("Alpha", "Beta ü 🐉")) {
                writeWorld(st, world);
                keys.put(world, count(st, "SELECT WORLD_KEY FROM WORLD WHERE ID = '" + world + "'"));
            }
            assertThat(Set.copyOf(keys.values())).hasSize(2);
            flyway(db, null).migrate();

            assertThat(flyway(db, null).info().current().getVersion().getVersion()).isEqualTo(TestStores.LATEST_SCHEMA);
            for (String world : List.of("Alpha", "Beta ü 🐉")) {
                long key = keys.get(world);
                assertThat(count(st, "SELECT COUNT(*) FROM WORLD WHERE ID = '" + world + "' AND WORLD_KEY = " + key))
                        .as(world).isEqualTo(1);
                Map<String, Long> rows = new TreeMap<>();
                for (String table : WORLD_TABLES) {
                    rows.put(table, count(st, "SELECT COUNT(*) FROM " + table + " WHERE WORLD_KEY = " + key));
                }
                assertThat(rows).as(world).containsOnly(Map.entry("WORLD_METADATA", 1L), Map.entry("LOCATION", 2L),
                        Map.entry("LOCATION_EXIT", 1L), Map.entry("LOCATION_NPC", 1L), Map.entry("LOCATION_EVENT", 1L),
                        Map.entry("VISIT", 2L), Map.entry("PLAYER_STATE", 1L), Map.entry("CHAT", 1L),
                        Map.entry("CHAT_MESSAGE", 3L), Map.entry("SEARCH_PROGRESS", 1L), Map.entry("WORLD_EVENT", 1L),
                        Map.entry("WORLD_FILE", 1L), Map.entry("WORLD_DIRECTORY", 1L), Map.entry("WORLD_BACKUP", 1L),
                        Map.entry("WORLD_ORIGINAL", 1L), Map.entry("WORLD_BRANCH", 1L));
                // Schema 9: the chat's messages are the documented range of the key that V9 computes for them.
                long chat = count(st, "SELECT CHAT_KEY FROM CHAT WHERE WORLD_KEY = " + key);
                assertThat(count(st, "SELECT COUNT(*) FROM CHAT_MESSAGE WHERE WORLD_KEY = " + key
                        + " AND MESSAGE_KEY BETWEEN " + chat * 4_294_967_296L + " AND " + (chat * 4_294_967_296L + 2)))
                        .as(world).isEqualTo(3);
            }
            if (TestPostgres.selected()) {
                // The keys hold as keys: a location's exits still follow it (the foreign key was rebuilt over the
                // key). On H2 schema 10 dropped these foreign keys, and the store's writers delete the rows
                // (VerifyTest.deletesLeaveNoRowOfWhatTheyDeleted).
                st.execute("DELETE FROM LOCATION WHERE LOCATION_ID = 'hall'");
                assertThat(count(st, "SELECT COUNT(*) FROM LOCATION_EXIT")).isZero();
                assertThat(count(st, "SELECT COUNT(*) FROM LOCATION_NPC")).isZero();
                st.execute("DELETE FROM WORLD WHERE ID = 'Alpha'");
                assertThat(count(st, "SELECT COUNT(*) FROM LOCATION")).as("the yard of the world left").isEqualTo(1);
                assertThat(count(st, "SELECT COUNT(*) FROM CHAT")).isEqualTo(1);
            }
        }
    }

    /** Rows of every table of a world at schema 7, where each but the three keyed ones names its world by id. */
    private static void writeWorld(Statement st, String world) throws Exception {
        String w = "'" + world + "'";
        String blob = TestStores.binaryLiteral("00ff");
        String sha = "'" + "0".repeat(64) + "'";
        st.execute("INSERT INTO world (id, id_fold, display_name, state_shape, created_at, modified_at,"
                + " created_by_store, key_order) VALUES (" + w + ", " + w + ", " + w + ", 'F', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP, TRUE, '[]')");
        st.execute("INSERT INTO world_metadata (world_id, source, document) VALUES (" + w + ", 'FILE', '{}')");
        for (String[] l : new String[][] {{"hall", "0"}, {"yard", "1"}}) {
            st.execute("INSERT INTO location (world_id, location_id, placement, entry_key, ordinal, x, y, z, key_order)"
                    + " VALUES (" + w + ", '" + l[0] + "', 'GRID', '" + l[1] + ",0,0', " + l[1] + ", " + l[1]
                    + ", 0, 0, '[]')");
        }
        st.execute("INSERT INTO location_exit (world_id, location_id, direction, ordinal, key_order) VALUES (" + w
                + ", 'hall', 'north', 0, '[]')");
        st.execute("INSERT INTO location_npc (world_id, location_id, ordinal, npc_ref) VALUES (" + w
                + ", 'hall', 0, 'cards/elara.png')");
        st.execute("INSERT INTO location_event (world_id, location_id, ordinal, key_order) VALUES (" + w
                + ", 'yard', 0, '[]')");
        st.execute("INSERT INTO visit (world_id, seq, position) VALUES (" + w + ", 0, '0,0,0'), (" + w
                + ", 1, '1,0,0')");
        st.execute("INSERT INTO player_state (world_id, key_order) VALUES (" + w + ", '[]')");
        st.execute("INSERT INTO chat (world_id, world_key, chat_id, header, origin, created_at) VALUES (" + w
                + ", (SELECT world_key FROM world WHERE id = " + w + "), 'tavern', '{}', 'STORE', CURRENT_TIMESTAMP)");
        String chat = "(SELECT chat_key FROM chat WHERE world_id = " + w + ")";
        String key = "(SELECT world_key FROM world WHERE id = " + w + ")";
        for (int seq = 0; seq < 3; seq++) {
            st.execute("INSERT INTO chat_message (world_key, chat_key, seq, document) VALUES (" + key + ", " + chat
                    + ", " + seq + ", '{\"content\": \"line " + seq + "\"}')");
        }
        st.execute("INSERT INTO search_progress (world_key, chat_key, indexed) VALUES (" + key + ", " + chat + ", 2)");
        st.execute("INSERT INTO world_event (world_id, event_id, document) VALUES (" + w + ", 'storm', '{}')");
        st.execute("INSERT INTO world_file (world_id, path, size_bytes, sha256, content) VALUES (" + w
                + ", 'images/hall.png', 2, " + sha + ", " + blob + ")");
        st.execute("INSERT INTO world_directory (world_id, path) VALUES (" + w + ", 'images/empty')");
        st.execute("INSERT INTO world_backup (world_id, path, size_bytes, sha256, content) VALUES (" + w
                + ", 'world_state.backup.1.json', 2, " + sha + ", " + blob + ")");
        st.execute("INSERT INTO world_original (world_id, path, content) VALUES (" + w + ", 'world_state.json', "
                + blob + ")");
        st.execute("INSERT INTO world_branch (world_id, parent_id, parent_name, branched_at) VALUES (" + w
                + ", 'Parent', 'Parent', CURRENT_TIMESTAMP)");
    }

    /** URL, user and password of a new database on this JVM's engine. */
    private String[] database() throws Exception {
        if (!TestPostgres.selected()) {
            return new String[] {"jdbc:h2:file:" + dir.resolve("schema8"), "SA", ""};
        }
        PostgresDatabase db = TestPostgres.storeFor(dir);
        String password = db.passwordFile() == null ? System.getenv("PGPASSWORD")
                : Files.readAllLines(db.passwordFile(), StandardCharsets.UTF_8).get(0);
        return new String[] {db.jdbcUrl(), db.user(), password};
    }

    /** The store's own migrations, as it runs them (its locations and history table). */
    private static Flyway flyway(String[] db, String target) {
        String engine = TestPostgres.selected() ? "postgresql" : "h2";
        var configuration = Flyway.configure()
                .dataSource(db[0], db[1], db[2])
                .locations("classpath:io/cardshark/worlds/db/migration/common",
                        "classpath:io/cardshark/worlds/db/migration/" + engine)
                .table("cardshark_worlds_schema_history");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
