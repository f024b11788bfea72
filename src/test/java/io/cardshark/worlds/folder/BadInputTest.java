package io.cardshark.worlds.folder;

import io.cardshark.worlds.testing.TestStores;

import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.WorldShape;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.StoreDigest;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed world folders, built as real files on disk (format spec §3, §5–§8, §10.3, §11 items 3, 5, 6, 12,
 * 19, 21, 22, 25, 30, 31, 41, 42). Each is imported into a store that already holds a good world; each must
 * be rejected with a message naming the world folder, the file, the position and what was expected, and
 * must leave both the store's digest and the source folder exactly as they were.
 */
class BadInputTest {

    static final String WORLD = "Bad_World";

    /**
     * A conforming flat (F) world state with every kind of object the validator checks: one location with an
     * event definition, an NPC and an exit, one unconnected location and a player. Every bad case below is
     * this document (or the control folder) with one thing broken.
     */
    static final String VALID = """
            {
              "name": "Bad_World",
              "version": "1.0",
              "current_position": "0,0,0",
              "visited_positions": [
                "0,0,0"
              ],
              "locations": {
                "0,0,0": {
                  "name": "Gate",
                  "coordinates": [
                    0,
                    0,
                    0
                  ],
                  "location_id": "gate",
                  "description": "An iron gate.",
                  "introduction": null,
                  "zone_id": null,
                  "room_type": null,
                  "notes": null,
                  "background": null,
                  "events": [
                    {
                      "id": "ev_1",
                      "trigger": "enter",
                      "description": "The gate creaks.",
                      "conditions": null,
                      "cooldown": 3
                    }
                  ],
                  "npcs": [
                    "characters/Mira.png"
                  ],
                  "explicit_exits": {
                    "north": {
                      "target_coordinates": "0,1,0",
                      "target_location_id": null,
                      "name": "Path north",
                      "description": null,
                      "locked": false,
                      "key_item_id": null
                    }
                  },
                  "lore_source": null,
                  "connected": true
                }
              },
              "unconnected_locations": {
                "lore_1": {
                  "location_id": "lore_1",
                  "name": "Old Tale",
                  "description": "A story.",
                  "lore_source": "Lore entry"
                }
              },
              "player": {
                "health": 100,
                "stamina": 100,
                "level": 1,
                "experience": 0
              },
              "base_character_id": null
            }""";

    static final String HEADER = "{\"chat_id\": \"chat_1\", \"title\": \"At the gate\", \"location_id\": \"gate\", "
            + "\"created\": 1795715060000, \"updated\": 1795715062000}";
    static final String MESSAGE = "{\"id\": \"msg_1\", \"role\": \"user\", \"content\": \"Look around\", \"timestamp\": 1795715061000}";
    static final String CHAT_A = "{\n  \"id\": \"chat_a\",\n  \"title\": \"A\",\n  \"created\": \"2025-05-22T10:00:00\",\n"
            + "  \"updated\": \"2025-05-22T10:00:00\",\n  \"messages\": [],\n  \"participants\": [],\n  \"location_id\": \"\"\n}";
    static final String BACKUP = "world_state.backup.5f1e6a2c-0000-4000-8000-000000000001.json";
    static final String BACKUP_2 = "world_state.backup.5f1e6a2c-0000-4000-8000-000000000002.json";

    // ---------------------------------------------------------------------------------------------------
    // The cases

    /** Builds a bad world folder under {@code src} and returns it. */
    @FunctionalInterface
    interface Build {
        Path in(Path src) throws Exception;
    }

    /** How the folder is handed to the importer, and how it may refuse. */
    enum Mode {
        /** The world folder itself; must come back as one REJECTED result. */
        WORLD,
        /** Its parent, as a worlds base folder (a folder with no state file cannot tell itself from one). */
        BASE,
        /** Not a usable world folder path: an InvalidInputException or one REJECTED result are both fine. */
        THROWN_OR_REJECTED
    }

    /**
     * One malformed folder.
     *
     * @param expectedFile the relative file the message must name, or null when the folder itself is at fault
     * @param position     a regex that must follow {@code expectedFile} immediately in the message (" line 3",
     *                     " line 4 column 7", " at /locations/0,0,0/location_id"), or null when a file name is
     *                     its own position (a link, a pipe, a missing file)
     * @param also         further literal fragments the message must contain
     */
    record Case(String name, Build build, String expectedFile, String position, List<String> also, Mode mode) {
        @Override
        public String toString() {
            return name;
        }

        Case also(String... more) {
            List<String> all = new ArrayList<>(also);
            all.addAll(List.of(more));
            return new Case(name, build, expectedFile, position, all, mode);
        }

        Case mode(Mode m) {
            return new Case(name, build, expectedFile, position, also, m);
        }
    }

    static Case c(String name, Build build, String expectedFile, String position) {
        return new Case(name, build, expectedFile, position, List.of(), Mode.WORLD);
    }

    static String at(String pointer) {
        return Pattern.quote(" at " + pointer);
    }

    static String line(long n) {
        return Pattern.quote(" line " + n) + "(?![0-9])";
    }

    static String lineCol(long n) {
        return Pattern.quote(" line " + n + " column ") + "[1-9][0-9]*";
    }

    static final String ANY_LINE_COL = " line [1-9][0-9]* column [1-9][0-9]*";
    static final String TOP = Pattern.quote(" at the top");

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String state = "world_state.json";

        // world_state.json cut short at ten offsets, no backups (§8 step 5).
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        int[] offsets = {0, 1, VALID.indexOf("\"Bad_World\"") + 4, VALID.indexOf("\"visited_positions\""),
                VALID.indexOf("\"coordinates\": [") + 16, VALID.indexOf("\"introduction\": null") + 18,
                VALID.indexOf("\"cooldown\": 3") + 13, VALID.indexOf("\"locked\": false") + 12, valid.length / 2,
                valid.length - 1};
        for (int off : offsets) {
            final int cut = off;
            cases.add(c("state_truncated_at_" + cut + "_of_" + valid.length,
                    src -> world(src, java.util.Arrays.copyOf(valid, cut)), state, ANY_LINE_COL)
                    .also("expected valid JSON", "no backups"));
        }

        // Invalid JSON whose only backup looks valid but is not either.
        cases.add(c("state_invalid_json_and_broken_backup", src -> {
            Path w = world(src, trailingComma());
            put(w, BACKUP, metadataString());
            return w;
        }, state, ANY_LINE_COL).also("no valid backup (1 tried)", BACKUP + " at /metadata: expected"));
        cases.add(c("state_invalid_json_and_two_broken_backups", src -> {
            Path w = world(src, trailingComma());
            put(w, BACKUP, metadataString());
            put(w, BACKUP_2, VALID.substring(0, 200));
            return w;
        }, state, ANY_LINE_COL).also("no valid backup (2 tried)", BACKUP + " at /metadata: expected", BACKUP_2 + " line "));
        cases.add(c("state_missing_and_backup_broken", src -> {
            Path w = dir(src.resolve(WORLD));
            put(w, BACKUP, metadataString());
            return w;
        }, state, null).also("missing", "no valid backup (1 tried)", BACKUP + " at /metadata: expected"));

        // Detection (§3.1, checklist 5).
        cases.add(c("state_neither_name_nor_metadata", src -> world(src, removeLine(VALID, "\"name\": \"Bad_World\"")),
                state, TOP).also("no backups"));
        cases.add(c("state_top_level_rooms", src -> world(src, mutate("\"version\": \"1.0\",",
                "\"rooms\": [],\n  \"version\": \"1.0\",")), state, at("/rooms")).also("no backups"));
        cases.add(c("state_schema_version", src -> world(src, mutate("\"version\": \"1.0\",",
                "\"schema_version\": 2,\n  \"version\": \"1.0\",")), state, at("/schema_version")).also("no backups"));
        cases.add(c("state_name_is_a_number", src -> world(src, mutate("\"name\": \"Bad_World\"", "\"name\": 5")),
                state, at("/name")).also("no backups"));
        cases.add(c("state_metadata_is_a_string", src -> world(src, metadataString()), state, at("/metadata"))
                .also("no backups"));
        cases.add(c("state_is_an_array", src -> world(src, "[\n  " + VALID.replace("\n", "\n  ") + "\n]"), state, TOP)
                .also("no backups"));

        // Fields (§3.2, §3.3, checklist 6).
        cases.add(c("location_id_null", src -> world(src, mutate("\"location_id\": \"gate\"", "\"location_id\": null")),
                state, at("/locations/0,0,0/location_id")).also("no backups"));
        cases.add(c("location_description_missing", src -> world(src, removeLine(VALID, "\"description\": \"An iron gate.\"")),
                state, at("/locations/0,0,0/description")).also("no backups"));
        cases.add(c("player_health_string", src -> world(src, mutate("\"health\": 100", "\"health\": \"100\"")),
                state, at("/player/health")).also("no backups"));
        cases.add(c("player_health_float", src -> world(src, mutate("\"health\": 100", "\"health\": 1.0")),
                state, at("/player/health")).also("no backups"));
        cases.add(c("coordinates_string", src -> world(src, mutate("\"coordinates\": [\n        0,",
                "\"coordinates\": [\n        \"1\",")), state, at("/locations/0,0,0/coordinates/0")).also("no backups"));
        cases.add(c("coordinates_fraction", src -> world(src, mutate("\"coordinates\": [\n        0,",
                "\"coordinates\": [\n        1.5,")), state, at("/locations/0,0,0/coordinates/0")).also("no backups"));
        cases.add(c("location_id_duplicate_across_grid_and_lore", src -> world(src, mutate("\"location_id\": \"lore_1\"",
                "\"location_id\": \"gate\"")), state, at("/unconnected_locations/lore_1/location_id"))
                .also("/locations/0,0,0/location_id", "no backups"));
        cases.add(c("unconnected_lore_source_null", src -> world(src, mutate("\"lore_source\": \"Lore entry\"",
                "\"lore_source\": null")), state, at("/unconnected_locations/lore_1/lore_source")).also("no backups"));
        cases.add(c("exit_without_name", src -> world(src, removeLine(VALID, "\"name\": \"Path north\"")),
                state, at("/locations/0,0,0/explicit_exits/north/name")).also("no backups"));
        cases.add(c("exit_locked_yes", src -> world(src, mutate("\"locked\": false", "\"locked\": \"yes\"")),
                state, at("/locations/0,0,0/explicit_exits/north/locked")).also("no backups"));
        cases.add(c("event_definition_without_trigger", src -> world(src, removeLine(VALID, "\"trigger\": \"enter\"")),
                state, at("/locations/0,0,0/events/0/trigger")).also("no backups"));
        cases.add(c("event_definition_cooldown_fraction", src -> world(src, mutate("\"cooldown\": 3", "\"cooldown\": 2.5")),
                state, at("/locations/0,0,0/events/0/cooldown")).also("no backups"));
        cases.add(c("npcs_holding_a_number", src -> world(src, mutate("\"characters/Mira.png\"",
                "\"characters/Mira.png\",\n        42")), state, at("/locations/0,0,0/npcs/1")).also("no backups"));
        cases.add(c("visited_positions_holding_a_number", src -> world(src, mutate("\"visited_positions\": [\n    \"0,0,0\"",
                "\"visited_positions\": [\n    \"0,0,0\",\n    7")), state, at("/visited_positions/1")).also("no backups"));

        // Strict JSON (§9.3, checklist 12).
        cases.add(c("state_duplicate_keys", src -> world(src, mutate("\"version\": \"1.0\",",
                "\"version\": \"1.0\",\n  \"version\": \"1.0\",")), state, lineCol(lineOf(VALID, "\"version\"") + 1))
                .also("expected valid JSON", "no backups"));
        cases.add(c("state_nan", src -> world(src, mutate("\"health\": 100", "\"health\": NaN")),
                state, lineCol(lineOf(VALID, "\"health\""))).also("expected valid JSON", "no backups"));
        cases.add(c("state_bom_then_invalid", src -> world(src, concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{\"name\": \"Bad_World\",, \"version\": \"1.0\"}".getBytes(StandardCharsets.UTF_8))),
                state, lineCol(1)).also("expected valid JSON", "no backups"));
        cases.add(c("state_invalid_utf8", src -> {
            String marked = mutate("An iron gate.", "An iron @@ gate.");
            int i = marked.indexOf("@@");
            return world(src, concat(marked.substring(0, i).getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xC3, (byte) 0x28},
                    marked.substring(i + 2).getBytes(StandardCharsets.UTF_8)));
        }, state, lineCol(lineOf(VALID, "An iron gate."))).also("expected valid JSON", "no backups"));
        cases.add(c("state_nested_10000_deep", src -> world(src, mutate("\"base_character_id\": null\n}",
                "\"base_character_id\": null,\n  \"deep\": " + "[".repeat(10_000) + "]".repeat(10_000) + "\n}")),
                state, "(" + ANY_LINE_COL + "| at /deep(/0)*)").also("no backups"));

        // Chats (§5, checklist 19, 21).
        cases.add(c("chat_jsonl_50mb_garbage_line", src -> {
            Path w = world(src, VALID);
            Path f = dir(w.resolve("chats")).resolve("x.jsonl");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 20)) {
                out.write((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
                byte[] chunk = "garbage;".repeat(8192).getBytes(StandardCharsets.US_ASCII);
                for (long written = 0; written < 50L << 20; written += chunk.length) {
                    out.write(chunk);
                }
            }
            return w;
        }, "chats/x.jsonl", lineCol(2)));
        cases.add(c("chat_jsonl_50mb_garbage_only_line", src -> {
            Path w = world(src, VALID);
            Path f = dir(w.resolve("chats")).resolve("x.jsonl");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 20)) {
                byte[] chunk = "#!~garbage".repeat(8192).getBytes(StandardCharsets.US_ASCII);
                for (long written = 0; written < 50L << 20; written += chunk.length) {
                    out.write(chunk);
                }
            }
            return w;
        }, "chats/x.jsonl", lineCol(1)));
        cases.add(c("chat_jsonl_line_3_is_an_array", src -> chat(src, "x.jsonl", HEADER + "\n" + MESSAGE + "\n[1]\n"),
                "chats/x.jsonl", line(3)).also("expected a JSON object"));
        cases.add(c("chat_jsonl_first_line_is_a_message", src -> chat(src, "x.jsonl",
                "{\"role\":\"user\",\"content\":\"x\"}\n" + MESSAGE + "\n"), "chats/x.jsonl", line(1))
                .also("expected a chat header"));
        cases.add(c("chat_jsonl_invalid_json_on_line_5", src -> chat(src, "x.jsonl",
                HEADER + "\n" + MESSAGE + "\n   \n" + MESSAGE.replace("msg_1", "msg_2") + "\n{\"id\": \"msg_3\", \"role\": }\n"),
                "chats/x.jsonl", lineCol(5)).also("expected valid JSON"));
        cases.add(c("chat_jsonl_line_2_is_a_string", src -> chat(src, "x.jsonl", HEADER + "\r\n\"hello\"\r\n"),
                "chats/x.jsonl", line(2)).also("expected a JSON object"));
        cases.add(c("chat_jsonl_empty_file", src -> chat(src, "x.jsonl", "\n  \n"), "chats/x.jsonl", line(1)));
        cases.add(c("chat_json_not_an_object", src -> chat(src, "x.json", "[\n  1,\n  2\n]"), "chats/x.json", TOP));
        cases.add(c("chat_json_messages_not_an_array", src -> chat(src, "x.json",
                "{\"id\": \"x\", \"messages\": {\"0\": {\"role\": \"user\"}}}"), "chats/x.json", at("/messages")));
        cases.add(c("chat_json_message_not_an_object", src -> chat(src, "x.json",
                "{\"id\": \"x\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, \"hello\"]}"),
                "chats/x.json", at("/messages/1")));
        cases.add(c("chat_json_neither_id_nor_metadata", src -> chat(src, "x.json",
                "{\"title\": \"Lost\", \"messages\": [], \"metadata\": \"not an object\"}"), "chats/x.json", TOP));
        cases.add(c("chat_json_invalid_json", src -> chat(src, "x.json", "{\n  \"id\": \"x\",\n  \"messages\": [\n}"),
                "chats/x.json", lineCol(4)).also("expected valid JSON"));
        cases.add(c("chat_id_duplicate_json_and_jsonl", src -> {
            Path w = chat(src, "a.json", "{\"id\": \"a\", \"title\": \"A\", \"messages\": []}");
            put(w, "chats/b.jsonl", "{\"chat_id\": \"a\", \"title\": \"B\"}\n" + MESSAGE + "\n");
            return w;
        }, "chats/b.jsonl", line(1)).also("chats/a.json"));

        // Events (§6, checklist 22).
        cases.add(c("event_file_is_an_array", src -> put(world(src, VALID), "events/e.json", "[{\"id\": \"e\"}]"),
                "events/e.json", TOP));
        cases.add(c("event_file_invalid_json", src -> put(world(src, VALID), "events/e.json", "{\n  \"id\": \"e\",\n}"),
                "events/e.json", lineCol(3)).also("expected valid JSON"));

        // Links and special files (§7, checklist 25).
        cases.add(c("symlink_to_etc_passwd", src -> {
            Path w = world(src, VALID);
            Files.createSymbolicLink(dir(w.resolve("images/objects")).resolve("passwd.png"), Path.of("/etc/passwd"));
            return w;
        }, "images/objects/passwd.png", null).also("symbolic link"));
        cases.add(c("symlink_inside_the_folder", src -> {
            Path w = world(src, VALID);
            put(w, "world_card.png", new byte[]{(byte) 0x89, 'P', 'N', 'G'});
            Files.createSymbolicLink(w.resolve("card_alias.png"), Path.of("world_card.png"));
            return w;
        }, "card_alias.png", null).also("symbolic link"));
        cases.add(c("symlinked_directory_inside_the_folder", src -> {
            Path w = world(src, VALID);
            put(w, "images/backgrounds/gate.png", new byte[]{1, 2, 3});
            Files.createSymbolicLink(w.resolve("rooms"), Path.of("images/backgrounds"));
            return w;
        }, "rooms", null).also("symbolic link"));
        cases.add(c("symlinked_state_file", src -> {
            Path w = dir(src.resolve(WORLD));
            put(src, "elsewhere.json", VALID);
            Files.createSymbolicLink(w.resolve("world_state.json"), Path.of("../elsewhere.json"));
            return w;
        }, state, null).also("symbolic link"));
        cases.add(c("named_pipe", src -> {
            Path w = world(src, VALID);
            Path fifo = dir(w.resolve("chats")).resolve("pipe.jsonl");
            mkfifo(fifo);
            return w;
        }, "chats/pipe.jsonl", null).also("pipe"));

        // Folder names (§2, checklist 3).
        cases.add(c("folder_name_with_line_feed", src -> world(src.resolve("base"), "a\nb", VALID), null, null)
                .also("U+000A"));
        cases.add(c("folder_name_with_backslash", src -> world(src.resolve("base"), "a\\b", VALID), null, null)
                .also("a\\b"));
        cases.add(c("folder_name_with_bell_character", src -> world(src.resolve("base"), "a\u0007b", VALID), null, null)
                .also("U+0007"));
        cases.add(c("folder_name_with_bell_character_in_base", src -> world(src.resolve("base"), "b\u0007c", VALID),
                null, null).also("U+0007").mode(Mode.BASE));
        cases.add(c("path_is_a_regular_file", src -> put(src, "not_a_folder.json", VALID).resolve("not_a_folder.json"), null, null)
                .mode(Mode.THROWN_OR_REJECTED));

        // No state at all (§8 step 5, checklist 30, 31).
        cases.add(c("only_metadata_json", src -> put(dir(src.resolve(WORLD)), "metadata.json",
                "{\n  \"name\": \"Only Metadata\",\n  \"version\": \"1.0\"\n}"), state, null)
                .also("missing", "no backups"));
        cases.add(c("state_missing_no_backups", src -> {
            Path w = dir(src.resolve("base").resolve(WORLD));
            put(w, "world_card.png", new byte[]{(byte) 0x89, 'P', 'N', 'G'});
            put(w, "chats/good.jsonl", HEADER + "\n" + MESSAGE + "\n");
            put(w, "events/e.json", "{\"id\": \"e\"}");
            return w;
        }, state, null).also("missing", "no backups").mode(Mode.BASE));
        cases.add(c("state_is_a_directory", src -> {
            Path w = dir(src.resolve(WORLD));
            put(w, "world_state.json/inner.json", VALID);
            return w;
        }, state, null));

        return cases.stream();
    }

    // ---------------------------------------------------------------------------------------------------
    // The tests

    @TempDir
    Path tmp;

    @Test
    void thereAreAtLeastFortyFiveNamedCases() {
        List<String> names = cases().map(Case::name).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(45).doesNotHaveDuplicates();
    }

    /** The folder every bad case breaks imports cleanly, so each case fails for its one defect only. */
    @Test
    void theControlFolderImports() throws Exception {
        Path src = tmp.resolve("src");
        Path w = world(src, VALID);
        put(w, "chats/good.jsonl", HEADER + "\n" + MESSAGE + "\n");
        put(w, "chats/chat_a.json", CHAT_A);
        put(w, "events/e.json", "{\"id\": \"e\"}");
        put(w, "world_card.png", new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        put(w, BACKUP, metadataString());
        try (WorldStore store = TestStores.configure(tmp.resolve("store")).open()) {
            List<ImportResult> results = store.folders().importFolders(List.of(w), false);
            assertThat(results).hasSize(1);
            ImportResult r = results.get(0);
            assertThat(r.error()).isNull();
            assertThat(r.outcome()).isEqualTo(ImportOutcome.IMPORTED);
            assertThat(r.shape()).isEqualTo(WorldShape.F);
            assertThat(r.counts().locations()).isEqualTo(1);
            assertThat(r.counts().unconnectedLocations()).isEqualTo(1);
            assertThat(r.counts().chats()).isEqualTo(2);
            assertThat(r.counts().messages()).isEqualTo(1);
            assertThat(r.counts().events()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aBadFolderIsRejectedAndChangesNothing(Case bad) throws Exception {
        try (WorldStore store = TestStores.configure(tmp.resolve("store")).open()) {
            Path good = Trees.fixtureWorlds("a-tiny", tmp.resolve("good"));
            List<ImportResult> imported = store.folders().importFolders(List.of(good), false);
            assertThat(imported).extracting(ImportResult::outcome).containsExactly(ImportOutcome.IMPORTED);

            Path src = tmp.resolve("src");
            Files.createDirectories(src);
            Path folder = bad.build().in(src);
            Path importPath = bad.mode() == Mode.BASE ? folder.getParent() : folder;
            Map<String, String> sourceBefore = snapshot(src);
            String digestBefore = StoreDigest.of(store);

            String error;
            if (bad.mode() == Mode.THROWN_OR_REJECTED) {
                List<ImportResult> results = null;
                String thrown = null;
                try {
                    results = store.folders().importFolders(List.of(importPath), false);
                } catch (InvalidInputException e) {
                    thrown = e.getMessage();
                }
                if (thrown != null) {
                    error = thrown;
                } else {
                    error = onlyRejection(results);
                }
            } else {
                error = onlyRejection(store.folders().importFolders(List.of(importPath), false));
            }

            System.out.println(bad.name() + " => " + error);
            // The invariants first, so that a case failing on its message has still checked them.
            assertThat(StoreDigest.of(store)).as("the store is exactly as before").isEqualTo(digestBefore);
            assertThat(store.worlds().exists("Tiny_World")).isTrue();
            assertThat(snapshot(src)).as("the source folder is untouched").isEqualTo(sourceBefore);
            assertThat(error).as("the message names the world folder").contains(folder.toString());
            assertThat(error).as("the message says what was expected").contains("expected");
            if (bad.expectedFile() != null) {
                assertThat(error).as("the message names the file").contains(bad.expectedFile());
                if (bad.position() != null) {
                    String after = error.substring(error.indexOf(bad.expectedFile()));
                    assertThat(Pattern.compile(bad.position()).matcher(after).find())
                            .as("the message gives the position /%s/ after %s in:%n%s", bad.position(), bad.expectedFile(), error)
                            .isTrue();
                    // The spec's examples (§10.3): "worlds/Old_Keep: chats/hall_chat.jsonl line 3: expected ...".
                    String re = Pattern.quote(bad.expectedFile()) + bad.position() + ": expected";
                    assertThat(Pattern.compile(re).matcher(error).find())
                            .as("§10.3 format \"<folder>: <file><position>: expected ...\" (/%s/) in:%n%s", re, error)
                            .isTrue();
                }
            }
            for (String fragment : bad.also()) {
                assertThat(error).contains(fragment);
            }
        }
    }

    private static String onlyRejection(List<ImportResult> results) {
        assertThat(results).as("one world folder, one result").hasSize(1);
        ImportResult r = results.get(0);
        assertThat(r.outcome()).as("outcome; error = %s", r.error()).isEqualTo(ImportOutcome.REJECTED);
        assertThat(r.error()).isNotNull();
        return r.error();
    }

    // ---------------------------------------------------------------------------------------------------
    // Building folders

    static Path world(Path src, String state) throws IOException {
        return world(src, WORLD, state);
    }

    static Path world(Path src, byte[] state) throws IOException {
        Path w = dir(src.resolve(WORLD));
        Files.write(w.resolve("world_state.json"), state);
        return w;
    }

    static Path world(Path src, String name, String state) throws IOException {
        Path w = dir(src.resolve(name));
        Files.writeString(w.resolve("world_state.json"), state, StandardCharsets.UTF_8);
        return w;
    }

    /** A valid world with one chat file. */
    static Path chat(Path src, String name, String content) throws IOException {
        Path w = world(src, VALID);
        put(w, "chats/" + name, content);
        return w;
    }

    static Path dir(Path p) throws IOException {
        return Files.createDirectories(p);
    }

    /** Writes {@code rel} under {@code folder} and returns the folder. */
    static Path put(Path folder, String rel, String content) throws IOException {
        return put(folder, rel, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path put(Path folder, String rel, byte[] content) throws IOException {
        Path f = folder.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.write(f, content);
        return folder;
    }

    static void mkfifo(Path fifo) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        Assumptions.assumeTrue(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "mkfifo made no pipe");
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** {@link #VALID} with one exact, unique piece replaced. */
    static String mutate(String from, String to) {
        return replaceOnce(VALID, from, to);
    }

    static String replaceOnce(String text, String from, String to) {
        int i = text.indexOf(from);
        if (i < 0 || text.indexOf(from, i + 1) >= 0) {
            throw new IllegalStateException("\"" + from + "\" must occur exactly once in the template");
        }
        return text.substring(0, i) + to + text.substring(i + from.length());
    }

    /** The text without the one line holding {@code marker}. */
    static String removeLine(String text, String marker) {
        int i = text.indexOf(marker);
        if (i < 0 || text.indexOf(marker, i + 1) >= 0) {
            throw new IllegalStateException("\"" + marker + "\" must occur exactly once in the template");
        }
        int start = text.lastIndexOf('\n', i) + 1;
        int end = text.indexOf('\n', i);
        return text.substring(0, start) + text.substring(end + 1);
    }

    /** 1-based line of the first occurrence of {@code marker}. */
    static long lineOf(String text, String marker) {
        int i = text.indexOf(marker);
        if (i < 0) {
            throw new IllegalStateException("no " + marker);
        }
        return text.substring(0, i).chars().filter(ch -> ch == '\n').count() + 1;
    }

    /** Invalid JSON: a trailing comma before the final brace. */
    static String trailingComma() {
        return mutate("\"base_character_id\": null\n}", "\"base_character_id\": null,\n}");
    }

    /** A valid-looking shape-H state whose metadata is a string. */
    static String metadataString() {
        return mutate("\"base_character_id\": null\n}", "\"base_character_id\": null,\n  \"metadata\": \"oops\"\n}");
    }

    /**
     * Every entry under {@code root}: regular files by content digest (via {@link Trees#files}) and every
     * entry's kind and modification time, links not followed.
     */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> snap = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : Trees.files(root).entrySet()) {
            snap.put("bytes " + f.getKey(), sha256(f.getValue()));
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String kind = Files.isSymbolicLink(p) ? "link " + Files.readSymbolicLink(p)
                        : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir"
                        : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? "file" : "other";
                snap.put("entry " + root.relativize(p), kind + " " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS));
            }
        }
        return snap;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
