package io.cardshark.worlds.testing;

import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.WorldStore;

import java.nio.file.Path;
import java.util.List;

/**
 * An application holding a store, as a game would: it opens the store (serving live inspection, the default),
 * says "ready", and appends two messages per transaction to one chat until it is stopped, printing the count
 * of every hundredth transaction.
 */
public final class AppendingApp {
    public static final String WORLD = "Live_World";
    public static final String CHAT = "live_chat";

    public static void main(String[] args) throws InterruptedException {
        try (WorldStore store = WorldStore.configure().dataDir(Path.of(args[0])).applicationName("the appending app").open()) {
            if (!store.worlds().exists(WORLD)) {
                store.worlds().create("Live World");
                store.chats().create(WORLD, new NewChat(CHAT, null, "live"));
            }
            System.out.println("ready");
            System.out.flush();
            for (long n = 0; ; n++) {
                store.chats().appendAll(WORLD, CHAT, List.of(NewMessage.of("user", "question " + n),
                        NewMessage.of("assistant", "answer " + n)));
                if (n % 100 == 0) {
                    System.out.println("transactions " + n);
                    System.out.flush();
                }
                Thread.sleep(1);
            }
        }
    }
}
