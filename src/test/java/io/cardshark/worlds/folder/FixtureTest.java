package io.cardshark.worlds.folder;

import io.cardshark.worlds.testing.TestStores;

import io.cardshark.worlds.Chat;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldShape;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The five folders CardShark itself wrote (shared/fixtures/cardshark, copied into the test resources). */
class FixtureTest {

    static final List<String> CASES = List.of("a-tiny", "b-unicode-rich", "c-chats", "d-corrupt-with-backup", "e-missing-metadata");

    @TempDir
    Path dir;

    WorldStore store(String name) {
        return TestStores.configure(dir.resolve(name)).open();
    }

    ImportResult importCase(WorldStore store, String caseName) throws IOException {
        Path worlds = Trees.fixtureWorlds(caseName, dir.resolve("src"));
        List<ImportResult> results = store.folders().importFolders(List.of(worlds), false);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).error()).isNull();
        return results.get(0);
    }

    @Test
    void aTinyImportsAsFlatKeepingNullsAndInventingNothing() throws IOException {
        try (WorldStore store = store("s")) {
            ImportResult r = importCase(store, "a-tiny");
            assertThat(r.outcome()).isEqualTo(ImportOutcome.IMPORTED);
            assertThat(r.shape()).isEqualTo(WorldShape.F);
            assertThat(r.stateFile()).isEqualTo("world_state.json");
            assertThat(r.counts().locations()).isEqualTo(1);
            World w = store.worlds().get("Tiny_World");
            assertThat(w.displayName()).isEqualTo("Tiny_World");
            assertThat(store.worlds().metadataDocument("Tiny_World")).isEmpty();
            Location origin = store.locations().get("Tiny_World", "origin_0_0_0");
            assertThat(origin.zoneId()).isNull();
            assertThat(origin.connected()).isTrue();
        }
    }

    @Test
    void bUnicodeRichKeepsEveryCodePointBackupsAndImages() throws IOException {
        try (WorldStore store = store("s")) {
            ImportResult r = importCase(store, "b-unicode-rich");
            assertThat(r.shape()).isEqualTo(WorldShape.H);
            assertThat(r.stateFile()).isEqualTo("world_state.json");
            assertThat(r.counts().locations()).isEqualTo(4);
            assertThat(r.counts().unconnectedLocations()).isEqualTo(2);
            assertThat(r.counts().backups()).isEqualTo(3);
            assertThat(r.counts().files()).isEqualTo(3);
            String id = "Drachen-Höhle_Ünïcødé_Test_Wörld_";
            assertThat(store.worlds().get(id).displayName()).isEqualTo("Drachen-Höhle 🐉: Ünïcødé / ../Test <Wörld>?");
            assertThat(store.files().describe(id, "images/objects/fackel 🔥.png")).isPresent();
            Location entrance = store.locations().get(id, "origin_0_0_0");
            assertThat(entrance.introduction()).contains("Cafe\u0301").contains("\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67");
            assertThat(entrance.npcs()).containsExactly("characters/Zoë 🦊 (Fuchs).png", "7f3c2a9e-1d2b-4c5d-9e8f-0a1b2c3d4e5f");
            assertThat(store.locations().whereNpcAppears("characters/Zoë 🦊 (Fuchs).png")).hasSize(1);
        }
    }

    @Test
    void cChatsImportsSixChatsAndFourHundredMessages() throws IOException {
        try (WorldStore store = store("s")) {
            ImportResult r = importCase(store, "c-chats");
            assertThat(r.counts().chats()).isEqualTo(6);
            assertThat(r.counts().messages()).isEqualTo(400);
            String id = "Elara_s_Chat_World";
            assertThat(store.worlds().get(id).displayName()).isEqualTo("Elara_s_Chat_World");
            List<Chat> chats = store.chats().list(id);
            assertThat(chats).hasSize(6);
            assertThat(chats).extracting(Chat::messageCount).contains(0L);
            assertThat(store.chats().ofLocation(id, "lore_1")).hasSize(2);
            assertThat(store.chats().ofLocation(id, "lore_2")).hasSize(2);
            assertThat(chats.stream().mapToLong(Chat::messageCount).sum()).isEqualTo(400);
        }
    }

    @Test
    void dCorruptRecoversFromTheNewestValidBackupAndReportsWhy() throws IOException {
        try (WorldStore store = store("s")) {
            Path worlds = Trees.fixtureWorlds("d-corrupt-with-backup", dir.resolve("src"));
            Map<String, byte[]> before = Trees.files(worlds);
            ImportResult r = store.folders().importFolders(List.of(worlds), false).get(0);
            assertThat(r.outcome()).isEqualTo(ImportOutcome.RECOVERED);
            assertThat(r.stateFile()).isEqualTo("world_state.backup.94c69eac-0eff-41d4-b970-00c80da9dbaa.json");
            assertThat(r.recovery()).first().asString().startsWith("world_state.json line").contains("expected valid JSON");
            assertThat(String.join("\n", r.recovery())).contains("55c4e75b").contains("94c69eac");
            assertThat(r.counts().locations()).isEqualTo(2);
            assertThat(store.worlds().get("Backup_Test").displayName()).isEqualTo("Backup Test");
            // The source is opened read-only and never changed.
            Map<String, byte[]> after = Trees.files(worlds);
            assertThat(after).containsOnlyKeys(before.keySet());
            before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
        }
    }

    @Test
    void eMissingMetadataImportsAsSeedWithTheNameFromMetadata() throws IOException {
        try (WorldStore store = store("s")) {
            ImportResult r = importCase(store, "e-missing-metadata");
            assertThat(r.shape()).isEqualTo(WorldShape.M);
            assertThat(store.worlds().get("Fantasy_World").displayName()).isEqualTo("Fantasy World");
            assertThat(store.locations().unconnected("Fantasy_World")).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-tiny", "b-unicode-rich", "c-chats", "d-corrupt-with-backup", "e-missing-metadata"})
    void aCardsharkExportReproducesEveryImportedFileByteForByte(String caseName) throws IOException {
        try (WorldStore store = store("s")) {
            ImportResult r = importCase(store, caseName);
            Path source = dir.resolve("src").resolve(caseName).resolve(r.worldId());
            Path out = dir.resolve("out");
            store.folders().export(List.of(r.worldId()), out, Layout.CARDSHARK);
            Map<String, byte[]> exported = Trees.files(out.resolve(r.worldId()));
            Map<String, byte[]> imported = Trees.files(source);
            if (r.outcome() == ImportOutcome.RECOVERED) {
                // The broken state is not stored; the export's state is the chosen backup's bytes.
                assertThat(exported.get("world_state.json")).isEqualTo(imported.get(r.stateFile()));
                imported.remove("world_state.json");
                exported.remove("world_state.json");
            }
            assertThat(exported.keySet()).isEqualTo(imported.keySet());
            imported.forEach((path, bytes) -> assertThat(exported.get(path)).as(path).isEqualTo(bytes));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-tiny", "b-unicode-rich", "c-chats", "d-corrupt-with-backup", "e-missing-metadata"})
    void documentedExportImportExportIsByteIdentical(String caseName) throws IOException {
        String id;
        try (WorldStore first = store("first")) {
            id = importCase(first, caseName).worldId();
            first.folders().export(List.of(id), dir.resolve("one"), Layout.DOCUMENTED);
        }
        try (WorldStore second = store("second")) {
            ImportResult again = second.folders().importFolders(List.of(dir.resolve("one").resolve(id)), false).get(0);
            assertThat(again.error()).isNull();
            second.folders().export(List.of(id), dir.resolve("two"), Layout.DOCUMENTED);
        }
        Map<String, byte[]> one = Trees.files(dir.resolve("one").resolve(id));
        Map<String, byte[]> two = Trees.files(dir.resolve("two").resolve(id));
        assertThat(two.keySet()).isEqualTo(one.keySet());
        one.forEach((path, bytes) -> assertThat(two.get(path)).as(path).isEqualTo(bytes));
        assertThat(Trees.directories(dir.resolve("two").resolve(id)))
                .contains("chats", "events", "images", "images/backgrounds", "images/objects");
        assertThat(Files.exists(dir.resolve("one").resolve(id).resolve("metadata.json")))
                .isEqualTo(caseName.equals("b-unicode-rich") || caseName.equals("d-corrupt-with-backup"));
    }

    @Test
    void aChangedWorldExportsAFreshLastModifiedAndAnUnchangedOneKeepsItsOwn() throws IOException {
        try (WorldStore store = store("s")) {
            String id = importCase(store, "b-unicode-rich").worldId();
            store.folders().export(List.of(id), dir.resolve("before"), Layout.DOCUMENTED);
            String before = Files.readString(dir.resolve("before").resolve(id).resolve("world_state.json"));
            assertThat(before).contains("\"last_modified\": 1795715058");
            store.players().move(id, io.cardshark.worlds.Coordinates.of(0, 1, 0));
            long modified = store.worlds().get(id).modifiedAt().getEpochSecond();
            store.folders().export(List.of(id), dir.resolve("after"), Layout.DOCUMENTED);
            String after = Files.readString(dir.resolve("after").resolve(id).resolve("world_state.json"));
            assertThat(after).contains("\"last_modified\": " + modified).contains("\"current_position\": \"0,1,0\"");
        }
    }

    @Test
    void documentedNamesALocationsOnlyChatAfterTheLocation() throws IOException {
        try (WorldStore store = store("s")) {
            String id = importCase(store, "c-chats").worldId();
            store.folders().export(List.of(id), dir.resolve("out"), Layout.DOCUMENTED);
            assertThat(Trees.files(dir.resolve("out").resolve(id)).keySet())
                    .contains("chats/origin_char_0_0_0_chat.jsonl")
                    .filteredOn(p -> p.startsWith("chats/")).hasSize(6)
                    .allSatisfy(p -> assertThat(p).endsWith(".jsonl"));
        }
    }
}
