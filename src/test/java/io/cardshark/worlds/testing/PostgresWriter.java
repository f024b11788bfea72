package io.cardshark.worlds.testing;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Durability;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.PostgresDatabase;
import io.cardshark.worlds.WorldStore;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A writer of a PostgreSQL store in a JVM of its own, for the crash tests: it appends numbered messages to its
 * own world's chat and moves the player of a world it shares with other writers, and says so on standard output
 * after each call returns ({@code ack append N}, {@code ack move N}) and when one fails ({@code fail append N}).
 * A failed call is not tried again: it may or may not have committed, and the test allows either. It runs
 * until it is killed.
 *
 * <p>Arguments: URL, user, password file, own world, shared world, durability, folder for snapshots, and a tag
 * that starts each message's text ({@code <tag> message N}), so that the runs of one world can be told apart.
 */
public final class PostgresWriter {

    public static final String CHAT = "crash_chat";

    public static void main(String[] args) throws InterruptedException {
        PostgresDatabase db = PostgresDatabase.of(args[0], args[1]).withPasswordFile(Path.of(args[2]));
        String own = args[3];
        String shared = args[4];
        try (WorldStore store = WorldStore.configure().postgres(db).dataDir(Path.of(args[6]))
                .durability(Durability.valueOf(args[5])).lockTimeout(Duration.ofSeconds(30))
                .applicationName("crash writer " + own).open()) {
            if (!store.worlds().exists(own)) {
                store.worlds().create(own);
                store.chats().create(own, new NewChat(CHAT, null, "crash"));
            }
            say("ready");
            for (long n = 0; ; n++) {
                String what = n % 3 == 2 ? "move" : "append";
                try {
                    if (what.equals("move")) {
                        store.players().move(shared, Coordinates.of((int) n, 0, 0));
                    } else {
                        store.chats().append(own, CHAT, NewMessage.of("user", args[7] + " message " + n));
                    }
                    say("ack " + what + " " + n);
                } catch (RuntimeException e) {
                    say("fail " + what + " " + n + " " + e.getClass().getSimpleName());
                    Thread.sleep(50);
                }
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
