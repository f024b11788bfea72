package io.cardshark.worlds;

import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.testing.ChildJvm;
import io.cardshark.worlds.testing.CrashWorlds;
import io.cardshark.worlds.testing.FolderLoop;
import io.cardshark.worlds.testing.PostgresServer;
import io.cardshark.worlds.testing.PostgresWriter;
import io.cardshark.worlds.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The durability contract on PostgreSQL (issue 15, item 4), with real processes: writers in JVMs of their own
 * ({@link PostgresWriter}) append to their own worlds and move the player of a world they share; the test kills
 * them, or the server's postmaster, with SIGKILL and checks that every write a writer was told had committed is
 * there, that nothing is there that no writer attempted, and that {@code verify} passes. An importer in a JVM of its
 * own ({@link FolderLoop}) is killed the same ways: the world it imports is then absent or whole, never part.
 */
@EnabledIfSystemProperty(named = TestPostgres.ENGINE_PROPERTY, matches = "postgresql")
class PostgresCrashTest {

    private static final String SHARED = "Shared_Hall";
    private static final String IMPORTED = "Crash_Import";
    private static final int IMPORT_LOCATIONS = 200;
    private static final int IMPORT_MESSAGES = 20_000;
    private static final long SEED = Long.getLong("cardshark.crash.seed", System.nanoTime() & 0xFFFFFFFFL);

    @TempDir
    Path dir;

    /** What one writer said before it died. */
    private record Said(Set<String> acked, Set<String> attempted, long ackedMoves, long attemptedMoves) {
        static Said of(String tag, List<String> lines) {
            Set<String> acked = new HashSet<>();
            Set<String> attempted = new HashSet<>();
            long moves = 0;
            long attemptedMoves = 0;
            long last = -1;
            for (String line : lines) {
                String[] w = line.split(" ");
                if (w.length < 3 || !(w[0].equals("ack") || w[0].equals("fail"))) {
                    continue;
                }
                last = Long.parseLong(w[2]);
                if (w[1].equals("append")) {
                    attempted.add(tag + " message " + last);
                    if (w[0].equals("ack")) {
                        acked.add(tag + " message " + last);
                    }
                } else {
                    attemptedMoves++;
                    moves += w[0].equals("ack") ? 1 : 0;
                }
            }
            // The call under way when it died: the next one, whichever kind.
            attempted.add(tag + " message " + (last + 1));
            return new Said(acked, attempted, moves, attemptedMoves + 1);
        }
    }

    @Test
    void killingWriterProcessesLosesNoAcknowledgedWrite() throws Exception {
        PostgresDatabase db = TestPostgres.storeFor(dir.resolve("store"));
        Random random = new Random(SEED);
        createShared(db);
        List<Said> said = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            Durability durability = round % 2 == 0 ? Durability.PROCESS_CRASH : Durability.POWER_LOSS;
            try (ChildJvm a = writer(db, "Writer_A", durability, "a" + round);
                 ChildJvm b = writer(db, "Writer_B", durability, "b" + round)) {
                a.awaitLine("ready", 120);
                b.awaitLine("ready", 120);
                Thread.sleep(300 + random.nextInt(1200));
                a.kill();
                Thread.sleep(random.nextInt(100));
                b.kill();
                said.add(Said.of("a" + round, a.output()));
                said.add(Said.of("b" + round, b.output()));
            }
            check(db, said, "round " + round + " (seed " + SEED + ")");
        }
        assertThat(said.stream().mapToLong(s -> s.acked().size()).sum()).as("acknowledged appends").isPositive();
    }

    @Test
    void killingThePostmasterLosesNoWriteAcknowledgedAtPowerLoss() throws Exception {
        try (PostgresServer server = PostgresServer.start(true)) {
            PostgresDatabase db = server.newStore("crash");
            createShared(db);
            List<Said> said = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                try (ChildJvm writer = writer(db, "Writer_A", Durability.POWER_LOSS, "p" + round)) {
                    writer.awaitLine("ready", 120);
                    awaitAcks(writer, 20);
                    server.killPostmaster();
                    writer.awaitLine("fail", 60);
                    server.startAgain();
                    awaitAcks(writer, 5);
                    writer.kill();
                    said.add(Said.of("p" + round, writer.output()));
                }
                check(db, said, "postmaster kill " + round);
            }
        }
    }

    @Test
    void killingAnImporterOrThePostmasterLeavesTheWorldAbsentOrWhole() throws Exception {
        Path source = importSource();
        Random random = new Random(SEED);
        int absent = 0;
        int whole = 0;
        long completed = 0;
        try (PostgresServer server = PostgresServer.start(true)) {
            PostgresDatabase db = server.newStore("imports");
            boolean everImported = false;
            for (int kill = 0; kill < 6; kill++) {
                boolean postmaster = kill % 2 == 1;
                // At the power-loss level: at PROCESS_CRASH PostgreSQL commits with synchronous_commit off, and a
                // postmaster killed within its WAL writer's delay of an import's commit may lose that import.
                try (ChildJvm importer = ChildJvm.start(FolderLoop.class, "import", dir.resolve("loop").toString(),
                        source.toString(), "--pg", db.url(), db.user(), db.passwordFile().toString(), "--power-loss")) {
                    importer.awaitLine("ready", 120);
                    Thread.sleep(100 + random.nextInt(1500));
                    if (postmaster) {
                        server.killPostmaster();
                        server.startAgain();
                    }
                    importer.kill();
                    long imported = importer.output().stream().filter(l -> l.startsWith("imported")).count();
                    completed += imported;
                    everImported |= imported > 0;
                    if (!postmaster) {
                        assertThat(importer.output()).noneMatch(l -> l.startsWith("failed"));
                    }
                }
                try (WorldStore store = open(db)) {
                    if (!store.worlds().exists(IMPORTED)) {
                        assertThat(everImported).as("once imported, a replace never leaves the world absent").isFalse();
                        absent++;
                        continue;
                    }
                    whole++;
                    assertThat(store.locations().list(IMPORTED)).hasSize(IMPORT_LOCATIONS);
                    List<Chat> chats = store.chats().list(IMPORTED);
                    assertThat(chats).singleElement().satisfies(c -> assertThat(c.messageCount()).isEqualTo(IMPORT_MESSAGES));
                    assertThat(store.chats().pageBackward(IMPORTED, chats.get(0).chatId(), Long.MAX_VALUE, 1).messages())
                            .singleElement().satisfies(m -> assertThat(m.seq()).isEqualTo(IMPORT_MESSAGES - 1));
                    assertThat(store.verify(VerifyLevel.QUICK).failures()).isEmpty();
                }
            }
        }
        System.out.printf("postgres crash, imports (seed %d): 6 kills (3 of the postmaster) with an import under way, "
                + "%d imports completed before them; world absent %d times, whole %d times, never part%n", SEED,
                completed, absent, whole);
    }

    /** A world folder big enough that its import takes a while: 200 locations, 20,000 messages. */
    private Path importSource() {
        try (WorldStore maker = WorldStore.configure().dataDir(dir.resolve("maker")).open()) {
            CrashWorlds.create(maker, "Crash Import", IMPORT_LOCATIONS, IMPORT_MESSAGES);
            maker.folders().export(List.of(IMPORTED), dir.resolve("source"), Layout.DOCUMENTED);
        }
        return dir.resolve("source").resolve(IMPORTED);
    }

    private static void awaitAcks(ChildJvm writer, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            writer.awaitLine("ack", 120);
        }
    }

    private void createShared(PostgresDatabase db) {
        try (WorldStore store = open(db)) {
            store.worlds().create("Shared Hall");
        }
    }

    private ChildJvm writer(PostgresDatabase db, String world, Durability durability, String tag) throws Exception {
        return ChildJvm.start(PostgresWriter.class, db.url(), db.user(), db.passwordFile().toString(), world, SHARED,
                durability.name(), dir.resolve("snapshots").toString(), tag);
    }

    private WorldStore open(PostgresDatabase db) {
        return WorldStore.configure().postgres(db).dataDir(dir.resolve("parent")).open();
    }

    /** Every acknowledged write is there; everything there was attempted; the store verifies. */
    private void check(PostgresDatabase db, List<Said> said, String when) {
        try (WorldStore store = open(db)) {
            Set<String> stored = new HashSet<>();
            for (String world : List.of("Writer_A", "Writer_B")) {
                if (store.worlds().exists(world)) {
                    MessagePage page = store.chats().pageForward(world, PostgresWriter.CHAT, -1, 10_000);
                    page.messages().forEach(m -> stored.add(m.content()));
                    while (page.hasMore()) {
                        page = store.chats().pageForward(world, PostgresWriter.CHAT, page.cursor(), 10_000);
                        page.messages().forEach(m -> stored.add(m.content()));
                    }
                }
            }
            Set<String> acked = new HashSet<>();
            Set<String> attempted = new HashSet<>();
            said.forEach(s -> {
                acked.addAll(s.acked());
                attempted.addAll(s.attempted());
            });
            assertThat(stored).as(when + ": acknowledged appends").containsAll(acked);
            assertThat(attempted).as(when + ": stored appends were all attempted").containsAll(stored);
            long moves = store.players().visits(store.worlds().get(SHARED).id()).size();
            assertThat(moves).as(when + ": moves of the shared world")
                    .isBetween(said.stream().mapToLong(Said::ackedMoves).sum(),
                            said.stream().mapToLong(Said::attemptedMoves).sum());
            assertThat(store.verify(VerifyLevel.QUICK).failures()).as(when).isEmpty();
            System.out.printf("postgres crash, %s: %d appends and %d moves acknowledged, all there; %d messages "
                    + "stored%n", when, acked.size(), said.stream().mapToLong(Said::ackedMoves).sum(), stored.size());
        }
    }
}
