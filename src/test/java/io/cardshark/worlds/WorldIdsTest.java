package io.cardshark.worlds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The display-name-to-id table of format spec §2, row by row. */
class WorldIdsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Tiny World | Tiny_World",
            "Elara's Chat World | Elara_s_Chat_World",
            "Drachen-Höhle 🐉: Ünïcødé / ../Test <Wörld>? | Drachen-Höhle_Ünïcødé_Test_Wörld_",
            "../another/world!@# | _another_world_",
            "My  World | My_World",
            "My/World | My_World",
            "My_World | My_World",
            "Dragon 🐉 Lair | Dragon_Lair",
            "!!! | _",
            ".. | _",
            "\"   \" | _",
            "東京 タワー | 東京_タワー",
            "x² | x²",
            "Ⅻ | Ⅻ",
            "Ｆｕｌｌ | Ｆｕｌｌ",
            "٣ | ٣",
            "_- | _-",
    })
    void displayNameGivesCardSharksId(String displayName, String id) {
        assertThat(WorldIds.fromDisplayName(displayName)).isEqualTo(id);
    }

    @Test
    void combiningMarksAndJoinersAreNotWordCharacters() {
        assertThat(WorldIds.fromDisplayName("Cafe\u0301")).isEqualTo("Cafe_");
        assertThat(WorldIds.fromDisplayName("a\u203Fb")).isEqualTo("a_b");
        assertThat(WorldIds.fromDisplayName("a\u200Db")).isEqualTo("a_b");
    }

    @Test
    void emptyAndOverlongNamesAreRejected() {
        assertThatThrownBy(() -> WorldIds.fromDisplayName("")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("display name");
        assertThatThrownBy(() -> WorldIds.fromDisplayName("é".repeat(128))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("255 UTF-8 bytes");
        assertThat(WorldIds.fromDisplayName("é".repeat(127))).hasSize(127);
    }

    @Test
    void safeSegmentsRefuseEscapesAndControls() {
        assertThat(WorldIds.isSafeSegment("Drachen-Höhle_Ünïcødé_Test_Wörld_")).isTrue();
        assertThat(WorldIds.isSafeSegment("fackel 🔥.png")).isTrue();
        assertThat(WorldIds.safeSegmentProblem("..")).contains("\"..\"");
        assertThat(WorldIds.safeSegmentProblem(".")).isNotNull();
        assertThat(WorldIds.safeSegmentProblem("")).isNotNull();
        assertThat(WorldIds.safeSegmentProblem("a/b")).contains("'/'");
        assertThat(WorldIds.safeSegmentProblem("a\\b")).contains("'\\'");
        assertThat(WorldIds.safeSegmentProblem("a\u0007")).contains("U+0007");
        assertThat(WorldIds.safeSegmentProblem("a\u0085")).contains("U+0085");
        assertThat(WorldIds.safeSegmentProblem("x".repeat(256))).contains("255");
    }

    @Test
    void caseFoldingMatchesEqualsIgnoreCase() {
        assertThat(WorldIds.caseFold("My_World")).isEqualTo(WorldIds.caseFold("my_world"));
        assertThat(WorldIds.caseFold("ÜBER")).isEqualTo(WorldIds.caseFold("über"));
        assertThat(WorldIds.caseFold("Tiny")).isNotEqualTo(WorldIds.caseFold("Tinyx"));
    }
}
