package io.cardshark.worlds.folder;

import io.cardshark.worlds.Chat;
import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.TestStores;
import io.cardshark.worlds.testing.Trees;
import io.cardshark.worlds.testing.WorldFolder;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The folder format bounds no name, title, version, position or id inside a world; schema V1 did (1000, 100,
 * 200 characters) and the importer cut chat titles to 200. V2 widens those columns: a world full of long
 * values imports, reads back through the API and round-trips byte for byte.
 */
class LongTextImportTest {

    static final String WORLD = "Long_World";
    /** 5,000 characters, none of them ASCII-only: lengths are counted in chars, not bytes. */
    static final String DISPLAY = "Länd".repeat(1250);
    static final String VERSION = "1." + "0".repeat(298);
    static final String LOCATION_ID = "loc_" + "x".repeat(1496);
    static final String LOCATION_NAME = "Halle ".repeat(2000);
    static final String LORE_KEY = "lore_" + "k".repeat(1195);
    static final String LORE_ID = "lore_" + "i".repeat(1195);
    static final String DIRECTION = "north_" + "n".repeat(1194);
    static final String POSITION = "0,0,0" + " ".repeat(1195);
    static final String TITLE = "Am Tor ".repeat(100);
    static final String LONG_CHAT_ID = "chat_" + "c".repeat(1495);

    @TempDir
    Path dir;

    static String q(String s) {
        return "\"" + s + "\"";
    }

    static String longState() {
        return "{\n"
                + "  \"name\": \"Long_World\",\n"
                + "  \"version\": " + q(VERSION) + ",\n"
                + "  \"current_position\": " + q(POSITION) + ",\n"
                + "  \"visited_positions\": [\n    " + q(POSITION) + "\n  ],\n"
                + "  \"locations\": {\n"
                + "    \"0,0,0\": {\n"
                + "      \"name\": " + q(LOCATION_NAME) + ",\n"
                + "      \"coordinates\": [\n        0,\n        0,\n        0\n      ],\n"
                + "      \"location_id\": " + q(LOCATION_ID) + ",\n"
                + "      \"description\": \"A hall.\",\n"
                + "      \"zone_id\": " + q("z".repeat(1200)) + ",\n"
                + "      \"room_type\": " + q("r".repeat(1200)) + ",\n"
                + "      \"events\": [\n        {\n"
                + "          \"id\": " + q("ev_" + "e".repeat(1200)) + ",\n"
                + "          \"trigger\": " + q("t".repeat(1200)) + ",\n"
                + "          \"description\": \"Something.\"\n        }\n      ],\n"
                + "      \"npcs\": [\n        " + q("characters/" + "Elara ".repeat(900) + ".png") + "\n      ],\n"
                + "      \"explicit_exits\": {\n"
                + "        " + q(DIRECTION) + ": {\n"
                + "          \"target_coordinates\": " + q("0,1,0" + "9".repeat(1200)) + ",\n"
                + "          \"target_location_id\": " + q(LORE_ID) + ",\n"
                + "          \"name\": " + q("Tür ".repeat(3000)) + ",\n"
                + "          \"key_item_id\": " + q("key_" + "y".repeat(1200)) + "\n"
                + "        }\n      }\n"
                + "    }\n"
                + "  },\n"
                + "  \"unconnected_locations\": {\n"
                + "    " + q(LORE_KEY) + ": {\n"
                + "      \"location_id\": " + q(LORE_ID) + ",\n"
                + "      \"name\": " + q("Sage ".repeat(2500)) + ",\n"
                + "      \"description\": \"Old tales.\",\n"
                + "      \"lore_source\": \"book\"\n"
                + "    }\n"
                + "  },\n"
                + "  \"base_character_id\": " + q("characters/" + "b".repeat(5000) + ".png") + ",\n"
                + "  \"metadata\": {\n"
                + "    \"name\": " + q(DISPLAY) + ",\n"
                + "    \"version\": " + q(VERSION) + "\n"
                + "  }\n"
                + "}";
    }

    static Path longWorld(Path base) throws IOException {
        return WorldFolder.at(base, WORLD)
                .file("world_state.json", longState())
                .file("metadata.json", "{\n  \"name\": " + q(DISPLAY) + ",\n  \"version\": " + q(VERSION) + "\n}")
                .file("chats/hall.jsonl", "{\"chat_id\": \"hall\", \"title\": " + q(TITLE) + ", \"location_id\": "
                        + q(LOCATION_ID) + ", \"created\": " + q("2025-05-22T10:00:00" + "0".repeat(300)) + "}\n"
                        + "{\"id\": " + q("msg_" + "m".repeat(1200)) + ", \"role\": " + q("narrator" + "r".repeat(300))
                        + ", \"content\": \"Welcome.\"}\n")
                .file("chats/other.jsonl", "{\"chat_id\": " + q(LONG_CHAT_ID) + ", \"title\": \"Short\"}\n")
                .file("events/e1.json", "{\n  \"id\": \"e1\",\n  \"definition_id\": " + q("d".repeat(1200))
                        + ",\n  \"location_id\": " + q(LOCATION_ID) + ",\n  \"trigger\": " + q("t".repeat(1200))
                        + ",\n  \"timestamp\": 1795715060000\n}")
                .path();
    }

    @Test
    void aWorldOfLongValuesImportsReadsBackAndRoundTripsExactly() throws IOException {
        Path src = longWorld(dir.resolve("src"));
        Path out1 = dir.resolve("out1");
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            ImportResult r = store.folders().importFolders(List.of(src), false).get(0);
            assertThat(r.error()).isNull();
            assertThat(r.outcome()).isEqualTo(ImportOutcome.IMPORTED);

            World w = store.worlds().get(WORLD);
            assertThat(w.displayName()).hasSize(5000).isEqualTo(DISPLAY);
            assertThat(w.formatVersion()).hasSize(300).isEqualTo(VERSION);
            assertThat(w.positionKey()).isEqualTo(POSITION);
            Location hall = store.locations().at(WORLD, Coordinates.of(0, 0, 0)).orElseThrow();
            assertThat(hall.locationId()).isEqualTo(LOCATION_ID);
            assertThat(hall.name()).hasSize(12000).isEqualTo(LOCATION_NAME);
            assertThat(hall.exits()).singleElement().satisfies(x -> assertThat(x.direction()).isEqualTo(DIRECTION));
            Chat chat = store.chats().get(WORLD, "hall");
            assertThat(chat.title()).hasSize(700).isEqualTo(TITLE);
            assertThat(chat.locationId()).isEqualTo(LOCATION_ID);
            assertThat(chat.createdToken()).hasSize(2 + 19 + 300);
            assertThat(store.chats().get(WORLD, LONG_CHAT_ID).title()).isEqualTo("Short");

            store.folders().export(List.of(WORLD), out1, Layout.DOCUMENTED);
            Path cardshark = dir.resolve("cardshark");
            store.folders().export(List.of(WORLD), cardshark, Layout.CARDSHARK);
            for (String file : List.of("world_state.json", "metadata.json", "events/e1.json")) {
                assertThat(cardshark.resolve(WORLD).resolve(file)).as(file).hasSameBinaryContentAs(src.resolve(file));
            }
        }
        Path out2 = dir.resolve("out2");
        try (WorldStore again = WorldStore.configure().dataDir(dir.resolve("again")).open()) {
            ImportResult r = again.folders().importFolders(List.of(out1.resolve(WORLD)), false).get(0);
            assertThat(r.error()).isNull();
            assertThat(again.worlds().get(WORLD).displayName()).isEqualTo(DISPLAY);
            again.folders().export(List.of(WORLD), out2, Layout.DOCUMENTED);
        }
        Map<String, byte[]> first = Trees.files(out1.resolve(WORLD));
        Map<String, byte[]> second = Trees.files(out2.resolve(WORLD));
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((path, bytes) -> assertThat(second.get(path)).as(path).isEqualTo(bytes));
    }

    /** A store written by schema V1 is migrated on open; its rows survive and long values then import. */
    @Test
    void aVersionOneStoreIsMigratedAndThenTakesLongValues() throws IOException, SQLException {
        Path data = Files.createDirectories(dir.resolve("old-store"));
        String url = "jdbc:h2:file:" + data.resolve("worlds").toString().replace('\\', '/');
        Flyway.configure().dataSource(url, "SA", "").locations("classpath:io/cardshark/worlds/db/migration/common", "classpath:io/cardshark/worlds/db/migration/h2").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "SA", "");
             Statement st = c.createStatement();
             PreparedStatement insert = c.prepareStatement("INSERT INTO world (id, id_fold, display_name, state_shape, "
                     + "created_at, modified_at, created_by_store, key_order) VALUES ('Old', 'old', ?, 'F', "
                     + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, FALSE, '[\"name\"]')")) {
            insert.setString(1, "Ö".repeat(1000));
            insert.executeUpdate();
            st.execute("INSERT INTO player_state (world_id, key_order) VALUES ('Old', '[]')");
        }
        try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
            assertThat(store.info().schemaVersion()).isEqualTo(TestStores.LATEST_SCHEMA);
            assertThat(store.worlds().get("Old").displayName()).isEqualTo("Ö".repeat(1000));
            ImportResult r = store.folders().importFolders(List.of(longWorld(dir.resolve("src"))), false).get(0);
            assertThat(r.error()).isNull();
            assertThat(store.worlds().get(WORLD).displayName()).isEqualTo(DISPLAY);
            try (Connection c = store.sqlConnection(false); Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT TITLE FROM CHAT_SUMMARY WHERE CHAT_ID = 'hall'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(TITLE);
            }
        }
    }
}
