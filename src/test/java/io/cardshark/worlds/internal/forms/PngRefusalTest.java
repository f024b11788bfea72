package io.cardshark.worlds.internal.forms;

import static io.cardshark.worlds.internal.forms.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardshark.worlds.folder.WorldForm;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.testing.TestPngs;
import io.cardshark.worlds.testing.LaterSamples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged, hostile or foreign PNG files given as world cards: each is refused with a FolderFormatException whose
 * message names the file and, where there is one, the chunk (index, type, offset).
 */
class PngRefusalTest {

    /** Offset of the sample card's tEXt chunk: 8 signature bytes + 25 of IHDR. */
    private static final int TEXT_AT = 33;

    @TempDir
    Path dir;

    private final byte[] sample = LaterSamples.bytes(LaterSamples.V2_PNG, "world_card.png");

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("card.png"), bytes);
    }

    private void assertCardRefused(byte[] png, String... fragments) throws IOException {
        Path file = write(png);
        String[] all = Arrays.copyOf(fragments, fragments.length + 1);
        all[fragments.length] = file.toString();
        assertRefused(() -> LaterForms.convert(file), all);
    }

    /** The sample's card JSON, decoded here without the code under test. */
    private JsonObject sampleCard() {
        int length = ByteBuffer.wrap(sample, TEXT_AT, 4).getInt();
        String text = new String(sample, TEXT_AT + 8, length, StandardCharsets.ISO_8859_1);
        return (JsonObject) JsonReader.read(Base64.getDecoder().decode(text.substring("chara\0".length()))).value();
    }

    private static JsonObject withWorldData(JsonObject card, String key, Json value) {
        JsonObject data = (JsonObject) card.get("data");
        JsonObject ext = (JsonObject) data.get("extensions");
        JsonObject world = (JsonObject) ext.get("world_data");
        return card.with("data", data.with("extensions", ext.with("world_data", world.with(key, value))));
    }

    @Test
    void theSampleIsAccepted() throws IOException {
        assertThat(LaterForms.detect(write(sample))).isEqualTo(WorldForm.V2_CARD);
    }

    @Test
    void badSignature() throws IOException {
        byte[] png = sample.clone();
        png[1] = 'X';
        assertCardRefused(png, "not a PNG file");
    }

    @Test
    void truncatedInsideAChunk() throws IOException {
        assertCardRefused(Arrays.copyOf(sample, 200), "chunk 1 (tEXt) at offset 33", "runs past the end of the file");
    }

    @Test
    void hugeLengthField() throws IOException {
        byte[] png = sample.clone();
        ByteBuffer.wrap(png).putInt(TEXT_AT, 0x7FFFFFF0);
        assertCardRefused(png, "chunk 1 (tEXt) at offset 33", "length 2147483632 exceeds the limit");
    }

    @Test
    void crcMismatch() throws IOException {
        byte[] png = sample.clone();
        png[TEXT_AT + 20] ^= 1;
        assertCardRefused(png, "chunk 1 (tEXt) at offset 33", "CRC-32 mismatch");
    }

    @Test
    void noIend() throws IOException {
        assertCardRefused(Arrays.copyOf(sample, sample.length - 12), "no IEND chunk");
    }

    @Test
    void bytesAfterIend() throws IOException {
        byte[] png = Arrays.copyOf(sample, sample.length + 3);
        assertCardRefused(png, "3 bytes follow the IEND chunk");
    }

    @Test
    void firstChunkNotIhdr() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(TestPngs.SIGNATURE);
        out.writeBytes(TestPngs.text("chara", "e30="));
        out.writeBytes(TestPngs.chunk("IEND", new byte[0]));
        assertCardRefused(out.toByteArray(), "chunk 0 (tEXt) at offset 8", "the first chunk must be IHDR");
    }

    @Test
    void noCharaChunk() throws IOException {
        assertCardRefused(TestPngs.png(TestPngs.text("Comment", "hello")), "no \"chara\" text chunk", "\"Comment\"");
    }

    @Test
    void twoCharaChunks() throws IOException {
        assertCardRefused(TestPngs.png(TestPngs.text("chara", "e30="), TestPngs.text("chara", "e30=")),
                "2 \"chara\" text chunks", "chunk 1 (tEXt \"chara\") at offset 33");
    }

    @Test
    void charaNotBase64() throws IOException {
        assertCardRefused(TestPngs.png(TestPngs.text("chara", "{\"spec\": \"raw json\"}")),
                "chunk 1 (tEXt \"chara\") at offset 33", "not base64");
    }

    @Test
    void base64OfSomethingNotJson() throws IOException {
        assertCardRefused(TestPngs.png(TestPngs.text("chara", TestPngs.base64("hello, card".getBytes(StandardCharsets.UTF_8)))),
                "chunk 1 (tEXt \"chara\") at offset 33", "not valid UTF-8 JSON", "line 1 column");
    }

    @Test
    void jsonThatIsNotAnObject() throws IOException {
        assertCardRefused(TestPngs.png(TestPngs.text("chara", TestPngs.base64("[1, 2]".getBytes(StandardCharsets.UTF_8)))),
                "chunk 1 (tEXt \"chara\") at offset 33", "the decoded card is an array; expected a JSON object");
    }

    @Test
    void cardWithoutWorldData() throws IOException {
        JsonObject character = JsonObject.builder().put("spec", new JsonString("chara_card_v2"))
                .put("data", JsonObject.builder().put("name", new JsonString("Mira"))
                        .put("extensions", JsonObject.EMPTY).build()).build();
        assertCardRefused(TestPngs.card(character), "chunk 1 (tEXt \"chara\")", "no data.extensions.world_data");
    }

    @Test
    void schemaVersion3() throws IOException {
        JsonObject card = withWorldData(sampleCard(), "schema_version", JsonNumber.of(3));
        assertCardRefused(TestPngs.card(card), "chunk 1 (tEXt \"chara\")", "/data/extensions/world_data/schema_version",
                "schema_version 3 is not supported; supported: 2");
    }

    @Test
    void unknownCardType() throws IOException {
        JsonObject card = sampleCard();
        JsonObject data = (JsonObject) card.get("data");
        JsonObject ext = ((JsonObject) data.get("extensions")).with("card_type", new JsonString("spaceship"));
        assertCardRefused(TestPngs.card(card.with("data", data.with("extensions", ext))),
                "unknown card_type \"spaceship\"", "supported: [world, room, character]");
    }

    @Test
    void tooManyChunks() throws IOException {
        byte[][] chunks = new byte[10_001][];
        Arrays.fill(chunks, TestPngs.chunk("teSt", new byte[0]));
        assertCardRefused(TestPngs.png(chunks), "more than 10000 chunks", "chunk 10000 at offset");
    }

    @Test
    void zTxtBomb() throws IOException {
        byte[] bomb = TestPngs.compressedText("chara", new byte[17 << 20]);
        assertThat(bomb.length).isLessThan(40_000);
        assertCardRefused(TestPngs.png(bomb), "chunk 1 (zTXt) at offset 33 keyword \"chara\"", "inflates to more than");
    }

    @Test
    void readsCompressedAndInternationalText() {
        byte[] itxt = TestPngs.chunk("iTXt", "Title\0\0\0de\0Titel\0Drachenhöhle 🐉".getBytes(StandardCharsets.UTF_8));
        byte[] png = TestPngs.png(TestPngs.compressedText("Comment", "zipped".getBytes(StandardCharsets.ISO_8859_1)), itxt);
        PngChunks chunks = PngChunks.read(png, Origin.file(dir.resolve("t.png")), PngChunks.Limits.DEFAULT);
        assertThat(chunks.texts()).extracting(PngChunks.TextChunk::keyword, PngChunks.TextChunk::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Comment", "zipped"),
                        org.assertj.core.groups.Tuple.tuple("Title", "Drachenhöhle 🐉"));
    }

    @Test
    void aFileOverTheSizeCapIsNotRead() throws IOException {
        Path file = write(sample);
        assertRefused(() -> PngChunks.read(file, new PngChunks.Limits(1000, 1 << 20, 100, 1 << 20)),
                "card.png", "larger than the limit of 1000 bytes");
    }
}
