package io.cardshark.worlds;

import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.backup.VerifyReport;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.testing.DiskFullChild;
import io.cardshark.worlds.testing.SmallDisk;
import io.cardshark.worlds.testing.StoreDigest;
import io.cardshark.worlds.testing.Trees;
import io.cardshark.worlds.testing.WorldFolder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Disk full, on real file systems and real processes. Each scenario runs twice: on a tmpfs of a few
 * megabytes mounted for the test (ENOSPC; skipped, with the reason, where mounting is not permitted, as on a CI
 * runner without root), and under a file size limit in the writer's JVM ({@code ulimit -f}, EFBIG; needs no
 * privilege, only Linux and bash). See {@link SmallDisk}.
 *
 * <ol>
 *   <li>Importing a world whose chat is larger than the free space: the world is rejected with a message naming
 *       it and the cause, later writes are refused until reopen, and after freeing space the store opens, verifies
 *       (FULL) and holds exactly what it held before (equal digests of every table).</li>
 *   <li>Appending chat messages (two per transaction) until the disk fills: the failing append throws
 *       {@link StoreUnavailableException} naming the world and the cause, later writes are refused until reopen,
 *       and after freeing space every acknowledged append is there, whole, with at most the one that failed,
 *       and the other worlds export byte for byte as before.</li>
 *   <li>Exporting into a full file system: a {@link WorldStoreException} with code {@code IO_FAILURE} naming the
 *       world and the cause; the target still holds the complete earlier export and no temporary folder.</li>
 * </ol>
 */
class DiskFullTest {

    private static final long MB = 1024 * 1024;
    private static final String APPEND_WORLD = "Append_World";
    private static final String APPEND_CHAT = "log";
    private static final int EARLIER_MESSAGES = 10;
    /** What a full disk says: ENOSPC on the tmpfs, EFBIG under the file size limit. */
    private static final String OS_REASON = "(No space left on device|File too large)";

    @TempDir
    Path dir;

    private SmallDisk smallDisk(SmallDisk.Kind kind) throws Exception {
        try {
            return SmallDisk.create(kind, dir.resolve("small"), 24);
        } catch (SmallDisk.Unavailable e) {
            Assumptions.assumeTrue(false, "disk-full test on " + kind + " skipped: " + e.getMessage());
            throw new AssertionError("unreachable");
        }
    }

    @ParameterizedTest
    @EnumSource(SmallDisk.Kind.class)
    void importLargerThanTheFreeSpaceIsRejectedAndLeavesTheStoreAsItWas(SmallDisk.Kind kind) throws Exception {
        try (SmallDisk disk = smallDisk(kind)) {
            Path data = disk.root().resolve("store");
            earlierCommits(data);
            String before = digest(data);
            Path big = bigChatWorld(dir.resolve("source"), 12 * MB);
            disk.leaveFree(3 * MB, data);

            SmallDisk.Result r = disk.run(DiskFullChild.class, "import", data.toString(), big.toString(),
                    APPEND_WORLD, APPEND_CHAT);

            assertThat(r.exit()).as("the child ends normally: %s", r).isZero();
            assertThat(r.value("outcome ")).as("%s", r).isEqualTo("REJECTED");
            String error = r.value("error ");
            assertThat(error).as("the rejection names the world, the failed write and its cause")
                    .contains("Big_Chat_World").contains("cannot write").containsPattern(OS_REASON);
            assertRefusedUntilReopen(r);
            assertThat(r.lines()).contains("closed");

            String onFullDisk = tryOpenOnFullDisk(disk, data);
            disk.freeSpace();
            try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
                assertThat(store.worlds().exists("Big_Chat_World")).as("nothing of the rejected world").isFalse();
                assertThat(store.worlds().exists("After_Failure")).isFalse();
                assertVerifies(store);
                assertThat(StoreDigest.of(store)).as("every earlier commit, and nothing else").isEqualTo(before);
            }
            System.out.printf("disk full (%s): import of Big_Chat_World (12 MB of chat, 3 MB free) rejected: \"%s\"; "
                    + "later writes refused until reopen; open on the full disk: %s; after freeing space: reopened, "
                    + "verify FULL passed, digest of the earlier state equal%n", kind, error, onFullDisk);
        }
    }

    @ParameterizedTest
    @EnumSource(SmallDisk.Kind.class)
    void appendsUntilTheDiskIsFullFailTypedAndKeepEveryAcknowledgedAppend(SmallDisk.Kind kind) throws Exception {
        try (SmallDisk disk = smallDisk(kind)) {
            Path data = disk.root().resolve("store");
            earlierCommits(data);
            Path before = dir.resolve("before");
            List<String> others = exportOthers(data, before);
            disk.leaveFree(2 * MB, data);

            SmallDisk.Result r = disk.run(DiskFullChild.class, "append", data.toString(), APPEND_WORLD, APPEND_CHAT, "2000");

            assertThat(r.exit()).as("the child ends normally: %s", r).isZero();
            List<String> acks = r.values("acked ");
            long acked = acks.isEmpty() ? 0 : Long.parseLong(acks.get(acks.size() - 1));
            assertThat(acked).as("appends succeeded before the disk filled").isPositive();
            String failed = r.value("failed ");
            assertThat(failed).as("%s", r).isNotNull();
            String[] parts = failed.split("\\|", 4);
            assertThat(parts[0]).as("the failing append's exception").isEqualTo(StoreUnavailableException.class.getName());
            assertThat(parts[1]).isEqualTo(ErrorCode.STORE_UNAVAILABLE.name());
            assertThat(parts[3]).as("it names the world, the failed write and the cause")
                    .contains(APPEND_WORLD).contains("cannot write").containsPattern(OS_REASON);
            assertRefusedUntilReopen(r);
            assertThat(r.lines()).contains("closed");

            String onFullDisk = tryOpenOnFullDisk(disk, data);
            disk.freeSpace();
            long present;
            try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
                List<ChatMessage> messages = allMessages(store);
                present = (messages.size() - EARLIER_MESSAGES) / 2;
                assertThat(messages.size() - EARLIER_MESSAGES).as("whole transactions only").isEven();
                assertThat(present).as("every acknowledged append, and at most the one that failed")
                        .isBetween(acked, acked + 1);
                for (long n = 0; n < present; n++) {
                    for (int i = 0; i < 2; i++) {
                        ChatMessage m = messages.get(EARLIER_MESSAGES + (int) (2 * n) + i);
                        assertThat(m.id()).isEqualTo(DiskFullChild.messageId(n, i));
                        assertThat(m.content()).isEqualTo(DiskFullChild.text(n, i, 2000));
                    }
                }
                assertThat(store.worlds().exists("After_Failure")).isFalse();
                assertVerifies(store);
                Path after = dir.resolve("after");
                store.folders().export(others, after, Layout.CARDSHARK);
                for (String world : others) {
                    assertThat(contents(after.resolve(world))).as("world %s, untouched", world)
                            .isEqualTo(contents(before.resolve(world)));
                }
            }
            System.out.printf("disk full (%s): %d appends acknowledged, then \"%s\" (H2 error %s); later writes refused "
                    + "until reopen; open on the full disk: %s; after freeing space: %d appends present, verify FULL passed, "
                    + "%d other worlds unchanged%n", kind, acked, parts[3], parts[2], onFullDisk, present, others.size());
        }
    }

    @ParameterizedTest
    @EnumSource(SmallDisk.Kind.class)
    void exportIntoAFullFileSystemFailsCleanlyAndKeepsTheEarlierExport(SmallDisk.Kind kind) throws Exception {
        try (SmallDisk disk = smallDisk(kind)) {
            // The store lives on the ordinary disk; only the export target is short of room (with the file size
            // limit, every file the exporting child writes is).
            Path data = dir.resolve("export-store");
            Path target = (kind == SmallDisk.Kind.TMPFS ? disk.root() : dir).resolve("exports");
            Path small = deepWorld(dir.resolve("small-source"), 0);
            Path deep = deepWorld(dir.resolve("deep-source"), 900);
            Map<String, String> earlier;
            try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
                assertThat(store.folders().importFolders(List.of(small), false).get(0).isImported()).isTrue();
                store.folders().export(List.of("Deep_World"), target, Layout.DOCUMENTED);
                earlier = contents(target.resolve("Deep_World"));
                ImportResult replaced = store.folders().importFolders(List.of(deep), true).get(0);
                assertThat(replaced.isImported()).as("%s", replaced).isTrue();
            }
            disk.leaveFree(1 * MB, data);

            SmallDisk.Result r = disk.run(DiskFullChild.class, "export", data.toString(), "Deep_World", target.toString());

            assertThat(r.exit()).as("the child ends normally: %s", r).isZero();
            String failed = r.value("failed ");
            assertThat(failed).as("the export fails: %s", r).isNotNull();
            String[] parts = failed.split("\\|", 4);
            assertThat(parts[0]).isEqualTo(WorldStoreException.class.getName());
            assertThat(parts[1]).isEqualTo(ErrorCode.IO_FAILURE.name());
            assertThat(parts[3]).as("it names the world and the cause").contains("Deep_World").containsPattern(OS_REASON);
            assertThat(names(target)).as("no temporary folder left, no partial world folder")
                    .containsExactly("Deep_World");
            assertThat(contents(target.resolve("Deep_World"))).as("the earlier export, complete")
                    .isEqualTo(earlier);

            disk.freeSpace();
            long bytes;
            try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
                bytes = store.folders().export(List.of("Deep_World"), target, Layout.DOCUMENTED).get(0).bytes();
                assertVerifies(store);
            }
            assertThat(names(target)).containsExactly("Deep_World");
            assertThat(bytes).as("the world really is bigger than the room there was").isGreaterThan(4 * MB);
            System.out.printf("disk full (%s): export of Deep_World (%.1f MB) with 1 MB of room failed: \"%s\"; "
                    + "target holds the complete earlier export and no temporary folder; after freeing space the export "
                    + "succeeds%n", kind, bytes / (double) MB, parts[3]);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Three fixture worlds and a world with a chat of {@value #EARLIER_MESSAGES} messages, committed and closed. */
    private void earlierCommits(Path data) throws IOException {
        Path fixtures = dir.resolve("fixtures");
        List<Path> worlds = new ArrayList<>();
        for (String name : List.of("a-tiny", "b-unicode-rich", "c-chats")) {
            worlds.add(Trees.fixtureWorlds(name, fixtures));
        }
        try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
            for (ImportResult r : store.folders().importFolders(worlds, false)) {
                assertThat(r.isImported()).as("%s", r).isTrue();
            }
            store.worlds().create("Append World");
            store.chats().create(APPEND_WORLD, new NewChat(APPEND_CHAT, null, "Append log"));
            for (int i = 0; i < EARLIER_MESSAGES; i++) {
                store.chats().append(APPEND_WORLD, APPEND_CHAT, new NewMessage("earlier_" + i, "user", "earlier " + i, (long) i));
            }
        }
    }

    private static String digest(Path data) {
        try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
            return StoreDigest.of(store);
        }
    }

    /** Exports every world but the append world (byte-exact layout); returns their ids. */
    private static List<String> exportOthers(Path data, Path into) {
        try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
            List<String> ids = store.worlds().list().stream().map(WorldSummary::id)
                    .filter(id -> !id.equals(APPEND_WORLD)).toList();
            store.folders().export(ids, into, Layout.CARDSHARK);
            return ids;
        }
    }

    private static List<ChatMessage> allMessages(WorldStore store) {
        List<ChatMessage> all = new ArrayList<>();
        long after = -1;
        while (true) {
            List<ChatMessage> page = store.chats().pageForward(APPEND_WORLD, APPEND_CHAT, after, 500).messages();
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            after = page.get(page.size() - 1).seq();
        }
    }

    private static void assertRefusedUntilReopen(SmallDisk.Result r) {
        for (String attempt : List.of("after-append ", "after-create ")) {
            String after = r.value(attempt);
            if (after == null && attempt.equals("after-append ")) {
                continue;
            }
            assertThat(after).as("%s: a write after the failure is refused until the store is reopened", attempt)
                    .startsWith(StoreUnavailableException.class.getName() + "|" + ErrorCode.STORE_UNAVAILABLE.name() + "|")
                    .contains("refuses writes until reopened");
        }
    }

    /**
     * On the tmpfs, while it is still full: opening the store must either work or fail with the store's own
     * exception, and must not harm the file (the caller reopens after freeing space and checks everything).
     */
    private static String tryOpenOnFullDisk(SmallDisk disk, Path data) throws IOException {
        if (disk.kind() != SmallDisk.Kind.TMPFS) {
            return "not tried (file size limit: the parent has none)";
        }
        long free = disk.usableSpace();
        try (WorldStore store = WorldStore.configure().dataDir(data).open()) {
            return "opened (" + free + " bytes free)";
        } catch (WorldStoreException e) {
            return "refused with " + e.getClass().getSimpleName() + " (" + free + " bytes free): " + e.getMessage();
        }
    }

    private static void assertVerifies(WorldStore store) {
        VerifyReport report = store.verify(VerifyLevel.FULL);
        assertThat(report.failures()).as("verify FULL").isEmpty();
    }

    /** Every file under {@code root} by relative path, as the SHA-256 of its bytes (arrays compare by identity). */
    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> contents = new java.util.TreeMap<>();
        Trees.files(root).forEach((path, bytes) -> {
            try {
                contents.put(path, java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(bytes)) + " " + bytes.length);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
        return contents;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> children = java.nio.file.Files.list(folder)) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The tiny fixture world as {@code Big_Chat_World}, with a JSONL chat of about {@code bytes} bytes. */
    private static Path bigChatWorld(Path base, long bytes) throws IOException {
        String state = tinyState().replace("\"name\": \"Tiny_World\"", "\"name\": \"Big_Chat_World\"");
        WorldFolder world = WorldFolder.at(base, "Big_Chat_World").file("world_state.json", state);
        Path chat = world.path().resolve("chats/hall.jsonl");
        java.nio.file.Files.createDirectories(chat.getParent());
        SplittableRandom random = new SplittableRandom(11);
        try (Writer w = java.nio.file.Files.newBufferedWriter(chat, StandardCharsets.UTF_8)) {
            w.write("{\"chat_id\": \"hall\", \"title\": \"The long talk\", \"location_id\": \"origin_0_0_0\"}\n");
            long written = 0;
            for (int i = 0; written < bytes; i++) {
                StringBuilder text = new StringBuilder(1000);
                while (text.length() < 1000) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                String line = "{\"id\": \"m" + i + "\", \"role\": \"user\", \"content\": \"" + text + "\", \"timestamp\": " + i + "}\n";
                w.write(line);
                written += line.length();
            }
        }
        return world.path();
    }

    /**
     * The tiny fixture world as {@code Deep_World}, with {@code depth > 0}: five extra keys each holding arrays
     * nested {@code depth} deep. Kept losslessly and compact in the store (a few kilobytes), the documented
     * export writes them indented (Python's {@code indent=2}), about 1.6 MB each at depth 900: an export far larger
     * than the store file, which the file size limit needs (the writer's own store file must stay below it).
     */
    private static Path deepWorld(Path base, int depth) throws IOException {
        String state = tinyState().replace("\"name\": \"Tiny_World\"", "\"name\": \"Deep_World\"");
        if (depth > 0) {
            StringBuilder extra = new StringBuilder();
            for (int k = 0; k < 5; k++) {
                extra.append(",\n  \"deep_lore_").append(k).append("\": ")
                        .append("[".repeat(depth)).append("\"lore ").append(k).append('"').append("]".repeat(depth));
            }
            state = state.substring(0, state.lastIndexOf('}')).stripTrailing() + extra + "\n}";
        }
        return WorldFolder.at(base, "Deep_World").file("world_state.json", state).path();
    }

    private static String tinyState() throws IOException {
        return java.nio.file.Files.readString(Trees.resource("fixtures/cardshark/a-tiny/worlds/Tiny_World/world_state.json"));
    }
}
