package io.cardshark.worlds.bench;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.session.ChangeKind;
import io.cardshark.worlds.session.SessionConfig;
import io.cardshark.worlds.session.SessionTimers;
import io.cardshark.worlds.session.WorldSession;
import io.cardshark.worlds.session.WorldSessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * 10,000 player moves three ways: through a session (moves buffered, autosave every 2 s), as direct API
 * calls (a commit each), and the file approach the store replaces (world_state.json rewritten per move:
 * temp file, read back, old file to a backup, rename, as CardShark's manager does). Prints figures.
 *
 * <pre>
 * mvn -B -q -Pbench -DskipTests package   (the bench profile compiles src/bench/java into target/test-classes)
 * java -cp target/cardshark-worlds.jar:target/test-classes io.cardshark.worlds.bench.SessionBenchmark [moves] [locations]
 * </pre>
 */
public final class SessionBenchmark {

    public static void main(String[] args) throws IOException {
        int moves = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int locations = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path dir = Files.createTempDirectory("cardshark-session-bench");
        System.out.printf("%,d moves in a world of %,d locations (%s)%n%n", moves, locations, dir);
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store"))
                .sessions(SessionConfig.DEFAULTS.withFlushAtOnce(EnumSet.of(ChangeKind.EVENT, ChangeKind.CHAT_MESSAGE)))
                .open()) {
            String id = store.inTransaction(tx -> {
                String w = tx.worlds().create("Bench Moves").id();
                for (int i = 0; i < locations; i++) {
                    tx.locations().put(w, Location.at(Coordinates.of(i, 0, 0), "loc_" + i, "Room " + i, "A room."));
                }
                return w;
            });
            store.folders().export(List.of(id), dir.resolve("files"), Layout.DOCUMENTED);

            WorldSessions sessions = store.sessions();
            WorldSession session = sessions.open(id);
            long t0 = System.nanoTime();
            for (int i = 0; i < moves; i++) {
                session.move(Coordinates.of(i % locations, 0, 0));
            }
            session.close();
            double sessionSeconds = (System.nanoTime() - t0) / 1e9;
            long sessionCommits = session.stats().commits();

            long t1 = System.nanoTime();
            for (int i = 0; i < moves; i++) {
                store.players().move(id, Coordinates.of(i % locations, 0, 0));
            }
            double directSeconds = (System.nanoTime() - t1) / 1e9;

            double fileSeconds = fileApproach(dir.resolve("files").resolve(id), moves, locations);

            System.out.printf("%-46s %10s %10s %14s%n", "approach", "seconds", "commits", "moves/s");
            System.out.printf("%-46s %10.2f %,10d %,14.0f%n", "session (moves buffered, autosave 2 s)", sessionSeconds,
                    sessionCommits, moves / sessionSeconds);
            System.out.printf("%-46s %10.2f %,10d %,14.0f%n", "direct API (one commit per move)", directSeconds,
                    moves, moves / directSeconds);
            System.out.printf("%-46s %10.2f %,10d %,14.0f%n", "world_state.json rewritten per move (fsync)", fileSeconds,
                    moves, moves / fileSeconds);
        }
    }

    /** CardShark's WorldStateManager.save_world_state per move: write temp, validate, back up the old, rename. */
    static double fileApproach(Path world, int moves, int locations) throws IOException {
        FileApproach.WorldStateFile state = new FileApproach.WorldStateFile(world);
        long t = System.nanoTime();
        for (int i = 0; i < moves; i++) {
            state.move((i % locations) + ",0,0");
        }
        return (System.nanoTime() - t) / 1e9;
    }
}
