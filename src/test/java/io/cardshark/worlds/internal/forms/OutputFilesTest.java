package io.cardshark.worlds.internal.forms;

import static io.cardshark.worlds.internal.forms.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardshark.worlds.testing.LaterSamples;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every file of a converted world has a path the store can write: safe segments, no case clash. */
class OutputFilesTest {

    private final byte[] card = LaterSamples.bytes(LaterSamples.V2_PNG, "world_card.png");

    @Test
    void aCardWhoseFileNameIsNotASafeSegmentIsRefused() {
        Path control = Path.of("/in/bell\u0007.png");
        assertRefused(() -> V2CardForm.convert(control, card), "cardshark-original/bell\\u0007.png", "control character U+0007");
        Path tooLong = Path.of("/in/" + "ä".repeat(130) + ".png");
        assertRefused(() -> V2CardForm.convert(tooLong, card), "is longer than 255 UTF-8 bytes");
    }

    @Test
    void twoPathsEqualIgnoringCaseAreRefused() {
        OutputFiles files = new OutputFiles(Origin.file(Path.of("/in/world.zip")));
        files.add("images/backgrounds/Gate.png", new byte[]{1});
        assertRefused(() -> files.add("images/backgrounds/gate.png", new byte[]{2}), "/in/world.zip",
                "two files would be kept at \"images/backgrounds/gate.png\"");
        assertThat(files.list()).hasSize(1);
    }

    @Test
    void originalsGoUnderTheirOwnPrefix() {
        OutputFiles files = new OutputFiles(Origin.file(Path.of("/in/world.zip")));
        files.original("world_state.json", new byte[]{1});
        assertThat(files.list()).extracting(ConvertedFile::path).containsExactly(LaterForms.ORIGINALS + "world_state.json");
    }
}
