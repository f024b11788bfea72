package io.cardshark.worlds.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.folder.ImportOutcome;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.internal.fs.FileSync;
import io.cardshark.worlds.testing.Trees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importer on any world folder the fuzzer makes of a {@code world_state.json}, a JSONL chat, a chat in
 * CardShark's {@code .json} shape and an event record, given as one input in that order with a NUL byte
 * between them (JSON text holds no raw NUL, so the seeds stay readable files; a part left out is a file left
 * out) (issue 11): a world is imported or rejected with a
 * message that names its folder, never an exception; and a world it accepts exports in both layouts and comes
 * back from each export the same, byte for byte. The seeds are the fixtures' own files; every test run replays
 * them and every finding kept beside them. {@code -Pfuzz} fuzzes for longer (the README says how).
 */
class ImporterFuzzTest {

    private static final String WORLD = "Fuzz_World";
    private static Path dir;
    private static WorldStore store;
    private static WorldStore again;

    private static synchronized void open() throws IOException {
        if (store == null) {
            dir = Files.createTempDirectory("importer-fuzz");
            store = WorldStore.configure().dataDir(dir.resolve("store")).serveInspection(false).open();
            again = WorldStore.configure().dataDir(dir.resolve("again")).serveInspection(false).open();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                store.close();
                again.close();
                try {
                    FileSync.deleteTree(dir);
                } catch (IOException ignored) {
                    // A temporary folder.
                }
            }));
        }
    }

    @FuzzTest(maxDuration = "25s")
    void anyWorldFolderImportsOrIsRejectedAndWhatImportsComesBackTheSame(byte[] data) throws IOException {
        open();
        Path folder = dir.resolve("src").resolve(WORLD);
        FileSync.deleteTree(folder.getParent());
        Files.createDirectories(folder.resolve("chats"));
        Files.createDirectories(folder.resolve("events"));
        List<String> files = List.of("world_state.json", "chats/hall_chat.jsonl", "chats/chat_a.json", "events/evt_1.json");
        int start = 0;
        for (int part = 0; part < files.size() && start <= data.length; part++) {
            int end = part == files.size() - 1 ? data.length : indexOfNul(data, start);
            Files.write(folder.resolve(files.get(part)), Arrays.copyOfRange(data, start, end));
            start = end + 1;
        }

        ImportResult result = store.folders().importFolders(List.of(folder), true).get(0);
        if (result.outcome() == ImportOutcome.REJECTED) {
            assertThat(result.error()).as("a rejection names the folder").contains(folder.toString());
            return;
        }
        for (Layout layout : Layout.values()) {
            Path first = dir.resolve("out-" + layout);
            Path second = dir.resolve("again-" + layout);
            store.folders().export(List.of(WORLD), first, layout);
            ImportResult back = again.folders().importFolders(List.of(first.resolve(WORLD)), true).get(0);
            assertThat(back.outcome()).as("the %s export of an accepted world imports: %s", layout, back.error())
                    .isNotEqualTo(ImportOutcome.REJECTED);
            again.folders().export(List.of(WORLD), second, layout);
            Map<String, byte[]> a = Trees.files(first.resolve(WORLD));
            Map<String, byte[]> b = Trees.files(second.resolve(WORLD));
            assertThat(b.keySet()).as("%s: the same files", layout).isEqualTo(a.keySet());
            a.forEach((path, bytes) -> assertThat(b.get(path)).as("%s: %s, byte for byte", layout, path).isEqualTo(bytes));
        }
    }

    private static int indexOfNul(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return data.length;
    }
}
