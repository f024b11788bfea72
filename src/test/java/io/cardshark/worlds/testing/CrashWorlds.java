package io.cardshark.worlds.testing;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.WorldStore;

import java.util.ArrayList;
import java.util.List;

/** The world the crash tests work on: big enough that copying, importing or exporting it takes a while. */
public final class CrashWorlds {

    private CrashWorlds() {
    }

    /**
     * Creates, in one transaction, a world of {@code locations} locations (200-character descriptions) and one
     * chat at the first of them holding {@code messages} messages; returns the world's id.
     */
    public static String create(WorldStore store, String displayName, int locations, int messages) {
        return store.inTransaction(tx -> {
            String world = tx.worlds().create(displayName).id();
            for (int i = 0; i < locations; i++) {
                tx.locations().put(world, Location.at(Coordinates.of(i, 0, 0), "loc_" + i, "Room " + i, "d".repeat(200)));
            }
            String chat = tx.chats().create(world, NewChat.at("loc_0", "long")).chatId();
            List<NewMessage> batch = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                batch.add(new NewMessage("m" + i, i % 2 == 0 ? "user" : "assistant", "message " + i + " ✨", (long) i));
            }
            tx.chats().appendAll(world, chat, batch);
            return world;
        });
    }
}
