package io.cardshark.worlds.internal.forms;

import static io.cardshark.worlds.internal.forms.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardshark.worlds.folder.WorldForm;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.testing.LaterSamples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection by file and content, and the one entry point, on the four samples. */
class LaterFormsTest {

    @TempDir
    Path dir;

    private final Path formR = LaterSamples.path(LaterSamples.FORM_R, "worlds/Riverside_Mill/world_state.json");
    private final Path card = LaterSamples.path(LaterSamples.V2_PNG, "world_card.png");
    private final Path zip1 = LaterSamples.path(LaterSamples.ZIP_1, "world.zip");
    private final Path cardsharkZip = LaterSamples.path(LaterSamples.CARDSHARK_ZIP, "world.cardshark.zip");

    @Test
    void detectsEachSamplesForm() {
        assertThat(LaterForms.detect(formR)).isEqualTo(WorldForm.SHAPE_R);
        assertThat(LaterForms.detect(card)).isEqualTo(WorldForm.V2_CARD);
        assertThat(LaterForms.detect(zip1)).isEqualTo(WorldForm.ZIP_FORMAT_1);
        assertThat(LaterForms.detect(cardsharkZip)).isEqualTo(WorldForm.CARDSHARK_ZIP);
    }

    @Test
    void convertGivesWhatEachConverterGives() throws IOException {
        byte[] r = Files.readAllBytes(formR);
        assertThat(LaterForms.convert(formR)).usingRecursiveComparison()
                .isEqualTo(RoomsArrayForm.convert("Riverside_Mill", (JsonObject) JsonReader.read(r).value(), r));
        assertThat(LaterForms.convert(card)).usingRecursiveComparison().isEqualTo(V2CardForm.convert(card, Files.readAllBytes(card)));
        assertThat(LaterForms.convert(zip1)).usingRecursiveComparison().isEqualTo(ZipFormat1Form.convert(zip1, SafeZip.read(zip1)));
        assertThat(LaterForms.convert(cardsharkZip)).usingRecursiveComparison()
                .isEqualTo(CardSharkZipForm.convert(cardsharkZip, SafeZip.read(cardsharkZip)));
    }

    @Test
    void isRoomsArrayOnlyForFormR() {
        assertThat(LaterForms.isRoomsArray(json("{\"name\": \"a\", \"rooms\": []}"))).isTrue();
        assertThat(LaterForms.isRoomsArray(json("{\"schema_version\": 2, \"rooms\": []}"))).isFalse();
        assertThat(LaterForms.isRoomsArray(json("{\"name\": \"a\", \"rooms\": [], \"locations\": {}}"))).isFalse();
        assertThat(LaterForms.isRoomsArray(json("{\"name\": \"a\", \"rooms\": {}}"))).isFalse();
        assertThat(LaterForms.isRoomsArray(json("{\"name\": \"a\", \"locations\": {}}"))).isFalse();
    }

    @Test
    void refusesAFolderShapeStateAndOtherFiles() throws IOException {
        Path shapeF = Files.writeString(dir.resolve("world_state.json"), "{\"name\": \"Tiny_World\", \"locations\": {}}");
        assertRefused(() -> LaterForms.detect(shapeF), shapeF.toString(), "expected a rooms-array world state");
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertRefused(() -> LaterForms.detect(text), text.toString(), "not a later CardShark world form");
        assertRefused(() -> LaterForms.detect(dir), dir.toString(), "not a regular file");
    }

    @Test
    void aWorldCardOfACardsharkZipAloneIsRefusedWithAHint() throws IOException {
        byte[] world = LaterSamples.zipEntries(cardsharkZip).get("world.png");
        Path file = Files.write(dir.resolve("Ironwood Keep.png"), world);
        assertRefused(() -> LaterForms.detect(file), file.toString(), "no schema_version", "import the .cardshark.zip");
    }

    private static JsonObject json(String text) {
        return (JsonObject) JsonReader.read(text.getBytes(StandardCharsets.UTF_8)).value();
    }
}
