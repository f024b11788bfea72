package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.testing.JsonEdit;
import io.cardshark.worlds.testing.LaterSamples;
import io.cardshark.worlds.testing.StoreDigest;
import io.cardshark.worlds.testing.TestPngs;
import io.cardshark.worlds.testing.TestZips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code import} of CardShark's later forms through the command line (README, "Importing CardShark's later worlds"). */
class LaterFormsCliTest {

    @TempDir
    Path dir;

    private final Path cardsharkZip = LaterSamples.path(LaterSamples.CARDSHARK_ZIP, "world.cardshark.zip");
    private final Path card = LaterSamples.path(LaterSamples.V2_PNG, "world_card.png");

    @Test
    void importsACardsharkZipAndAWorldCardSayingTheirForms() {
        String store = dir.resolve("store").toString();
        CliRun run = CliRun.of("import", cardsharkZip.toString(), card.toString(), "--store", store);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("imported Ironwood_Keep (cardshark.zip version 2.0 from world.png; stored as shape H):"
                + " 4 locations, 0 unconnected, 0 chats, 0 messages, 0 events, 13 files, 0 backups, "
                + fileSize(cardsharkZip) + " bytes");
        assertThat(run.out()).contains("imported Saltmarsh_Harbor (V2 card version 2 from world_card.png; stored as shape H):"
                + " 4 locations")
                .contains("  warning: room \"room-d21afd65\" (Harbor Gate): image \"gate.png\" is not in the card");
        assertThat(CliRun.of("list", "--store", store).out()).contains("Ironwood Keep").contains("Saltmarsh Harbor");
        assertThat(CliRun.of("show", "Ironwood_Keep", "--store", store).out()).contains("Great Hall");
    }

    @Test
    void theJsonReportNamesTheFormAndItsVersion() {
        CliRun run = CliRun.of("import", card.toString(), "--json", "--store", dir.resolve("store").toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonObject report = (JsonObject) ((JsonArray) JsonReader.read(run.out()).value()).get(0);
        assertThat(report.get("form")).isEqualTo(new JsonString("V2 card"));
        assertThat(report.get("form_version")).isEqualTo(new JsonString("2"));
        assertThat(report.get("shape")).isEqualTo(new JsonString("H"));
        assertThat(report.get("state_file")).isEqualTo(new JsonString("world_card.png"));
    }

    @Test
    void aDamagedArchiveIsOneErrorLineNamingFileEntryAndChunkAndChangesNothing() throws Exception {
        Path store = dir.resolve("store");
        assertThat(CliRun.of("import", card.toString(), "--store", store.toString()).code()).isZero();
        String before = digest(store);
        Map<String, byte[]> entries = new LinkedHashMap<>(LaterSamples.zipEntries(cardsharkZip));
        byte[] world = entries.get("world.png").clone();
        world[60] ^= 1; // inside the tEXt chunk at offset 33: its CRC no longer matches
        entries.put("world.png", world);
        Path bad = Files.write(dir.resolve("Ironwood Keep.cardshark.zip"), TestZips.zip(entries));

        CliRun run = CliRun.of("import", bad.toString(), "--replace", "--store", store.toString());

        assertThat(run.code()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.out()).contains("rejected Ironwood Keep.cardshark.zip");
        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).singleElement().asString().startsWith("error: " + bad)
                .contains("entry world.png", "chunk 1 (tEXt) at offset 33", "CRC-32 mismatch");
        assertThat(digest(store)).isEqualTo(before);
    }

    @Test
    void namesFromACardReachTheTerminalEscaped() throws Exception {
        byte[] png = TestPngs.withCard(Files.readAllBytes(card), JsonEdit.putObject(TestPngs.readCard(Files.readAllBytes(card)),
                new JsonString("Gate\u001b]0;owned\u0007\nerror: fake"), "data", "extensions", "world_data", "rooms", 0, "name"));
        Path evil = Files.write(dir.resolve("evil.png"), png);
        CliRun run = CliRun.of("import", evil.toString(), "--store", dir.resolve("store").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("(Gate\\x1B]0;owned\\x07\\nerror: fake): image \"gate.png\"")
                .doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(run.out().lines()).noneMatch(l -> l.startsWith("error: fake"));
    }

    private static long fileSize(Path file) {
        return file.toFile().length();
    }

    private static String digest(Path store) {
        try (WorldStore s = WorldStore.configure().dataDir(store).open()) {
            return StoreDigest.of(s);
        }
    }
}
