package io.cardshark.worlds.folder;

import io.cardshark.worlds.testing.TestStores;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonWriter;
import io.cardshark.worlds.testing.JsonEdit;
import io.cardshark.worlds.testing.LaterSamples;
import io.cardshark.worlds.testing.StoreDigest;
import io.cardshark.worlds.testing.TestPngs;
import io.cardshark.worlds.testing.TestZips;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged, hostile or unknown inputs of the later forms (format spec §12), given to the store's import: world
 * card PNGs, world ZIPs and rooms-array world folders, each the real sample with one thing broken. Each must be
 * rejected with a message that names the file, and the archive entry, PNG chunk or JSON pointer, and says what
 * was expected or which versions are supported; the store's digest and the source must stay exactly as they were.
 */
class LaterFormsBadInputTest {

    @TempDir
    static Path storeDir;
    static WorldStore store;

    @TempDir
    Path src;

    /** Offset of the sample card's tEXt chunk: 8 signature bytes + 25 of IHDR (expected.json: IHDR, tEXt, ...). */
    private static final int TEXT_AT = 33;

    @BeforeAll
    static void storeWithWorlds() throws IOException {
        store = TestStores.configure(storeDir.resolve("store")).open();
        store.folders().importFolders(List.of(Trees.fixtureWorlds("a-tiny", storeDir.resolve("good")),
                LaterSamples.path(LaterSamples.CARDSHARK_ZIP, "world.cardshark.zip")), false)
                .forEach(r -> assertThat(r.error()).isNull());
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    /** Writes the bad input under the test's source folder and returns the path to import. */
    @FunctionalInterface
    interface Build {
        Path in(Path src) throws IOException;
    }

    record Case(String name, Build build, List<String> says) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, Build build, String... says) {
        return new Case(name, build, List.of(says));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedNamingWhereAndLeavesTheStoreAsItWas(Case bad) throws IOException {
        Path input = bad.build().in(src);
        Map<String, byte[]> sourceBefore = Trees.files(src);
        String before = StoreDigest.of(store);

        List<ImportResult> results = store.folders().importFolders(List.of(input), true);

        assertThat(results).hasSize(1);
        ImportResult r = results.get(0);
        assertThat(r.outcome()).isEqualTo(ImportOutcome.REJECTED);
        assertThat(r.counts()).isEqualTo(ImportCounts.NONE);
        assertThat(r.worldId()).isNotBlank();
        assertThat(r.error()).as("the message names the input").contains(input.toString());
        for (String fragment : bad.says()) {
            assertThat(r.error()).contains(fragment);
        }
        assertThat(StoreDigest.of(store)).as("the store is unchanged").isEqualTo(before);
        Map<String, byte[]> sourceAfter = Trees.files(src);
        assertThat(sourceAfter).containsOnlyKeys(sourceBefore.keySet());
        sourceBefore.forEach((path, bytes) -> assertThat(sourceAfter.get(path)).as(path).isEqualTo(bytes));
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(pngCases());
        cases.addAll(zipCases());
        cases.addAll(format1Cases());
        cases.addAll(cardsharkZipCases());
        cases.addAll(folderCases());
        return cases;
    }

    // ---------------------------------------------------------------------------------------------------
    // V2 world card PNGs

    private static List<Case> pngCases() {
        return List.of(
                c("png_bad_signature", s -> card(s, patched(sample(), 1, 'X')), "not a PNG file"),
                c("png_cut_short_inside_a_chunk", s -> card(s, Arrays.copyOf(sample(), 200)),
                        "chunk 1 (tEXt) at offset 33", "runs past the end of the file"),
                c("png_crc_mismatch", s -> card(s, patched(sample(), TEXT_AT + 20, sample()[TEXT_AT + 20] ^ 1)),
                        "chunk 1 (tEXt) at offset 33", "CRC-32 mismatch"),
                c("png_chunk_length_over_the_limit", s -> card(s, withInt(sample(), TEXT_AT, 0x7FFFFFF0)),
                        "chunk 1 (tEXt) at offset 33", "exceeds the limit"),
                c("png_bytes_after_iend", s -> card(s, Arrays.copyOf(sample(), sample().length + 3)),
                        "3 bytes follow the IEND chunk"),
                c("png_without_a_card", s -> card(s, TestPngs.png(TestPngs.text("Comment", "hello"))),
                        "no \"chara\" text chunk"),
                c("png_card_not_base64", s -> card(s, TestPngs.png(TestPngs.text("chara", "{\"spec\": 1}"))),
                        "chunk 1 (tEXt \"chara\") at offset 33", "not base64"),
                c("png_ztxt_bomb", s -> card(s, TestPngs.png(TestPngs.compressedText("chara", new byte[17 << 20]))),
                        "chunk 1 (zTXt) at offset 33", "inflates to more than"),
                c("png_a_character_card_not_a_world", s -> card(s, TestPngs.card(JsonObject.builder()
                        .put("spec", new JsonString("chara_card_v2"))
                        .put("data", JsonObject.builder().put("name", new JsonString("Mira"))
                                .put("extensions", JsonObject.EMPTY).build()).build())),
                        "no data.extensions.world_data"),
                c("png_schema_version_3", s -> card(s, worldData(JsonNumber.of(3), "schema_version")),
                        "chunk 1 (tEXt \"chara\")", "at /data/extensions/world_data/schema_version",
                        "schema_version 3 is not supported; supported: 2"),
                c("png_room_without_id", s -> card(s, worldData(JsonNull.INSTANCE, "rooms", 0, "id")),
                        "at /data/extensions/world_data/rooms/0/id", "expected a string, found null"),
                c("png_two_rooms_with_one_id", s -> card(s, worldData(new JsonString("room-market"), "rooms", 0, "id")),
                        "at /data/extensions/world_data/rooms/1", "room-market", "expected unique room ids"));
    }

    private static byte[] sample() {
        return LaterSamples.bytes(LaterSamples.V2_PNG, "world_card.png");
    }

    /** The sample card with one value of its {@code world_data} replaced. */
    private static byte[] worldData(Json value, Object... path) {
        Object[] full = new Object[path.length + 3];
        full[0] = "data";
        full[1] = "extensions";
        full[2] = "world_data";
        System.arraycopy(path, 0, full, 3, path.length);
        return TestPngs.withCard(sample(), JsonEdit.putObject(TestPngs.readCard(sample()), value, full));
    }

    private static Path card(Path src, byte[] png) throws IOException {
        return Files.write(src.resolve("world_card.png"), png);
    }

    // ---------------------------------------------------------------------------------------------------
    // Any world ZIP: the archive itself

    private static List<Case> zipCases() {
        byte[] png = sample();
        return List.of(
                c("zip_that_is_no_zip", s -> zip(s, "world.zip", "PK, but not really".getBytes(StandardCharsets.UTF_8)),
                        "no end-of-central-directory record"),
                c("zip_entry_climbing_out", s -> zip(s, "world.zip", TestZips.zip(Map.of("../world_meta.json", png))),
                        "entry ../world_meta.json", "has a \"..\" segment"),
                c("zip_entry_with_an_absolute_name", s -> zip(s, "world.zip", TestZips.zip(Map.of("/etc/world.png", png))),
                        "entry /etc/world.png", "is an absolute path"),
                c("zip_entry_that_is_a_link", s -> zip(s, "world.zip",
                                TestZips.withUnixMode(TestZips.zip(Map.of("world.png", png)), "world.png", 0120777)),
                        "entry world.png", "symbolic link"),
                c("zip_bomb", s -> zip(s, "world.zip", TestZips.zip(Map.of("world_meta.json", new byte[4 << 20]))),
                        "entry world_meta.json", "compression ratio", "a zip bomb?"),
                c("zip_entry_longer_than_declared", s -> zip(s, "world.zip",
                                TestZips.withDeclaredSize(TestZips.zip(Map.of("world.png", png)), "world.png", 100)),
                        "entry world.png", "longer than the declared size of 100 bytes"),
                c("zip_entry_crc_mismatch", s -> zip(s, "world.zip",
                                TestZips.withDeclaredCrc(TestZips.zip(Map.of("world.png", png)), "world.png", 0x12345678)),
                        "entry world.png", "CRC-32 mismatch"),
                c("zip_entries_differing_in_case", s -> zip(s, "world.zip", TestZips.zip(ordered(
                                "world.png", png, "characters/Mira.png", png, "characters/mira.png", png))),
                        "entry characters/mira.png", "differs only in case"),
                c("zip_of_something_else", s -> zip(s, "world.zip", TestZips.zip(Map.of("readme.txt", png))),
                        "neither world_meta.json (ZIP format 1) nor world.png (.cardshark.zip)"),
                c("zip_with_too_many_entries", s -> zip(s, "world.zip", TestZips.zip(manyEntries(10_001))),
                        "the archive lists 10001 entries; the limit is 10000"));
    }

    private static Map<String, byte[]> manyEntries(int count) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put("e" + i, new byte[0]);
        }
        return entries;
    }

    private static Map<String, byte[]> ordered(Object... namesAndBytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndBytes.length; i += 2) {
            entries.put((String) namesAndBytes[i], (byte[]) namesAndBytes[i + 1]);
        }
        return entries;
    }

    private static Path zip(Path src, String name, byte[] bytes) throws IOException {
        return Files.write(src.resolve(name), bytes);
    }

    // ---------------------------------------------------------------------------------------------------
    // ZIP format 1 (bf1064a)

    private static List<Case> format1Cases() {
        return List.of(
                c("format1_version_2", s -> format1(s, "world_meta.json", meta(JsonNumber.of(2), "format_version")),
                        "entry world_meta.json", "at /format_version", "format_version 2 is not supported; supported: 1"),
                c("format1_state_not_json", s -> format1(s, "world_state.json", "{\"schema_version\": 2,".getBytes(StandardCharsets.UTF_8)),
                        "entry world_state.json", "not valid JSON", "line 1 column"),
                c("format1_state_missing", s -> format1(s, "world_state.json", null),
                        "the entry world_state.json is missing"),
                c("format1_state_schema_version_1", s -> format1(s, "world_state.json",
                                state(JsonNumber.of(1), "schema_version")),
                        "entry world_state.json", "at /schema_version", "schema_version 1 is not supported; supported: 2"),
                c("format1_cover_cut_short", s -> format1(s, "cover.png", Arrays.copyOf(sample(), 100)),
                        "entry cover.png", "chunk 1 (tEXt) at offset 33"),
                c("format1_npc_card_not_a_png", s -> format1(s, "npcs/Old_Tobin.png", "GIF89a".getBytes(StandardCharsets.UTF_8)),
                        "entry npcs/Old_Tobin.png", "not a PNG file"),
                c("format1_entry_named_like_a_temp_file", s -> format1(s, "images/gate.png.tmp", sample()),
                        "cardshark-original/images/gate.png.tmp", "a name ending in .tmp is never exported or imported"),
                c("format1_entry_named_like_a_backup", s -> format1(s, "notes/world_state.backup.1.json", "{}".getBytes(StandardCharsets.UTF_8)),
                        "cardshark-original/notes/world_state.backup.1.json", "it is a backup name"));
    }

    private static Map<String, byte[]> format1Entries() {
        return LaterSamples.zipEntries(LaterSamples.path(LaterSamples.ZIP_1, "world.zip"));
    }

    private static byte[] meta(Json value, Object... path) {
        return edited(format1Entries().get("world_meta.json"), value, path);
    }

    private static byte[] state(Json value, Object... path) {
        return edited(format1Entries().get("world_state.json"), value, path);
    }

    private static byte[] edited(byte[] json, Json value, Object... path) {
        JsonObject doc = (JsonObject) JsonReader.read(json).value();
        return JsonWriter.toBytes(JsonEdit.putObject(doc, value, path), JsonStyle.CARDSHARK);
    }

    /** The format-1 sample with one entry replaced, added, or (bytes {@code null}) removed. */
    private static Path format1(Path src, String entry, byte[] bytes) throws IOException {
        return zip(src, "world.zip", TestZips.zip(changed(format1Entries(), entry, bytes)));
    }

    private static Map<String, byte[]> changed(Map<String, byte[]> entries, String entry, byte[] bytes) {
        Map<String, byte[]> copy = new LinkedHashMap<>(entries);
        if (bytes == null) {
            copy.remove(entry);
        } else {
            copy.put(entry, bytes);
        }
        return copy;
    }

    // ---------------------------------------------------------------------------------------------------
    // .cardshark.zip (dfdeec8)

    private static final String ROOM = "rooms/935a4ce5-4296-4a1b-b906-52c8b624cedc.png";

    private static List<Case> cardsharkZipCases() {
        return List.of(
                c("cardshark_zip_world_card_crc_mismatch", s -> cardsharkZip(s, "world.png",
                                patched(worldCard(), TEXT_AT + 20, worldCard()[TEXT_AT + 20] ^ 1)),
                        "entry world.png", "chunk 1 (tEXt) at offset 33", "CRC-32 mismatch"),
                c("cardshark_zip_spec_version_3", s -> cardsharkZip(s, "world.png", TestPngs.withCard(worldCard(),
                                JsonEdit.putObject(TestPngs.readCard(worldCard()), new JsonString("3.0"), "spec_version"))),
                        "entry world.png", "at /spec_version", "spec_version 3.0 is not supported; supported: 2.0"),
                c("cardshark_zip_room_card_is_a_character", s -> cardsharkZip(s, ROOM,
                                cardsharkEntries().get("characters/Lady Maren.png")),
                        "entry " + ROOM, "not a room card"),
                c("cardshark_zip_placement_without_room_uuid", s -> cardsharkZip(s, "world.png", TestPngs.withCard(worldCard(),
                                JsonEdit.putObject(TestPngs.readCard(worldCard()), new JsonArray(List.of(JsonNumber.of(7))),
                                        "data", "extensions", "world_data", "rooms"))),
                        "entry world.png", "at /data/extensions/world_data/rooms/0", "expected an object"));
    }

    private static Map<String, byte[]> cardsharkEntries() {
        return LaterSamples.zipEntries(LaterSamples.path(LaterSamples.CARDSHARK_ZIP, "world.cardshark.zip"));
    }

    private static byte[] worldCard() {
        return cardsharkEntries().get("world.png");
    }

    private static Path cardsharkZip(Path src, String entry, byte[] bytes) throws IOException {
        return zip(src, "world.cardshark.zip", TestZips.zip(changed(cardsharkEntries(), entry, bytes)));
    }

    // ---------------------------------------------------------------------------------------------------
    // Form R world folders, and files of no later form

    private static List<Case> folderCases() {
        return List.of(
                c("formr_room_x_is_a_string", s -> formR(s, new JsonString("0"), "rooms", 0, "x"),
                        "world_state.json at /rooms/0/x", "expected an integer, found the string \"0\""),
                c("formr_room_name_missing", s -> formR(s, JsonNull.INSTANCE, "rooms", 1, "name"),
                        "world_state.json at /rooms/1/name", "expected a string, found null"),
                c("formr_two_rooms_with_one_id", s -> formR(s, new JsonString("room-2"), "rooms", 2, "id"),
                        "world_state.json at /rooms/2", "\"room-2\" is used again"),
                c("a_file_of_no_later_form", s -> Files.writeString(s.resolve("notes.txt"), "hello"),
                        "not a later CardShark world form", ".png world card", ".zip world export"),
                c("a_shape_f_state_given_as_a_file", s -> {
                    Path world = Files.createDirectories(s.resolve("Tiny"));
                    return Files.writeString(world.resolve("world_state.json"), "{\"name\": \"Tiny\", \"locations\": {}}");
                }, "expected a rooms-array world state (form R)", "give the folder"));
    }

    /** The form-R sample's world folder, with one value of its state replaced. */
    private static Path formR(Path src, Json value, Object... path) throws IOException {
        byte[] state = LaterSamples.bytes(LaterSamples.FORM_R, "worlds/Riverside_Mill/world_state.json");
        Path world = Files.createDirectories(src.resolve("Riverside_Mill"));
        Files.write(world.resolve("world_state.json"), edited(state, value, path));
        return world;
    }

    // ---------------------------------------------------------------------------------------------------

    private static byte[] patched(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) value;
        return copy;
    }

    private static byte[] withInt(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).putInt(at, value);
        return copy;
    }
}
