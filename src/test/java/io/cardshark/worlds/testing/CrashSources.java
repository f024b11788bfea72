package io.cardshark.worlds.testing;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Durability;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewEvent;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worlds the crash harness's model starts worlds from: the source folders {@link CrashWorkload} imports,
 * with the image of each as an import yields it, and the image of a freshly created world.
 *
 * @param images the image of each source world, by world id
 * @param fresh  a world just created (its display name is the created world's)
 */
public record CrashSources(Map<String, WorldImage> images, WorldImage fresh) {

    /**
     * Writes the source folders into {@code sources}: two worlds built through the API (a big one, so that an
     * import takes long enough to be killed in the middle), the example world and three CardShark fixtures
     * (shape F with Unicode, JSON chats, a world recovered from its backup). Their images come from importing
     * them into {@code scratch}, which also creates the fresh world.
     */
    public static CrashSources make(Path dir, Path sources, WorldStore scratch, CrashReport report) throws IOException {
        return make(dir, sources, scratch, report, false);
    }

    /**
     * As {@link #make(Path, Path, WorldStore, CrashReport)}; {@code light}: a small world (12 locations, 120
     * messages) instead of the big one, for a harness that checks after every few operations and must be quick.
     */
    public static CrashSources make(Path dir, Path sources, WorldStore scratch, CrashReport report, boolean light)
            throws IOException {
        long made = System.nanoTime();
        Path maker = dir.resolve("maker");
        try (WorldStore store = WorldStore.open(CrashWorkload.config(maker, Durability.PROCESS_CRASH))) {
            if (light) {
                build(store, "Src Small", 12, 120, 1, 4, 1);
            } else {
                build(store, "Src Big", 150, 4000, 2, 20, 4);
            }
            build(store, "Src Mid", 30, 600, 1, 5, 2);
            store.folders().export(List.of(light ? "Src_Small" : "Src_Big", "Src_Mid"), sources, Layout.DOCUMENTED);
        }
        Trees.copy(Path.of("examples", "worlds", "Emberfall_Keep"), sources.resolve("Emberfall_Keep"));
        Map<String, String> fixtures = Map.of("b-unicode-rich", "Drachen-Höhle_Ünïcødé_Test_Wörld_",
                "c-chats", "Elara_s_Chat_World", "d-corrupt-with-backup", "Backup_Test");
        for (Map.Entry<String, String> f : fixtures.entrySet()) {
            Path base = Trees.fixtureWorlds(f.getKey(), dir.resolve("fixtures"));
            Trees.copy(base.resolve(f.getValue()), sources.resolve(f.getValue()));
        }
        Map<String, WorldImage> images = new TreeMap<>();
        try (Stream<Path> s = Files.list(sources)) {
            for (Path source : s.sorted().toList()) {
                ImportResult r = scratch.folders().importFolders(List.of(source), true).get(0);
                assertThat(r.error()).as("import of source %s", source).isNull();
                images.put(r.worldId(), WorldImage.capture(scratch, r.worldId()));
            }
        }
        scratch.worlds().create("Fresh");
        WorldImage fresh = WorldImage.capture(scratch, "Fresh");
        report.log("sources: %s, made in %d ms", images.keySet(), (System.nanoTime() - made) / 1_000_000);
        return new CrashSources(images, fresh);
    }

    private static void build(WorldStore store, String name, int locations, int messages, int chats, int events, int files) {
        store.useTransaction(tx -> {
            String id = tx.worlds().create(name).id();
            for (int i = 0; i < locations; i++) {
                tx.locations().put(id, Location.at(Coordinates.of(i % 20, i / 20, 0), "loc_" + i, "Room " + i, "d".repeat(100))
                        .withNpcs(List.of("characters/npc" + (i % 7) + ".png")));
            }
            for (int i = 0; i < Math.min(locations, 15); i++) {
                tx.players().move(id, Coordinates.of(i % 20, i / 20, 0));
            }
            for (int c = 0; c < chats; c++) {
                String chat = tx.chats().create(id, NewChat.at("loc_" + c, "chat " + c)).chatId();
                List<NewMessage> batch = new ArrayList<>();
                for (int i = 0; i < messages / chats; i++) {
                    batch.add(new NewMessage("s" + c + "_" + i, i % 2 == 0 ? "user" : "assistant", "message " + i + " ✨", (long) i));
                }
                tx.chats().appendAll(id, chat, batch);
            }
            for (int i = 0; i < events; i++) {
                tx.events().record(id, new NewEvent("ev_" + i, null, "loc_" + (i % locations), "enter", 1_000L + i, "{\"n\":" + i + "}"));
            }
            for (int i = 0; i < files; i++) {
                tx.files().put(id, "images/backgrounds/bg" + i + ".png", CrashWorkload.fileContent(10_000 + i, i));
            }
        });
    }
}
