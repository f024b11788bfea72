package io.cardshark.worlds.testing;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.PlayerState;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.session.WorldSession;

import java.nio.file.Path;

/**
 * A child process for session tests. {@code play STORE}: stat ticks (not significant) and, every fifth
 * tick, a move (significant), printing {@code moved N health H} once the move's call returned; runs until
 * killed. {@code exit STORE}: one stat change, then {@code System.exit(0)} without closing anything, so
 * only the shutdown hook can save it.
 */
public final class SessionChild {
    public static final String WORLD = "Session_Crash";

    public static void main(String[] args) {
        WorldStore store = WorldStore.configure().dataDir(Path.of(args[1])).open();
        if (!store.worlds().exists(WORLD)) {
            store.worlds().create("Session Crash");
        }
        WorldSession session = store.sessions().activate(WORLD);
        if (args[0].equals("exit")) {
            session.updatePlayer(new PlayerState(77, 100, 1, 0));
            System.out.println("changed");
            System.out.flush();
            System.exit(0);
        }
        int start = session.visits().size();
        System.out.println("ready " + start);
        System.out.flush();
        for (long i = 1; ; i++) {
            session.updatePlayer(new PlayerState(i, 100, 1, 0));
            if (i % 5 == 0) {
                long n = start + i / 5 - 1;
                session.move(Coordinates.of((int) (n % 1000), (int) (n / 1000), 0));
                System.out.println("moved " + n + " health " + i);
                System.out.flush();
            }
        }
    }
}
