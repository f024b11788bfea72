package io.cardshark.worlds.folder;

import io.cardshark.worlds.Chat;
import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.NewEvent;
import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldShape;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One test per item of the format spec's §11 checklist ({@code docs/world-folder-format.md}) not covered by
 * {@link FixtureTest}, {@code WorldIdsTest}, {@code WorldsApiTest} or {@code BadInputTest}. Each builds small
 * world folders on disk, imports them into a real store and compares the exported bytes.
 *
 * <p>Input JSON is written with {@link #py(String)}, a token-level re-indenter producing Python's
 * {@code json.dump(obj, f, indent=2)} layout (§9.4) from compact text while keeping every token (numbers,
 * escapes) verbatim; with non-ASCII characters raw, that is the {@code documented} style, so both layouts must
 * give the input's bytes back.
 */
class ChecklistTest {

    @TempDir
    Path dir;

    private int exports;

    // ---------------------------------------------------------------------------------------------------------
    // World ids
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void item03_importedFolderNamesKeepTheirCodePoints() throws IOException {
        Path base = Trees.fixtureWorlds("b-unicode-rich", dir.resolve("src"));
        String onDisk;
        try (Stream<Path> s = Files.list(base)) {
            onDisk = s.findFirst().orElseThrow().getFileName().toString();
        }
        // A name in NFD, never normalised on the way in or out.
        String nfd = "Cafe\u0301_Wo\u0308rld";
        Path nfdFolder = dir.resolve("nfd").resolve(nfd);
        write(nfdFolder, "world_state.json", py("{\"name\": \"x\", \"locations\": {}}"));
        // Names that are rejected: "..", a backslash, a control character.
        Path bad = dir.resolve("bad");
        write(bad.resolve("a\\b"), "world_state.json", py("{\"name\": \"a\"}"));
        write(bad.resolve("a\u0007b"), "world_state.json", py("{\"name\": \"a\"}"));
        write(dir.resolve("dots"), "world_state.json", py("{\"name\": \"dots\"}"));
        Files.createDirectories(dir.resolve("dots").resolve("inner"));
        try (WorldStore store = open("s")) {
            ImportResult r = store.folders().importFolders(List.of(base), false).get(0);
            assertThat(r.error()).isNull();
            assertThat(r.worldId().codePoints().toArray()).containsExactly(onDisk.codePoints().toArray());
            assertThat(r.worldId()).isEqualTo("Drachen-Höhle_Ünïcødé_Test_Wörld_");
            assertThat(store.worlds().get(onDisk).id()).isEqualTo(onDisk);

            ImportResult n = importOk(store, nfdFolder);
            assertThat(n.worldId().codePoints().toArray()).containsExactly(nfd.codePoints().toArray());
            assertThat(store.worlds().exists(nfd)).isTrue();
            assertThat(store.worlds().exists("Café_Wörld")).isFalse();
            Path out = dir.resolve("out-nfd");
            store.folders().export(List.of(nfd), out, Layout.DOCUMENTED);
            try (Stream<Path> s = Files.list(out)) {
                assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly(nfd);
            }

            List<ImportResult> rejected = store.folders().importFolders(List.of(bad), false);
            assertThat(rejected).hasSize(2).allSatisfy(x -> assertThat(x.outcome()).isEqualTo(ImportOutcome.REJECTED));
            // "inner/.." names the folder it leads to, as "." names the folder one stands in: its name is the id.
            ImportResult dots = store.folders().importFolders(List.of(dir.resolve("dots").resolve("inner").resolve("..")), false).get(0);
            assertThat(dots.outcome()).isEqualTo(ImportOutcome.IMPORTED);
            assertThat(dots.worldId()).isEqualTo("dots");
            assertThat(store.worlds().list()).hasSize(3);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // world_state.json
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void item07_nullsEmptyContainersAndAbsentKeysSurviveBothExports() throws IOException {
        Path world = dir.resolve("src").resolve("Nulls_World");
        write(world, "world_state.json", py("""
                {"name": "Nulls_World", "version": "1.0", "current_position": "0,0,0", "visited_positions": [],
                 "locations": {
                   "0,0,0": {"name": "Void", "coordinates": null, "location_id": "void", "description": "",
                             "introduction": null, "zone_id": null, "room_type": null, "notes": null, "background": null,
                             "events": [], "npcs": [], "explicit_exits": null, "lore_source": null, "connected": null,
                             "x_empty_object": {}, "x_empty_array": [], "x_null": null, "x_nested": {"a": [{}, [], null, ""]}},
                   "1,0,0": {"name": "Bare", "location_id": "bare", "description": "Only the required keys."},
                   "2,0,0": {"name": "Exits", "location_id": "exits", "description": "d",
                             "explicit_exits": {"north": {"target_coordinates": null, "target_location_id": null, "name": "Door",
                                                          "description": null, "locked": false, "key_item_id": null},
                                                "south": {"name": "Bare exit"}},
                             "events": [{"id": "e", "trigger": "look", "description": "d", "conditions": null, "cooldown": null},
                                        {"id": "f", "trigger": "enter", "description": "d2", "conditions": []}]}},
                 "unconnected_locations": {},
                 "player": {},
                 "base_character_id": null,
                 "x_top_null": null}
                """));
        Path tiny = Trees.fixtureWorlds("a-tiny", dir.resolve("fix")).resolve("Tiny_World");
        Path seed = Trees.fixtureWorlds("e-missing-metadata", dir.resolve("fix")).resolve("Fantasy_World");
        try (WorldStore store = open("s")) {
            for (Path source : List.of(world, tiny, seed)) {
                String id = importOk(store, source).worldId();
                assertSameTree(source, export(store, id, Layout.DOCUMENTED));
                assertSameTree(source, export(store, id, Layout.CARDSHARK));
            }
            Location bare = store.locations().get("Nulls_World", "bare");
            assertThat(bare.introduction()).isNull();
            assertThat(bare.exits()).isEmpty();
            assertThat(store.players().state("Nulls_World")).isEqualTo(io.cardshark.worlds.PlayerState.DEFAULT);
            // An explicit null reads as null through the API; [] stays an empty list.
            Location exits = store.locations().get("Nulls_World", "exits");
            assertThat(exits.events().get(0).conditions()).isNull();
            assertThat(exits.events().get(0).cooldown()).isNull();
            assertThat(exits.events().get(1).conditions()).isEmpty();
            assertThat(exits.exits()).extracting(io.cardshark.worlds.Exit::direction).containsExactly("north", "south");
        }
    }

    @Test
    void item08_keyOrderSurvivesEverywhereIncludingLocationsInsertedOutOfTextOrder() throws IOException {
        Path world = dir.resolve("src").resolve("Order_World");
        write(world, "world_state.json", py("""
                {"metadata": {"name": "Order World", "zeta": 1, "last_modified": 1795715062, "alpha": {"z": 1, "a": 2}, "version": "1.0"},
                 "version": "1.0",
                 "unconnected_locations": {
                   "lore_9": {"lore_source": "entry 9", "description": "Nine", "name": "Lore 9", "location_id": "lore_9"},
                   "lore_10": {"location_id": "lore_10", "name": "Lore 10", "description": "Ten", "lore_source": "entry 10"},
                   "lore_2": {"name": "Lore 2", "location_id": "lore_2", "lore_source": "entry 2", "description": "Two"}},
                 "player": {"experience": 5, "level": 2, "stamina": 90, "health": 80},
                 "name": "Order_World",
                 "locations": {
                   "10,0,0": {"description": "Ten", "name": "Ten", "location_id": "ten", "coordinates": [10, 0, 0], "npcs": ["z", "a", "m"]},
                   "2,0,0": {"location_id": "two", "coordinates": [2, 0, 0], "name": "Two", "description": "Two",
                             "explicit_exits": {"west": {"target_coordinates": "-1,0,0", "name": "W"},
                                                "east": {"name": "E", "locked": true, "target_coordinates": "10,0,0"},
                                                "down": {"name": "D"}}},
                   "-1,0,0": {"name": "Minus", "location_id": "minus", "description": "m", "coordinates": [-1, 0, 0],
                              "events": [{"trigger": "enter", "id": "ev_b", "description": "b"},
                                         {"description": "a", "id": "ev_a", "trigger": "look", "cooldown": 5}]},
                   "1,0,0": {"name": "One", "location_id": "one", "description": "o", "coordinates": [1, 0, 0]}},
                 "visited_positions": ["2,0,0", "10,0,0", "-1,0,0", "2,0,0"],
                 "current_position": "2,0,0",
                 "base_character_id": "characters/Zed.png"}
                """));
        try (WorldStore store = open("s")) {
            String id = importOk(store, world).worldId();
            assertSameTree(world, export(store, id, Layout.DOCUMENTED));
            assertSameTree(world, export(store, id, Layout.CARDSHARK));
            assertThat(store.locations().unconnected(id)).extracting(Location::locationId)
                    .containsExactly("lore_9", "lore_10", "lore_2");
            assertThat(store.locations().list(id)).extracting(Location::locationId)
                    .containsExactly("ten", "two", "minus", "one", "lore_9", "lore_10", "lore_2");
            assertThat(store.locations().get(id, "two").exits()).extracting(io.cardshark.worlds.Exit::direction)
                    .containsExactly("west", "east", "down");
            assertThat(store.locations().get(id, "ten").npcs()).containsExactly("z", "a", "m");
        }
    }

    @Test
    void item09_numberTokensComeBackUnchangedAndIntsStayInts() throws IOException {
        String tokens = "1.5, -0.25, 1.50, 1E5, -0, -0.0, 1795715060.4715137, 123456789012345678901234567890";
        Path world = dir.resolve("src").resolve("Numbers_World");
        write(world, "world_state.json", py("""
                {"name": "Numbers_World", "version": "1.0", "current_position": "0,0,0",
                 "locations": {"0,0,0": {"name": "Counting house", "coordinates": [0, 0, 0], "location_id": "counting",
                    "description": "Numbers.",
                    "events": [{"id": "tick", "trigger": "timer", "description": "Tick", "cooldown": -0, "x_weight": 1.50}],
                    "x_numbers": [TOKENS]}},
                 "player": {"health": 100, "stamina": 100, "level": 1, "experience": 0,
                            "x_speed": 1.50, "x_mass": 1E5, "x_signed": -0, "x_float_zero": -0.0, "x_big": 123456789012345678901234567890},
                 "metadata": {"version": "1.0", "created_at": 1795715060, "last_modified": 1795715060.4715137,
                              "x_tokens": {"a": 1.5, "b": -0.25, "c": 1.50, "d": 1E5, "e": -0, "f": -0.0,
                                           "g": 1795715060.4715137, "h": 123456789012345678901234567890}},
                 "x_tokens": [TOKENS, 1e-05, 1E+16, 0.0, 2.5e-3, 100]}
                """.replace("TOKENS", tokens)));
        try (WorldStore store = open("s")) {
            String id = importOk(store, world).worldId();
            assertSameTree(world, export(store, id, Layout.DOCUMENTED));
            assertSameTree(world, export(store, id, Layout.CARDSHARK));
            // -0 is an integer token (§3.3: no '.', 'e' or 'E', fits 64 bits): the API answers 0, not "no cooldown".
            assertThat(store.locations().get(id, "counting").events().get(0).cooldown())
                    .as("cooldown of the token -0 through the API").isEqualTo(0L);
        }
    }

    @Test
    void item10_unnormalisedTextZwjEmojiAndLoneSurrogatesComeBackAsTheSameCodePoints() throws IOException {
        String family = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String rainbow = "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08";
        Path world = dir.resolve("src").resolve("Unicode_World");
        write(world, "world_state.json", py("""
                {"name": "Unicode_World",
                 "locations": {"0,0,0": {"name": "Cafe\u0301 FAMILY", "location_id": "cafe",
                    "description": "NFD Cafe\u0301, ZWJ FAMILY and RAINBOW, astral \uD83D\uDC09 \uD834\uDD1E, lone \\ud800 and \\udc00, LS \u2028, DEL \u007f.",
                    "x_lone\\ud800": "value \\ud800", "x_nfd": "e\u0301"}},
                 "x_lone": "\\udfff", "x_emoji_\uD83D\uDC09": "\uD83D\uDC09"}
                """.replace("FAMILY", family).replace("RAINBOW", rainbow)));
        try (WorldStore store = open("s")) {
            String id = importOk(store, world).worldId();
            assertSameTree(world, export(store, id, Layout.DOCUMENTED));
            assertSameTree(world, export(store, id, Layout.CARDSHARK));
            Location cafe = store.locations().get(id, "cafe");
            assertThat(cafe.name()).isEqualTo("Cafe\u0301 " + family);
            assertThat(cafe.description()).isEqualTo("NFD Cafe\u0301, ZWJ " + family + " and " + rainbow
                    + ", astral \uD83D\uDC09 \uD834\uDD1E, lone \ud800 and \udc00, LS \u2028, DEL \u007f.");
        }
    }

    @Test
    void item11_unknownKeysAtEveryLevelSurviveBothExports() throws IOException {
        Path world = dir.resolve("src").resolve("Unknown_World");
        String text = py("""
                {"x_top_first": "before name",
                 "name": "Unknown_World", "version": "1.0", "current_position": "0,0,0", "visited_positions": ["0,0,0"],
                 "locations": {"0,0,0": {"name": "Hall", "coordinates": [0, 0, 0], "location_id": "hall", "description": "A hall.",
                    "introduction": null, "zone_id": null, "room_type": null, "notes": null, "background": null,
                    "events": [{"id": "ev", "trigger": "enter", "description": "Enter", "conditions": ["dawn"], "cooldown": null,
                                "x_event": {"weight": 2}}],
                    "npcs": [],
                    "explicit_exits": {"north": {"target_coordinates": "0,1,0", "target_location_id": null, "name": "Door",
                                                 "description": null, "locked": false, "key_item_id": null, "x_exit": [true]}},
                    "lore_source": null, "connected": true, "x_location": "kept"}},
                 "unconnected_locations": {"lore_1": {"location_id": "lore_1", "name": "Lore", "description": "L",
                                                      "lore_source": "src", "x_lore": 1}},
                 "player": {"health": 100, "stamina": 100, "level": 1, "experience": 0, "x_player": {"mood": "ok"}},
                 "base_character_id": null,
                 "metadata": {"version": "1.0", "last_modified": 1795715062, "name": "Unknown World",
                              "extra": {"author": "me", "tags": ["a"]}},
                 "x_top_last": {"nested": {"deep": [1, {"k": null}]}}}
                """);
        write(world, "world_state.json", text);
        try (WorldStore store = open("s")) {
            String id = importOk(store, world).worldId();
            assertSameTree(world, export(store, id, Layout.DOCUMENTED));
            assertSameTree(world, export(store, id, Layout.CARDSHARK));
            // A value changed through the API keeps its position and every unknown key around it (§3.4).
            Location hall = store.locations().get(id, "hall");
            store.locations().put(id, hall.withDescription("A changed hall."));
            String expected = text.replace("\"A hall.\"", "\"A changed hall.\"");
            String actual = read(export(store, id, Layout.DOCUMENTED).resolve("world_state.json"));
            assertThat(lastModifiedAsN(actual)).as("after an API change of the location").isEqualTo(lastModifiedAsN(expected));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // metadata.json
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void item14_withNoMetadataJsonImportedNeitherLayoutWritesOne() throws IOException {
        Path world = dir.resolve("src").resolve("No_Meta");
        write(world, "world_state.json", py("{\"name\": \"No_Meta\", \"metadata\": {\"name\": \"No Meta\", \"version\": \"1.0\"}, \"locations\": {}}"));
        Path tiny = Trees.fixtureWorlds("a-tiny", dir.resolve("fix")).resolve("Tiny_World");
        try (WorldStore store = open("s")) {
            for (Path source : List.of(world, tiny)) {
                String id = importOk(store, source).worldId();
                assertThat(store.worlds().metadataDocument(id)).isEmpty();
                for (Layout layout : Layout.values()) {
                    Path out = export(store, id, layout);
                    assertThat(out.resolve("world_state.json")).exists();
                    assertThat(out.resolve("metadata.json")).as(layout + " " + id).doesNotExist();
                }
            }
        }
    }

    @Test
    void item15_invalidMetadataJsonImportsWithAWarningAndComesBackByteForByte() throws IOException {
        Path broken = dir.resolve("src").resolve("Bad_Meta");
        write(broken, "world_state.json", py("{\"name\": \"Bad_Meta\", \"metadata\": {\"version\": \"1.0\", \"name\": \"Name From State\"}}"));
        byte[] invalid = "{\"name\": \"Name From Metadata\", \"description\": \"unterminated\n".getBytes(StandardCharsets.UTF_8);
        write(broken, "metadata.json", invalid);
        Path array = dir.resolve("src").resolve("Array_Meta");
        write(array, "world_state.json", py("{\"name\": \"Flat Name\", \"locations\": {}}"));
        byte[] notAnObject = "[\"Name From Metadata\"]\r\n".getBytes(StandardCharsets.UTF_8);
        write(array, "metadata.json", notAnObject);
        Path badUtf8 = dir.resolve("src").resolve("Utf8_Meta");
        write(badUtf8, "world_state.json", py("{\"name\": \"Utf8_Meta\", \"metadata\": {\"name\": \"Utf8 State\"}}"));
        byte[] garbage = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', ' ', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'};
        write(badUtf8, "metadata.json", garbage);
        try (WorldStore store = open("s")) {
            Map<Path, byte[]> cases = Map.of(broken, invalid, array, notAnObject, badUtf8, garbage);
            Map<Path, String> names = Map.of(broken, "Name From State", array, "Flat Name", badUtf8, "Utf8 State");
            for (Path source : List.of(broken, array, badUtf8)) {
                ImportResult r = importOk(store, source);
                assertThat(r.warnings()).as(source.toString()).anySatisfy(w -> assertThat(w).contains("metadata.json"));
                assertThat(store.worlds().get(r.worldId()).displayName()).isEqualTo(names.get(source));
                for (Layout layout : Layout.values()) {
                    Path out = export(store, r.worldId(), layout);
                    assertThat(Files.readAllBytes(out.resolve("metadata.json"))).as(layout + " " + r.worldId())
                            .isEqualTo(cases.get(source));
                }
                assertSameTree(source, export(store, r.worldId(), Layout.CARDSHARK));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Chats
    // ---------------------------------------------------------------------------------------------------------

    private static final String THREE_ROOMS = """
            {"name": "Chat_World", "locations": {
               "0,0,0": {"name": "Hall", "location_id": "hall", "description": "h"},
               "0,-1,0": {"name": "Cellar", "location_id": "cellar", "description": "c"},
               "0,1,0": {"name": "Attic", "location_id": "attic", "description": "a"},
               "1,0,0": {"name": "Gate", "location_id": "gate", "description": "g"}}}
            """;

    @Test
    void item17_messageOrderMessageKeysAndTimestampTypesSurviveBothExports() throws IOException {
        Path world = dir.resolve("src").resolve("Chat_World");
        write(world, "world_state.json", py(THREE_ROOMS));
        String shapeA = py("""
                {"id": "chat_0000000a", "title": "Tavern talk", "created": "2025-05-22T10:00:00", "updated": "2026-11-26T17:44:20.470221",
                 "messages": [
                   {"id": "msg_00000001", "timestamp": "2025-05-22T10:00:01.123456", "sender": "user", "content": "Hallo caf\\u00e9",
                    "character_id": null, "is_user": true},
                   {"id": "msg_2", "role": "assistant", "content": "Tall trees surround you\\u2026", "timestamp": 1795715062000,
                    "variations": ["a", "b"], "x": {"y": []}},
                   {"role": "user", "id": "msg_3", "timestamp": 1795715063000, "content": "Third"}],
                 "participants": ["assistant", "user"], "location_id": "hall", "metadata": {"chat_id": "chat_0000000a", "k": 1.50}}
                """);
        write(world, "chats/chat_0000000a.json", shapeA);
        String shapeB = py("""
                {"messages": [{"role": "user", "content": "Grüße aus dem Keller", "timestamp": 1716372000.5},
                              {"role": "assistant", "content": "\uD83D\uDC09", "timestamp": 1716372001}],
                 "metadata": {"chat_id": "chat_b", "world_name": "Chat_World", "title": "Keller", "location_id": "cellar",
                              "created_at": 1716372000.123456, "updated_at": 1716372001.50}}
                """);
        write(world, "chats/chat_b.json", shapeB);
        String jsonl = line("{\"chat_id\": \"chat_l\", \"title\": \"Lines\", \"location_id\": \"attic\", \"created\": 1795715060000, \"updated\": 1795715062000}")
                + line("{\"id\": \"msg_1\", \"role\": \"user\", \"content\": \"Look around\", \"timestamp\": 1795715061000}")
                + line("{\"id\": \"msg_2\", \"role\": \"assistant\", \"content\": \"Dust… ✨\", \"timestamp\": 1795715062000, \"extra\": {\"mood\": null}}")
                + line("{\"timestamp\": \"2025-05-22T10:00:00\", \"content\": \"string time\", \"role\": \"user\", \"id\": \"msg_3\"}");
        write(world, "chats/attic_talk.jsonl", jsonl);
        try (WorldStore store = open("s")) {
            ImportResult r = importOk(store, world);
            String id = r.worldId();
            assertThat(r.counts().chats()).isEqualTo(3);
            assertThat(r.counts().messages()).isEqualTo(8);
            assertThat(store.chats().get(id, "chat_0000000a").createdToken()).isEqualTo("\"2025-05-22T10:00:00\"");
            assertThat(store.chats().get(id, "chat_0000000a").updatedToken()).isEqualTo("\"2026-11-26T17:44:20.470221\"");
            assertThat(store.chats().get(id, "chat_b").createdToken()).isEqualTo("1716372000.123456");
            assertThat(store.chats().get(id, "chat_b").updatedToken()).isEqualTo("1716372001.50");
            assertThat(store.chats().get(id, "chat_l").createdToken()).isEqualTo("1795715060000");
            assertThat(store.chats().pageForward(id, "chat_0000000a", -1, 10).messages())
                    .extracting(io.cardshark.worlds.ChatMessage::id).containsExactly("msg_00000001", "msg_2", "msg_3");

            Path doc = export(store, id, Layout.DOCUMENTED);
            assertThat(read(doc.resolve("chats/hall_chat.jsonl"))).isEqualTo(
                    line("{\"id\": \"chat_0000000a\", \"title\": \"Tavern talk\", \"created\": \"2025-05-22T10:00:00\", \"updated\": \"2026-11-26T17:44:20.470221\", \"participants\": [\"assistant\", \"user\"], \"location_id\": \"hall\", \"metadata\": {\"chat_id\": \"chat_0000000a\", \"k\": 1.50}}")
                    + line("{\"id\": \"msg_00000001\", \"timestamp\": \"2025-05-22T10:00:01.123456\", \"sender\": \"user\", \"content\": \"Hallo café\", \"character_id\": null, \"is_user\": true}")
                    + line("{\"id\": \"msg_2\", \"role\": \"assistant\", \"content\": \"Tall trees surround you…\", \"timestamp\": 1795715062000, \"variations\": [\"a\", \"b\"], \"x\": {\"y\": []}}")
                    + line("{\"role\": \"user\", \"id\": \"msg_3\", \"timestamp\": 1795715063000, \"content\": \"Third\"}"));
            assertThat(read(doc.resolve("chats/cellar_chat.jsonl"))).isEqualTo(
                    line("{\"metadata\": {\"chat_id\": \"chat_b\", \"world_name\": \"Chat_World\", \"title\": \"Keller\", \"location_id\": \"cellar\", \"created_at\": 1716372000.123456, \"updated_at\": 1716372001.50}}")
                    + line("{\"role\": \"user\", \"content\": \"Grüße aus dem Keller\", \"timestamp\": 1716372000.5}")
                    + line("{\"role\": \"assistant\", \"content\": \"\uD83D\uDC09\", \"timestamp\": 1716372001}"));
            assertThat(read(doc.resolve("chats/attic_chat.jsonl"))).isEqualTo(jsonl);
            assertThat(Trees.files(doc).keySet()).filteredOn(p -> p.startsWith("chats/"))
                    .containsExactlyInAnyOrder("chats/hall_chat.jsonl", "chats/cellar_chat.jsonl", "chats/attic_chat.jsonl");

            Path cs = export(store, id, Layout.CARDSHARK);
            assertThat(read(cs.resolve("chats/chat_0000000a.json"))).isEqualTo(shapeA);
            assertThat(read(cs.resolve("chats/chat_b.json"))).isEqualTo(shapeB);
            assertThat(read(cs.resolve("chats/chat_l.json"))).isEqualTo(py("""
                    {"id": "chat_l", "title": "Lines", "location_id": "attic", "created": 1795715060000, "updated": 1795715062000,
                     "messages": [
                       {"id": "msg_1", "role": "user", "content": "Look around", "timestamp": 1795715061000},
                       {"id": "msg_2", "role": "assistant", "content": "Dust\\u2026 \\u2728", "timestamp": 1795715062000, "extra": {"mood": null}},
                       {"timestamp": "2025-05-22T10:00:00", "content": "string time", "role": "user", "id": "msg_3"}]}
                    """));
            assertThat(Trees.files(cs).keySet()).filteredOn(p -> p.startsWith("chats/"))
                    .containsExactlyInAnyOrder("chats/chat_0000000a.json", "chats/chat_b.json", "chats/chat_l.json");
        }
    }

    @Test
    void item18_jsonlHeaderVariantsGiveChatIdTitleAndLocationBySection53() throws IOException {
        Path world = dir.resolve("src").resolve("Chat_World");
        write(world, "world_state.json", py(THREE_ROOMS));
        String message = line("{\"id\": \"m1\", \"role\": \"user\", \"content\": \"hi\", \"timestamp\": 1795715061000}");
        // The design document: no chat id, no title; location in metadata.
        write(world, "chats/design.jsonl",
                line("{\"metadata\": {\"version\": \"1.0\", \"location_id\": \"hall\", \"world_name\": \"Chat_World\"}, \"timestamp\": 1795715060000}")
                        + message);
        // docs/chat_persistence_strategy.md: chat_id at the top, title and location in metadata.
        write(world, "chats/persist.jsonl",
                line("{\"metadata\": {\"title\": \"Persisted\", \"location_id\": \"cellar\"}, \"version\": \"1.0\", \"chat_id\": \"chat_p1\", \"timestamp\": 1795715060001}")
                        + message + message.replace("m1", "m2"));
        // backend/chat_handler.py character chats: everything in chat_metadata; messages in SillyTavern's shape.
        write(world, "chats/character.jsonl",
                line("{\"user_name\": \"User\", \"character_name\": \"Elara\", \"character_id\": \"characters/Elara.png\", \"create_date\": \"2025-05-22@10h00m00s\", \"timestamp\": 1795715060002, \"version\": \"1.0\", \"chat_metadata\": {\"chat_id\": \"chat_c1\", \"tainted\": false, \"created_timestamp\": 1795715060002, \"title\": \"Character chat\", \"timedWorldInfo\": {}, \"lastUser\": null, \"location_id\": \"gate\"}}")
                        + line("{\"name\": \"User\", \"is_user\": true, \"is_system\": false, \"send_date\": \"May 22, 2025 10:00am\", \"mes\": \"Hello\", \"extra\": {}}")
                        + line("{\"name\": \"Elara\", \"is_user\": false, \"is_system\": false, \"send_date\": \"May 22, 2025 10:01am\", \"mes\": \"Hi\", \"extra\": {\"api\": \"x\"}}"));
        write(world, "chats/character2.jsonl",
                line("{\"user_name\": \"User\", \"character_name\": \"Elara\", \"create_date\": \"2025-05-22@11h00m00s\", \"chat_metadata\": {\"tainted\": false, \"title\": \"No id here\", \"api_info\": {\"api\": \"kobold\"}}}"));
        // This store's canonical header, in a file whose name says nothing.
        write(world, "chats/zzz.jsonl",
                line("{\"chat_id\": \"chat_1a2b3c4d\", \"title\": \"At the gate\", \"location_id\": \"gate\", \"created\": 1795715060000, \"updated\": 1795715062000}")
                        + message);
        try (WorldStore store = open("s")) {
            ImportResult r = importOk(store, world);
            String id = r.worldId();
            assertThat(r.counts().chats()).isEqualTo(5);

            Chat design = store.chats().get(id, "design");
            assertThat(design.title()).isNull();
            assertThat(design.locationId()).isEqualTo("hall");
            assertThat(design.createdToken()).isEqualTo("1795715060000");
            assertThat(design.messageCount()).isEqualTo(1);

            Chat persist = store.chats().get(id, "chat_p1");
            assertThat(persist.title()).isEqualTo("Persisted");
            assertThat(persist.locationId()).isEqualTo("cellar");
            assertThat(persist.messageCount()).isEqualTo(2);

            Chat character = store.chats().get(id, "chat_c1");
            assertThat(character.title()).isEqualTo("Character chat");
            assertThat(character.locationId()).isEqualTo("gate");
            assertThat(character.createdToken()).isEqualTo("\"2025-05-22@10h00m00s\"");
            assertThat(character.messageCount()).isEqualTo(2);

            Chat noId = store.chats().get(id, "character2");
            assertThat(noId.title()).isEqualTo("No id here");
            assertThat(noId.locationId()).isNull();
            assertThat(noId.messageCount()).isZero();

            Chat canonical = store.chats().get(id, "chat_1a2b3c4d");
            assertThat(canonical.title()).isEqualTo("At the gate");
            assertThat(canonical.locationId()).isEqualTo("gate");
            assertThat(canonical.createdToken()).isEqualTo("1795715060000");
            assertThat(canonical.updatedToken()).isEqualTo("1795715062000");

            assertThat(store.chats().ofLocation(id, "gate")).extracting(Chat::chatId)
                    .containsExactlyInAnyOrder("chat_c1", "chat_1a2b3c4d");
            assertThat(store.chats().list(id)).hasSize(5);

            // documented: a header whose lookup would not yield the chat id gets "chat_id" first (§5.1).
            Path doc = export(store, id, Layout.DOCUMENTED);
            assertThat(read(doc.resolve("chats/hall_chat.jsonl"))).isEqualTo(
                    line("{\"chat_id\": \"design\", \"metadata\": {\"version\": \"1.0\", \"location_id\": \"hall\", \"world_name\": \"Chat_World\"}, \"timestamp\": 1795715060000}")
                            + message);
            assertThat(read(doc.resolve("chats/cellar_chat.jsonl"))).startsWith(
                    line("{\"metadata\": {\"title\": \"Persisted\", \"location_id\": \"cellar\"}, \"version\": \"1.0\", \"chat_id\": \"chat_p1\", \"timestamp\": 1795715060001}"));

            // cardshark: a JSONL chat becomes a shape-A document (§9.2): "id" first, the header's keys in order
            // without "chat_id", and, with no "updated" in the header, "messages" at the end.
            Path cs = export(store, id, Layout.CARDSHARK);
            String m1 = "{\"id\": \"m1\", \"role\": \"user\", \"content\": \"hi\", \"timestamp\": 1795715061000}";
            assertThat(read(cs.resolve("chats/design.json"))).isEqualTo(
                    py("{\"id\": \"design\", \"metadata\": {\"version\": \"1.0\", \"location_id\": \"hall\", \"world_name\": \"Chat_World\"}, \"timestamp\": 1795715060000, \"messages\": [" + m1 + "]}"));
            assertThat(read(cs.resolve("chats/chat_p1.json"))).isEqualTo(
                    py("{\"id\": \"chat_p1\", \"metadata\": {\"title\": \"Persisted\", \"location_id\": \"cellar\"}, \"version\": \"1.0\", \"timestamp\": 1795715060001, \"messages\": [" + m1 + ", " + m1.replace("m1", "m2") + "]}"));
        }
    }

    @Test
    void item20_renamingAChatFileDoesNotChangeItsLocation() throws IOException {
        Path world = dir.resolve("src").resolve("Chat_World");
        write(world, "world_state.json", py(THREE_ROOMS));
        String jsonl = line("{\"chat_id\": \"chat_r\", \"title\": \"Misnamed\", \"location_id\": \"cellar\", \"created\": 1795715060000}")
                + line("{\"id\": \"m1\", \"role\": \"user\", \"content\": \"hi\", \"timestamp\": 1795715061000}");
        write(world, "chats/hall_chat.jsonl", jsonl);
        write(world, "chats/chat_a.json", py("{\"id\": \"chat_a\", \"title\": \"A\", \"created\": \"2025-05-22T10:00:00\", \"updated\": \"2025-05-22T10:00:00\", \"messages\": [], \"participants\": [], \"location_id\": \"attic\"}"));
        Path renamed = dir.resolve("src2").resolve("Chat_World");
        Trees.copy(world, renamed);
        Files.move(renamed.resolve("chats/hall_chat.jsonl"), renamed.resolve("chats/gate_chat.jsonl"));
        Files.move(renamed.resolve("chats/chat_a.json"), renamed.resolve("chats/elsewhere.json"));
        try (WorldStore one = open("one"); WorldStore two = open("two")) {
            importOk(one, world);
            importOk(two, renamed);
            for (WorldStore store : List.of(one, two)) {
                assertThat(store.chats().ofLocation("Chat_World", "cellar")).extracting(Chat::chatId).containsExactly("chat_r");
                assertThat(store.chats().ofLocation("Chat_World", "hall")).isEmpty();
                assertThat(store.chats().ofLocation("Chat_World", "gate")).isEmpty();
                assertThat(store.chats().ofLocation("Chat_World", "attic")).hasSize(1);
            }
            assertThat(two.chats().get("Chat_World", "elsewhere").locationId()).isEqualTo("attic");
            // The documented export names the chat after its real location.
            assertThat(read(export(two, "Chat_World", Layout.DOCUMENTED).resolve("chats/cellar_chat.jsonl"))).isEqualTo(jsonl);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Events, files, links
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void item22_eventFilesRoundTripVerbatimUnderTheSameName() throws IOException {
        Path world = dir.resolve("src").resolve("Event_World");
        write(world, "world_state.json", py("{\"name\": \"Event_World\", \"locations\": {\"0,0,0\": {\"name\": \"Hall\", \"location_id\": \"hall\", \"description\": \"h\"}}}"));
        String ev1 = py("""
                {"id": "ev_1", "definition_id": "d1", "location_id": "hall", "trigger": "enter", "timestamp": 1795715060000,
                 "outcome": {"gold": 1.50, "msg": "Grüße \uD83D\uDC09", "none": null, "list": [], "obj": {}}, "x_extra": [-0, -0.0]}
                """);
        write(world, "events/ev_1.json", ev1);
        String named = py("{\"note\": \"no id key\", \"x\": [1.50, -0, 1E5]}");
        write(world, "events/Ereignis ✨.json", named);
        String ascii = py("{\"id\": \"ascii\", \"msg\": \"Gr\\u00fc\\u00dfe \\ud83d\\udc09\"}");
        write(world, "events/ascii.json", ascii);
        String crlfLf = py("{\"id\": \"crlf\", \"trigger\": \"look\", \"outcome\": [1, 2]}");
        String crlf = crlfLf.replace("\n", "\r\n") + "\r\n";
        write(world, "events/crlf.json", crlf);
        try (WorldStore store = open("s")) {
            ImportResult r = importOk(store, world);
            String id = r.worldId();
            assertThat(r.counts().events()).isEqualTo(4);
            assertThat(store.events().get(id, "ev_1").trigger()).isEqualTo("enter");
            assertThat(store.events().get(id, "ev_1").timestamp()).isEqualTo(1795715060000L);
            assertThat(store.events().get(id, "Ereignis ✨").eventId()).isEqualTo("Ereignis ✨");

            Path cs = export(store, id, Layout.CARDSHARK);
            assertSameTree(world, cs);

            Path doc = export(store, id, Layout.DOCUMENTED);
            assertThat(Trees.files(doc).keySet()).filteredOn(p -> p.startsWith("events/"))
                    .containsExactlyInAnyOrder("events/ev_1.json", "events/Ereignis ✨.json", "events/ascii.json", "events/crlf.json");
            assertThat(read(doc.resolve("events/ev_1.json"))).isEqualTo(ev1);
            assertThat(read(doc.resolve("events/Ereignis ✨.json"))).isEqualTo(named);
            // documented writes indent 2, ensure_ascii false, LF, no final newline (§9.1).
            assertThat(read(doc.resolve("events/ascii.json"))).isEqualTo(py("{\"id\": \"ascii\", \"msg\": \"Grüße \uD83D\uDC09\"}"));
            assertThat(read(doc.resolve("events/crlf.json"))).isEqualTo(crlfLf);
        }
    }

    @Test
    void item23_imagesCardsRoomsAndUnknownFilesKeepTheirDigestAndPath() throws IOException {
        Path world = dir.resolve("src").resolve("File_World");
        write(world, "world_state.json", py("{\"name\": \"File_World\", \"locations\": {\"0,0,0\": {\"name\": \"Hall\", \"location_id\": \"hall\", \"description\": \"h\", \"background\": \"hall.png\"}}}"));
        Random random = new Random(23);
        List<String> paths = List.of("world_card.png", "images/objects/x.png", "images/objects/fackel 🔥.png",
                "images/backgrounds/hall.png", "rooms/r.png", "rooms/deeper/r2.png", "notes/unknown.bin", "README",
                "chats/old.jsonl.bak", "chats/deep/nested.json", "events/readme.txt", "images/hall.webp");
        for (String p : paths) {
            byte[] content = new byte[200 + random.nextInt(3000)];
            random.nextBytes(content);
            if (p.endsWith(".png")) {
                System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, content, 0, 8);
            }
            write(world, p, content);
        }
        try (WorldStore store = open("s")) {
            ImportResult r = importOk(store, world);
            String id = r.worldId();
            assertThat(r.counts().files()).isEqualTo(paths.size());
            for (String p : paths) {
                byte[] source = Files.readAllBytes(world.resolve(p));
                assertThat(store.files().describe(id, p)).as(p).hasValueSatisfying(f ->
                        assertThat(f.sha256()).isEqualToIgnoringCase(sha256(source)));
            }
            for (Layout layout : Layout.values()) {
                Path out = export(store, id, layout);
                for (String p : paths) {
                    assertThat(sha256(Files.readAllBytes(out.resolve(p)))).as(layout + " " + p)
                            .isEqualTo(sha256(Files.readAllBytes(world.resolve(p))));
                }
            }
        }
    }

    @Test
    void item24_missingStandardFoldersImportAsEmptyAndRecordedEmptyDirectoriesAreRecreated() throws IOException {
        Path world = dir.resolve("src").resolve("Bare_World");
        write(world, "world_state.json", py("{\"name\": \"Bare_World\", \"locations\": {}}"));
        Files.createDirectories(world.resolve("rooms/empty"));
        Files.createDirectories(world.resolve("images/objects"));
        try (WorldStore store = open("s")) {
            ImportResult r = importOk(store, world);
            String id = r.worldId();
            assertThat(r.counts().chats()).isZero();
            assertThat(r.counts().events()).isZero();
            assertThat(r.counts().files()).isZero();
            assertThat(store.chats().list(id)).isEmpty();
            assertThat(store.files().list(id)).isEmpty();

            Path doc = export(store, id, Layout.DOCUMENTED);
            assertThat(Trees.directories(doc)).contains("chats", "events", "images/backgrounds", "images/objects", "rooms/empty");
            Path cs = export(store, id, Layout.CARDSHARK);
            assertThat(Trees.directories(cs)).containsExactlyInAnyOrder("images", "images/objects", "rooms", "rooms/empty");
            assertThat(Trees.files(cs).keySet()).containsExactly("world_state.json");
        }
    }

    @Test
    void item26_unsafeBackgroundsChatIdsAndLocationIdsNeverYieldAPathOutsideTheWorld() throws IOException {
        Path world = dir.resolve("src").resolve("Jail_World");
        write(world, "world_state.json", py("""
                {"name": "Jail_World", "locations": {
                   "0,0,0": {"name": "Slash", "location_id": "a/b", "description": "Slash in the id.", "background": "../../etc/passwd"},
                   "1,0,0": {"name": "Dots", "location_id": "..", "description": "Dots id.", "background": "..\\\\..\\\\boot.ini"},
                   "2,0,0": {"name": "Fine", "location_id": "fine", "description": "Fine.", "background": "hall.png"}}}
                """));
        write(world, "images/backgrounds/hall.png", new byte[]{1, 2, 3});
        String msg = line("{\"id\": \"m1\", \"role\": \"user\", \"content\": \"hi\", \"timestamp\": 1}");
        write(world, "chats/one.jsonl", line("{\"chat_id\": \"../x\", \"title\": \"Escape\", \"location_id\": \"a/b\"}") + msg);
        write(world, "chats/two.jsonl", line("{\"chat_id\": \"..\", \"title\": \"Dots\", \"location_id\": \"..\"}") + msg);
        write(world, "chats/three.jsonl", line("{\"chat_id\": \"a\\\\b/../../c\", \"location_id\": \"../../etc\"}") + msg);
        Path jail = dir.resolve("jail");
        try (WorldStore store = open("s")) {
            ImportResult r = importOk(store, world);
            assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("../../etc/passwd"));
            assertThat(store.locations().get("Jail_World", "a/b").background()).isEqualTo("../../etc/passwd");
            assertThat(store.chats().get("Jail_World", "../x").locationId()).isEqualTo("a/b");
            for (Layout layout : Layout.values()) {
                Path out = jail.resolve(layout.name()).resolve("deep").resolve("out");
                store.folders().export(List.of("Jail_World"), out, layout);
                String prefix = layout.name() + "/deep/out/Jail_World/";
                assertThat(Trees.files(jail).keySet()).filteredOn(p -> p.startsWith(layout.name() + "/"))
                        .allSatisfy(p -> assertThat(p).startsWith(prefix));
                Map<String, byte[]> files = Trees.files(out.resolve("Jail_World"));
                List<String> chats = files.keySet().stream().filter(p -> p.startsWith("chats/")).toList();
                assertThat(chats).as(layout.name()).hasSize(3)
                        .allSatisfy(p -> assertThat(p.substring("chats/".length())).doesNotContain("/").isNotIn(".", ".."));
                assertThat(files.keySet()).as(layout.name()).filteredOn(p -> !p.startsWith("chats/"))
                        .containsExactlyInAnyOrder("world_state.json", "images/backgrounds/hall.png");
                assertThat(read(out.resolve("Jail_World/world_state.json"))).contains("\"background\": \"../../etc/passwd\"");
            }
            try (Stream<Path> s = Files.list(jail)) {
                assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("DOCUMENTED", "CARDSHARK");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Backups and recovery
    // ---------------------------------------------------------------------------------------------------------

    /** A small valid state: H with {@code metadata.last_modified}, or F when {@code lastModified} is null. */
    private static String state(String name, String locationId, Long lastModified) {
        String meta = lastModified == null ? "" : ", \"metadata\": {\"version\": \"1.0\", \"last_modified\": " + lastModified + "}";
        return py("{\"name\": \"" + name + "\", \"locations\": {\"0,0,0\": {\"name\": \"" + locationId + "\", \"location_id\": \""
                + locationId + "\", \"description\": \"from " + locationId + "\"}}" + meta + "}");
    }

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private static void mtime(Path file, int minutes) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(T0.plusSeconds(60L * minutes)));
    }

    @Test
    void item29_missingWorldStateRecoversFromTheNewestValidBackup() throws IOException {
        Path world = dir.resolve("src").resolve("Lost_State");
        String newest = "world_state.backup.aaaaaaaa-0000-4000-8000-000000000001.json";
        String older = "world_state.backup.ffffffff-0000-4000-8000-000000000002.json";
        write(world, newest, state("Lost_State", "newest", 2000L));
        write(world, older, state("Lost_State", "older", 1000L));
        mtime(world.resolve(newest), 1);
        mtime(world.resolve(older), 2);
        try (WorldStore store = open("s")) {
            ImportResult r = importOk(store, world);
            assertThat(r.outcome()).isEqualTo(ImportOutcome.RECOVERED);
            assertThat(r.stateFile()).isEqualTo(newest);
            assertThat(r.recovery()).first().asString().contains("world_state.json").contains("missing");
            assertThat(String.join("\n", r.recovery())).contains(newest).contains(older);
            assertThat(store.locations().find("Lost_State", "newest")).isPresent();
            assertThat(store.locations().find("Lost_State", "older")).isEmpty();
            for (Layout layout : Layout.values()) {
                Map<String, byte[]> out = Trees.files(export(store, "Lost_State", layout));
                assertThat(out.keySet()).as(layout.name()).containsExactlyInAnyOrder("world_state.json", newest, older);
                assertThat(out.get("world_state.json")).isEqualTo(Files.readAllBytes(world.resolve(newest)));
                assertThat(out.get(newest)).isEqualTo(Files.readAllBytes(world.resolve(newest)));
                assertThat(out.get(older)).isEqualTo(Files.readAllBytes(world.resolve(older)));
            }
        }
    }

    @Test
    void item32_aCompleteNewerTmpStateIsNeverReadButReportedAndNotExported() throws IOException {
        String tmp = "world_state.9f1c2d3e-4b5a-4c6d-8e7f-001122334455.tmp";
        Path world = dir.resolve("src").resolve("Tmp_World");
        write(world, "world_state.json", state("Tmp_World", "real", 1000L));
        write(world, tmp, state("Tmp_World", "fake", 9999L));
        write(world, "chats/.half.tmp/inner.jsonl", line("{\"chat_id\": \"ghost\"}"));
        write(world, "rooms/r.png.tmp", new byte[]{1, 2, 3});
        mtime(world.resolve("world_state.json"), 1);
        mtime(world.resolve(tmp), 5);
        // No world_state.json at all: the backup wins, never the newer .tmp.
        Path lost = dir.resolve("src").resolve("Tmp_Lost");
        String backup = "world_state.backup.11111111-0000-4000-8000-000000000000.json";
        write(lost, backup, state("Tmp_Lost", "backup", 1000L));
        write(lost, tmp, state("Tmp_Lost", "fake", 9999L));
        mtime(lost.resolve(backup), 1);
        mtime(lost.resolve(tmp), 5);
        try (WorldStore store = open("s")) {
            ImportResult r = importOk(store, world);
            assertThat(r.outcome()).isEqualTo(ImportOutcome.IMPORTED);
            assertThat(r.stateFile()).isEqualTo("world_state.json");
            assertThat(r.skipped()).contains(tmp, "rooms/r.png.tmp");
            assertThat(r.skipped()).anySatisfy(s -> assertThat(s).startsWith("chats/.half.tmp"));
            assertThat(store.locations().find("Tmp_World", "fake")).isEmpty();
            assertThat(store.chats().list("Tmp_World")).isEmpty();

            ImportResult l = importOk(store, lost);
            assertThat(l.outcome()).isEqualTo(ImportOutcome.RECOVERED);
            assertThat(l.stateFile()).isEqualTo(backup);
            assertThat(l.skipped()).contains(tmp);
            assertThat(store.locations().find("Tmp_Lost", "backup")).isPresent();
            assertThat(store.locations().find("Tmp_Lost", "fake")).isEmpty();

            for (String id : List.of("Tmp_World", "Tmp_Lost")) {
                for (Layout layout : Layout.values()) {
                    Path out = export(store, id, layout);
                    assertThat(Trees.files(out).keySet()).as(layout + " " + id).noneMatch(p -> p.endsWith(".tmp"));
                    assertThat(Trees.directories(out)).as(layout + " " + id).noneMatch(p -> p.endsWith(".tmp"));
                }
            }
        }
    }

    @Test
    void item33_backupOrderFollowsSection8Step2() throws IOException {
        String b1 = "world_state.backup.11111111.json";
        String b5 = "world_state.backup.55555555.json";
        String b9 = "world_state.backup.99999999.json";
        String bz = "world_state.backup.zzzzzzzz.json";
        record Candidate(String file, Long lastModified, int minutes) {
        }
        record Scenario(String world, String expected, List<Candidate> candidates) {
        }
        List<Scenario> scenarios = List.of(
                // All have last_modified: it decides, whatever the mtimes and names; an invalid newest file is ignored.
                new Scenario("All_Have_It", b1, List.of(new Candidate(b1, 300L, 0), new Candidate(b9, 100L, 20),
                        new Candidate(b5, 200L, 10), new Candidate(bz, null, 30))),
                // All have it, tied: the newer mtime wins.
                new Scenario("All_Tied", b5, List.of(new Candidate(b1, 300L, 0), new Candidate(b5, 300L, 10),
                        new Candidate(b9, 100L, 20))),
                // All have it, tied, equal mtimes: the larger file name wins.
                new Scenario("All_Tied_Same_Time", b9, List.of(new Candidate(b1, 300L, 7), new Candidate(b9, 300L, 7),
                        new Candidate(b5, 300L, 7))),
                // All have it, equal mtimes: last_modified decides.
                new Scenario("Same_Time", b1, List.of(new Candidate(b1, 300L, 7), new Candidate(b9, 100L, 7))),
                // One lacks it: the mtime leads.
                new Scenario("One_Lacks_It", b9, List.of(new Candidate(b1, 300L, 0), new Candidate(b9, null, 20),
                        new Candidate(b5, 500L, 10))),
                // One lacks it, equal mtimes: having last_modified beats none, then the larger value.
                new Scenario("One_Lacks_It_Same_Time", b1, List.of(new Candidate(b1, 100L, 7), new Candidate(b9, null, 7),
                        new Candidate(b5, 50L, 7))),
                // None has it, equal mtimes: the larger name.
                new Scenario("None_Has_It_Same_Time", b9, List.of(new Candidate(b1, null, 7), new Candidate(b9, null, 7),
                        new Candidate(b5, null, 7))));
        try (WorldStore store = open("s")) {
            for (Scenario s : scenarios) {
                Path world = dir.resolve("src").resolve(s.world());
                for (Candidate c : s.candidates()) {
                    if (c.file().equals(bz)) {
                        write(world, c.file(), "{\"name\": \"broken\", ");
                    } else {
                        write(world, c.file(), state(s.world(), "from_" + c.file().substring(19, 27), c.lastModified()));
                    }
                    mtime(world.resolve(c.file()), c.minutes());
                }
                ImportResult r = importOk(store, world);
                assertThat(r.outcome()).as(s.world()).isEqualTo(ImportOutcome.RECOVERED);
                assertThat(r.stateFile()).as(s.world()).isEqualTo(s.expected());
            }
        }
    }

    @Test
    void item34_backupsComeBackByteForByteAndAreNeverParsedAsChatsOrEvents() throws IOException {
        Path world = dir.resolve("src").resolve("Backup_World");
        write(world, "world_state.json", state("Backup_World", "hall", 1000L));
        Map<String, byte[]> backups = Map.of(
                "chats/chat_x.backup.1.json", new byte[]{'n', 'o', 't', ' ', '{', '{', (byte) 0xFF},
                "events/e.backup.2.json", "[1, 2]".getBytes(StandardCharsets.UTF_8),
                "metadata.backup.3f2e.json", "garbage".getBytes(StandardCharsets.UTF_8),
                "world_state.backup.77.json", state("Backup_World", "old", 500L).getBytes(StandardCharsets.UTF_8),
                "rooms/r.backup.x.json", "{\"messages\": 5}\r\n".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> b : backups.entrySet()) {
            write(world, b.getKey(), b.getValue());
        }
        write(world, "chats/real.jsonl", line("{\"chat_id\": \"real\", \"location_id\": \"hall\"}"));
        try (WorldStore store = open("s")) {
            ImportResult r = importOk(store, world);
            assertThat(r.outcome()).isEqualTo(ImportOutcome.IMPORTED);
            assertThat(r.stateFile()).isEqualTo("world_state.json");
            assertThat(r.counts().backups()).isEqualTo(5);
            assertThat(r.counts().chats()).isEqualTo(1);
            assertThat(r.counts().events()).isZero();
            assertThat(store.chats().list("Backup_World")).extracting(Chat::chatId).containsExactly("real");
            assertThat(store.locations().find("Backup_World", "old")).isEmpty();
            for (Layout layout : Layout.values()) {
                Map<String, byte[]> out = Trees.files(export(store, "Backup_World", layout));
                backups.forEach((path, bytes) -> assertThat(out.get(path)).as(layout + " " + path).isEqualTo(bytes));
                assertThat(out.keySet()).as(layout.name()).filteredOn(p -> p.startsWith("chats/")).hasSize(2);
                assertThat(out.keySet()).as(layout.name()).filteredOn(p -> p.startsWith("events/"))
                        .containsExactly("events/e.backup.2.json");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Layouts and bytes
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void item38_aStoreCreatedWorldExportsAsShapeHWithEveryField() throws IOException {
        try (WorldStore store = open("s")) {
            World w = store.worlds().create("New World");
            assertThat(w.id()).isEqualTo("New_World");
            Path out = export(store, w.id(), Layout.DOCUMENTED);
            String text = read(out.resolve("world_state.json"));
            Pattern shapeH = Pattern.compile("""
                    \\{
                      "name": "New_World",
                      "version": "1\\.0",
                      "current_position": "0,0,0",
                      "visited_positions": \\[],
                      "locations": \\{},
                      "unconnected_locations": \\{},
                      "player": \\{
                        "health": 100,
                        "stamina": 100,
                        "level": 1,
                        "experience": 0
                      },
                      "base_character_id": null,
                      "metadata": \\{
                        "version": "1\\.0",
                        "created_at": (\\d+),
                        "last_modified": (\\d+),
                        "name": "New World"
                      }
                    }""");
            Matcher m = shapeH.matcher(text);
            assertThat(m.matches()).as(text).isTrue();
            long created = Long.parseLong(m.group(1));
            assertThat(created).isEqualTo(Long.parseLong(m.group(2)));
            assertThat(Math.abs(created - Instant.now().getEpochSecond())).isLessThan(300);
            assertThat(out.resolve("metadata.json")).doesNotExist();
            try (WorldStore again = open("again")) {
                ImportResult r = importOk(again, out);
                assertThat(r.shape()).isEqualTo(WorldShape.H);
                assertThat(again.worlds().get("New_World").displayName()).isEqualTo("New World");
            }
        }
    }

    @Test
    void item39_goldenBytesInTheCardsharkLayout() throws IOException {
        String description = "Quote \" back \\ slash / tab \t nl \n cr \r bs \b ff \f ctl \u0001 us \u001f del \u007f "
                + "nbsp \u00a0 ls \u2028 nfd e\u0301 \u00e9 \uD83D\uDC09";
        Path crlfWorld = dir.resolve("src").resolve("Crlf_World");
        String crlfText = """
                {"name": "Crlf_World", "version": "1.0", "current_position": "0,0,0", "visited_positions": [],
                 "locations": {"0,0,0": {"name": "Gate", "coordinates": [0, 0, 0], "location_id": "gate", "description": "Old gate",
                   "introduction": null, "zone_id": null, "room_type": null, "notes": null, "background": null, "events": [],
                   "npcs": [], "explicit_exits": {}, "lore_source": null, "connected": true}},
                 "unconnected_locations": {}, "player": {"health": 100, "stamina": 100, "level": 1, "experience": 0},
                 "base_character_id": null}
                """;
        write(crlfWorld, "world_state.json", crlf(py(crlfText)));
        try (WorldStore store = open("s")) {
            String id = store.worlds().create("Goldene Welt ✨").id();
            assertThat(id).isEqualTo("Goldene_Welt_");
            store.locations().put(id, Location.at(Coordinates.of(0, 0, 0), "start", "Start", description));
            store.events().record(id, new NewEvent("golden", "def1", "start", "look", 1795715060000L,
                    "{\"zero\": -0.0, \"small\": 1e-05, \"big\": 1e+16, \"empty\": {}, \"list\": [], \"s\": \"\u00e9 \uD83D\uDC09\", \"n\": null}"));
            Path cs = export(store, id, Layout.CARDSHARK);

            String stateText = read(cs.resolve("world_state.json"));
            Matcher times = Pattern.compile("\"created_at\": (\\d+),\n    \"last_modified\": (\\d+),").matcher(stateText);
            assertThat(times.find()).as(stateText).isTrue();
            String expectedState = """
                    {
                      "name": "Goldene_Welt_",
                      "version": "1.0",
                      "current_position": "0,0,0",
                      "visited_positions": [],
                      "locations": {
                        "0,0,0": {
                          "name": "Start",
                          "coordinates": [
                            0,
                            0,
                            0
                          ],
                          "location_id": "start",
                          "description": "Quote \\" back \\\\ slash / tab \\t nl \\n cr \\r bs \\b ff \\f ctl \\u0001 us \\u001f del \\u007f nbsp \\u00a0 ls \\u2028 nfd e\\u0301 \\u00e9 \\ud83d\\udc09",
                          "introduction": null,
                          "zone_id": null,
                          "room_type": null,
                          "notes": null,
                          "background": null,
                          "events": [],
                          "npcs": [],
                          "explicit_exits": {},
                          "lore_source": null,
                          "connected": true
                        }
                      },
                      "unconnected_locations": {},
                      "player": {
                        "health": 100,
                        "stamina": 100,
                        "level": 1,
                        "experience": 0
                      },
                      "base_character_id": null,
                      "metadata": {
                        "version": "1.0",
                        "created_at": CREATED,
                        "last_modified": MODIFIED,
                        "name": "Goldene Welt \\u2728"
                      }
                    }""".replace("CREATED", times.group(1)).replace("MODIFIED", times.group(2));
            assertThat(stateText).isEqualTo(expectedState);
            assertThat(Files.readAllBytes(cs.resolve("world_state.json"))).isEqualTo(expectedState.getBytes(StandardCharsets.US_ASCII));

            String expectedEvent = """
                    {
                      "id": "golden",
                      "definition_id": "def1",
                      "location_id": "start",
                      "trigger": "look",
                      "timestamp": 1795715060000,
                      "outcome": {
                        "zero": -0.0,
                        "small": 1e-05,
                        "big": 1e+16,
                        "empty": {},
                        "list": [],
                        "s": "\\u00e9 \\ud83d\\udc09",
                        "n": null
                      }
                    }""";
            assertThat(read(cs.resolve("events/golden.json"))).isEqualTo(expectedEvent);
            // The documented layout writes the same document with ensure_ascii false.
            assertThat(read(export(store, id, Layout.DOCUMENTED).resolve("events/golden.json")))
                    .isEqualTo(expectedEvent.replace("\\u00e9 \\ud83d\\udc09", "\u00e9 \uD83D\uDC09"));

            // An imported CRLF file with a final newline, changed through the API, keeps its recorded style.
            importOk(store, crlfWorld);
            assertThat(Files.readAllBytes(export(store, "Crlf_World", Layout.CARDSHARK).resolve("world_state.json")))
                    .isEqualTo(Files.readAllBytes(crlfWorld.resolve("world_state.json")));
            Location gate = store.locations().get("Crlf_World", "gate");
            store.locations().put("Crlf_World", gate.withDescription("Neues Tor \u00e9 \uD83D\uDC09"));
            assertThat(read(export(store, "Crlf_World", Layout.CARDSHARK).resolve("world_state.json")))
                    .isEqualTo(crlf(py(crlfText.replace("\"Old gate\"", "\"Neues Tor \\u00e9 \\ud83d\\udc09\""))));
            assertThat(read(export(store, "Crlf_World", Layout.DOCUMENTED).resolve("world_state.json")))
                    .isEqualTo(py(crlfText.replace("\"Old gate\"", "\"Neues Tor \u00e9 \uD83D\uDC09\"")));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Atomicity and errors
    // ---------------------------------------------------------------------------------------------------------

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void item40_41_anExportReplacesTheOldOneAndTidiesLeftoverSiblings() throws IOException {
        Path world = dir.resolve("src").resolve("Atomic_World");
        write(world, "world_state.json", state("Atomic_World", "first", null));
        Path out = dir.resolve("atomic");
        try (WorldStore store = open("s")) {
            importOk(store, world);
            ExportResult first = store.folders().export(List.of("Atomic_World"), out, Layout.DOCUMENTED).get(0);
            assertThat(first.replaced()).isFalse();
            assertThat(first.target()).isEqualTo(out.resolve("Atomic_World"));
            assertThat(names(out)).containsExactly("Atomic_World");

            // An older export is replaced as a whole; no .tmp sibling is left behind.
            write(out.resolve("Atomic_World"), "stale.txt", "from an older export");
            store.locations().put("Atomic_World", Location.at(Coordinates.of(1, 0, 0), "second", "Second", "Added"));
            ExportResult second = store.folders().export(List.of("Atomic_World"), out, Layout.DOCUMENTED).get(0);
            assertThat(second.replaced()).isTrue();
            assertThat(names(out)).containsExactly("Atomic_World");
            assertThat(out.resolve("Atomic_World/stale.txt")).doesNotExist();
            assertThat(read(out.resolve("Atomic_World/world_state.json"))).contains("\"location_id\": \"second\"");
            Map<String, byte[]> reference = Trees.files(out.resolve("Atomic_World"));

            // A leftover temp folder of this world is removed; another world's is not touched.
            write(out.resolve(".Atomic_World.0123456789ab.tmp"), "world_state.json", "{\"name\": \"half");
            write(out.resolve(".Other_World.0123456789ab.tmp"), "world_state.json", "{}");
            store.folders().export(List.of("Atomic_World"), out, Layout.DOCUMENTED);
            assertThat(names(out)).containsExactly(".Other_World.0123456789ab.tmp", "Atomic_World");
            assertSameFiles(reference, Trees.files(out.resolve("Atomic_World")));

            // An export that died between its renames: the target is absent, the old folder is .old.tmp.
            Files.move(out.resolve("Atomic_World"), out.resolve(".Atomic_World.0123456789ab.old.tmp"));
            ExportResult third = store.folders().export(List.of("Atomic_World"), out, Layout.DOCUMENTED).get(0);
            assertThat(third.replaced()).as("the .old.tmp folder was renamed back, then replaced").isTrue();
            assertThat(names(out)).containsExactly(".Other_World.0123456789ab.tmp", "Atomic_World");
            assertSameFiles(reference, Trees.files(out.resolve("Atomic_World")));

            // With the target present, a leftover .old.tmp is simply removed.
            write(out.resolve(".Atomic_World.456789abcdef.old.tmp"), "world_state.json", state("Atomic_World", "ancient", null));
            store.folders().export(List.of("Atomic_World"), out, Layout.DOCUMENTED);
            assertThat(names(out)).containsExactly(".Other_World.0123456789ab.tmp", "Atomic_World");
            assertSameFiles(reference, Trees.files(out.resolve("Atomic_World")));
        }
    }

    @Test
    void item43_exportingOverADirectoryThatIsNotAWorldFolderIsRefusedAndLeavesItUnchanged() throws IOException {
        Path world = dir.resolve("src").resolve("Target_World");
        write(world, "world_state.json", state("Target_World", "hall", null));
        Path out = dir.resolve("foreign");
        Path target = out.resolve("Target_World");
        write(target, "notes.txt", "my notes");
        write(target, "sub/a.txt", "more");
        Files.createDirectories(target.resolve("empty"));
        Path fileOut = dir.resolve("file-target");
        write(fileOut, "Target_World", "a plain file");
        try (WorldStore store = open("s")) {
            importOk(store, world);
            Map<String, byte[]> before = Trees.files(target);
            List<String> dirsBefore = Trees.directories(target);
            for (Layout layout : Layout.values()) {
                assertThatThrownBy(() -> store.folders().export(List.of("Target_World"), out, layout))
                        .isInstanceOf(FolderFormatException.class);
                assertSameFiles(before, Trees.files(target));
                assertThat(Trees.directories(target)).isEqualTo(dirsBefore);
                assertThat(names(out)).containsExactly("Target_World");

                assertThatThrownBy(() -> store.folders().export(List.of("Target_World"), fileOut, layout))
                        .isInstanceOf(FolderFormatException.class);
                assertThat(read(fileOut.resolve("Target_World"))).isEqualTo("a plain file");
                assertThat(names(fileOut)).containsExactly("Target_World");
            }
            // An empty directory may be exported into.
            Path emptyOut = dir.resolve("empty-target");
            Files.createDirectories(emptyOut.resolve("Target_World"));
            store.folders().export(List.of("Target_World"), emptyOut, Layout.DOCUMENTED);
            assertThat(emptyOut.resolve("Target_World/world_state.json")).exists();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    private WorldStore open(String name) {
        return WorldStore.configure().dataDir(dir.resolve("stores").resolve(name)).open();
    }

    private static ImportResult importOk(WorldStore store, Path folder) {
        List<ImportResult> results = store.folders().importFolders(List.of(folder), false);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).error()).as("import of " + folder).isNull();
        return results.get(0);
    }

    /** Exports one world into a fresh folder and returns the world folder written. */
    private Path export(WorldStore store, String id, Layout layout) {
        Path out = dir.resolve("out").resolve(String.valueOf(++exports));
        List<ExportResult> results = store.folders().export(List.of(id), out, layout);
        assertThat(results).hasSize(1);
        return out.resolve(id);
    }

    /** Every file of {@code expected} at the same path with the same bytes, and no other file. */
    private static void assertSameTree(Path expected, Path actual) throws IOException {
        assertSameFiles(Trees.files(expected), Trees.files(actual));
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((path, bytes) -> {
            // As text first, for a readable diff; then the bytes.
            assertThat(new String(actual.get(path), StandardCharsets.UTF_8)).as(path)
                    .isEqualTo(new String(bytes, StandardCharsets.UTF_8));
            assertThat(actual.get(path)).as(path).isEqualTo(bytes);
        });
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void write(Path folder, String relative, String text) throws IOException {
        write(folder, relative, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path folder, String relative, byte[] content) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lastModifiedAsN(String text) {
        return text.replaceAll("\"last_modified\": \\d+", "\"last_modified\": N");
    }

    private static String crlf(String lf) {
        return lf.replace("\n", "\r\n") + "\r\n";
    }

    /**
     * Python's {@code json.dump(obj, f, indent=2)} layout of compact JSON text: every token (strings with their
     * escapes, numbers) is copied verbatim; only whitespace between tokens is decided here.
     */
    static String py(String compact) {
        return reformat(compact, true);
    }

    /** One JSONL line, Python's {@code json.dumps(obj)} separators, then LF. */
    static String line(String compact) {
        return reformat(compact, false) + "\n";
    }

    private static String reformat(String s, boolean indent) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> {
                    int j = i + 1;
                    while (s.charAt(j) != '"') {
                        j += s.charAt(j) == '\\' ? 2 : 1;
                    }
                    out.append(s, i, j + 1);
                    i = j;
                }
                case '{', '[' -> {
                    int k = i + 1;
                    while (" \t\r\n".indexOf(s.charAt(k)) >= 0) {
                        k++;
                    }
                    if (s.charAt(k) == (c == '{' ? '}' : ']')) {
                        out.append(c).append(s.charAt(k));
                        i = k;
                    } else {
                        depth++;
                        out.append(c);
                        if (indent) {
                            out.append('\n').append("  ".repeat(depth));
                        }
                    }
                }
                case '}', ']' -> {
                    depth--;
                    if (indent) {
                        out.append('\n').append("  ".repeat(depth));
                    }
                    out.append(c);
                }
                case ',' -> out.append(indent ? ",\n" + "  ".repeat(depth) : ", ");
                case ':' -> out.append(": ");
                case ' ', '\t', '\r', '\n' -> {
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Test
    void selfCheck_theReindenterMatchesPythonsLayout() {
        assertThat(py("{\"a\": [1, {}, []], \"b\": {\"c\": \"x, y: {z}\"}}")).isEqualTo("""
                {
                  "a": [
                    1,
                    {},
                    []
                  ],
                  "b": {
                    "c": "x, y: {z}"
                  }
                }""");
        assertThat(line("{\"a\":[1,{ },[]],\"b\":\"\\\"q\\\"\"}")).isEqualTo("{\"a\": [1, {}, []], \"b\": \"\\\"q\\\"\"}\n");
    }

}
