package io.cardshark.worlds.cli;

import io.cardshark.worlds.StoreInfo;
import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Optional;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the active world, its session figures as of its last save, and the store's figures."})
final class StatusCommand extends StoreCommand {

    @Override
    int run(WorldStore s, PrintWriter out) {
        StoreInfo info = s.info();
        Optional<String> active = s.sessions().activeWorld();
        out.println("store           " + Terminal.safe(info.dataDir().toString()));
        out.println("worlds          " + info.worlds());
        out.println("durability      " + info.durability());
        if (active.isEmpty()) {
            out.println("active world    (none)");
        } else if (!s.worlds().exists(active.get())) {
            out.println("active world    " + Terminal.safe(active.get()) + " (deleted)");
        } else {
            World w = s.worlds().get(active.get());
            out.println("active world    " + Terminal.safe(w.id()) + " (\"" + Terminal.safe(w.displayName()) + "\")");
            out.println("position        " + Terminal.safe(w.positionKey()));
            out.println("visits          " + s.players().visits(w.id()).size());
            out.println("last change     " + w.modifiedAt() + " (row version " + w.rowVersion() + ")");
            out.println("session         " + Terminal.safe(s.sessions().lastSavedFigures(w.id())
                    .orElse("never saved through a session")));
        }
        return Main.EXIT_OK;
    }
}
