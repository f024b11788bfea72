package io.cardshark.worlds.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every JSON file CardShark wrote in the fixtures must come back out byte for byte (format §9.3). */
class FixtureRoundTripTest {

    private static final String CORRUPT = "d-corrupt-with-backup/worlds/Backup_Test/world_state.json";
    private static Path root;
    private static List<Path> files;

    @BeforeAll
    static void findFixtures() throws IOException, URISyntaxException {
        root = Path.of(FixtureRoundTripTest.class.getResource("/fixtures/cardshark").toURI());
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').matches("[^/]+/worlds/.*"))
                    .sorted().toList();
        }
    }

    private static String name(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    @Test
    void everyValidFileReserialisesByteIdenticalUnderItsDetectedStyle() throws IOException {
        assertThat(files).hasSize(18);
        List<String> reproduced = new ArrayList<>();
        for (Path file : files) {
            if (name(file).equals(CORRUPT)) {
                continue;
            }
            byte[] original = Files.readAllBytes(file);
            JsonReader.Parsed parsed = JsonReader.read(original);
            assertThat(parsed.hadBom()).isFalse();
            Optional<JsonStyle> style = JsonStyle.detect(original, parsed.value(), false);
            assertThat(style).as(name(file)).isPresent();
            assertThat(JsonWriter.toBytes(parsed.value(), style.get())).as(name(file)).isEqualTo(original);
            reproduced.add(name(file));
        }
        assertThat(reproduced).hasSize(17);
    }

    @Test
    void detectsCardSharksStyles() throws IOException {
        // Shape-B chats are raw UTF-8; everything else is ensure_ascii=True (fixtures README).
        assertThat(styleOf("c-chats/worlds/Elara_s_Chat_World/chats/chat_35fca3bf.json", false))
                .isEqualTo(new JsonStyle(2, false, false, false));
        assertThat(styleOf("b-unicode-rich/worlds/Drachen-Höhle_Ünïcødé_Test_Wörld_/world_state.json", false))
                .isEqualTo(JsonStyle.CARDSHARK);
        assertThat(styleOf("b-unicode-rich/worlds/Drachen-Höhle_Ünïcødé_Test_Wörld_/world_state.json", true))
                .isEqualTo(JsonStyle.CARDSHARK); // escapes in the file rule out ensure_ascii=False
        // A pure-ASCII file reproduces either way: true unless the caller prefers false.
        assertThat(styleOf("a-tiny/worlds/Tiny_World/world_state.json", false)).isEqualTo(JsonStyle.CARDSHARK);
        assertThat(styleOf("a-tiny/worlds/Tiny_World/world_state.json", true)).isEqualTo(JsonStyle.DOCUMENTED);
    }

    @Test
    void detectionAgreesWithTryingAllEightStyles() throws IOException {
        for (Path file : files) {
            if (name(file).equals(CORRUPT)) {
                continue;
            }
            byte[] original = Files.readAllBytes(file);
            Json value = JsonReader.read(original).value();
            for (boolean preferFalse : new boolean[] {false, true}) {
                assertThat(JsonStyle.detect(original, value, preferFalse)).as(name(file))
                        .isEqualTo(bruteForce(original, value, preferFalse));
            }
        }
    }

    static Optional<JsonStyle> bruteForce(byte[] original, Json value, boolean preferAsciiFalse) {
        List<JsonStyle> matching = new ArrayList<>();
        for (boolean ascii : new boolean[] {true, false}) {
            for (boolean crlf : new boolean[] {false, true}) {
                for (boolean fin : new boolean[] {false, true}) {
                    JsonStyle s = new JsonStyle(2, ascii, crlf, fin);
                    if (java.util.Arrays.equals(JsonWriter.toBytes(value, s), original)) {
                        matching.add(s);
                    }
                }
            }
        }
        return matching.stream().filter(s -> s.ensureAscii() != preferAsciiFalse).findFirst()
                .or(() -> matching.stream().findFirst());
    }

    @Test
    void theTruncatedStateFileFailsWithAPosition() throws IOException {
        byte[] corrupt = Files.readAllBytes(root.resolve(CORRUPT));
        JsonSyntaxException e = catchThrowableOfType(JsonSyntaxException.class, () -> JsonReader.read(corrupt));
        assertThat(e).isNotNull();
        long lines = new String(corrupt, java.nio.charset.StandardCharsets.UTF_8).lines().count();
        assertThat(e.line()).isEqualTo(lines); // cut off in its last line
        assertThat(e.column()).isPositive();
        assertThat(e.getMessage()).matches("line \\d+ column \\d+: expected valid JSON \\(.+\\)");
    }

    @Test
    void everyProperPrefixOfAFixtureIsRejectedCleanly() throws IOException {
        for (String file : new String[] {
            "b-unicode-rich/worlds/Drachen-Höhle_Ünïcødé_Test_Wörld_/world_state.json",
            "c-chats/worlds/Elara_s_Chat_World/chats/chat_35fca3bf.json", // raw UTF-8: cuts inside characters
        }) {
            byte[] whole = Files.readAllBytes(root.resolve(file));
            for (int len = 0; len < whole.length; len++) {
                byte[] prefix = java.util.Arrays.copyOf(whole, len);
                int cut = len;
                assertThatThrownBy(() -> JsonReader.read(prefix)).as("%s cut at %d", file, cut)
                        .isInstanceOfSatisfying(JsonSyntaxException.class, e -> {
                            assertThat(e.line()).isPositive();
                            assertThat(e.column()).isPositive();
                        });
            }
        }
    }

    private static JsonStyle styleOf(String file, boolean preferAsciiFalse) throws IOException {
        byte[] original = Files.readAllBytes(root.resolve(file));
        return JsonStyle.detect(original, JsonReader.read(original).value(), preferAsciiFalse).orElseThrow();
    }
}
