package io.cardshark.worlds.testing;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.WorldStore;

import java.nio.file.Path;

/**
 * Commits numbered writes forever and prints {@code committed N} after each commit returns, so a parent
 * that kills it knows which writes were acknowledged. Each write is one transaction: a location
 * {@code loc_N}, a move to it and a chat message {@code m_N}.
 */
public final class CommitWriter {

    public static final String WORLD = "Crash_World";
    public static final String CHAT = "chat_crash";

    public static void main(String[] args) {
        try (WorldStore store = WorldStore.configure().dataDir(Path.of(args[0])).open()) {
            if (!store.worlds().exists(WORLD)) {
                store.useTransaction(tx -> {
                    tx.worlds().create("Crash World");
                    tx.chats().create(WORLD, new NewChat(CHAT, null, "crash log"));
                });
            }
            long n = store.chats().get(WORLD, CHAT).messageCount();
            System.out.println("ready " + n);
            System.out.flush();
            while (true) {
                final long i = n;
                store.useTransaction(tx -> {
                    Coordinates at = Coordinates.of((int) (i % 1000), (int) (i / 1000), 0);
                    tx.locations().put(WORLD, Location.at(at, "loc_" + i, "Room " + i, "Written by write " + i));
                    tx.players().move(WORLD, at);
                    tx.chats().append(WORLD, CHAT, new NewMessage("m_" + i, "user", "write " + i, i));
                });
                System.out.println("committed " + i);
                System.out.flush();
                n++;
            }
        }
    }
}
