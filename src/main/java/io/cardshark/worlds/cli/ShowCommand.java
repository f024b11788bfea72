package io.cardshark.worlds.cli;

import io.cardshark.worlds.Chat;
import io.cardshark.worlds.Exit;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.PlayerState;
import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldFile;
import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one world: its locations, exits, NPCs, player, chats and files.")
final class ShowCommand extends StoreCommand {

    @Parameters(paramLabel = "WORLD", description = "The world's id.")
    String worldId;

    @Override
    int run(WorldStore s, PrintWriter out) {
        s.useTransaction(tx -> {
            World w = tx.worlds().get(worldId);
            PlayerState p = tx.players().state(worldId);
            out.printf("world      %s%nname       %s%nshape      %s (version %s)%nposition   %s%n"
                            + "player     health %d, stamina %d, level %d, experience %d%nvisits     %d%n"
                            + "created    %s%nmodified   %s (row version %d)%n",
                    Terminal.safe(w.id()), Terminal.safe(w.displayName()), w.shape(), Terminal.safe(w.formatVersion()),
                    Terminal.safe(w.positionKey()),
                    p.health(), p.stamina(), p.level(), p.experience(), tx.players().visits(worldId).size(),
                    w.createdAt(), w.modifiedAt(), w.rowVersion());
            List<Location> locations = tx.locations().list(worldId);
            out.println();
            out.println("locations (" + locations.size() + ")");
            TablePrinter table = new TablePrinter(List.of("id", "at", "name", "exits", "npcs"));
            for (Location l : locations) {
                table.row(List.of(l.locationId(), l.isOnGrid() ? l.coordinates().key() : "(unconnected)", l.name(),
                        l.exits().stream().map(ShowCommand::exit).collect(Collectors.joining(", ")),
                        String.join(", ", l.npcs())));
            }
            table.print(out);
            List<Chat> chats = tx.chats().list(worldId);
            out.println();
            out.println("chats (" + chats.size() + ")");
            TablePrinter chatTable = new TablePrinter(List.of("id", "location", "title", "messages"));
            for (Chat c : chats) {
                chatTable.row(List.of(c.chatId(), String.valueOf(c.locationId()), String.valueOf(c.title()),
                        Long.toString(c.messageCount())));
            }
            chatTable.print(out);
            List<WorldFile> files = tx.files().list(worldId);
            out.println();
            out.println("files (" + files.size() + ")");
            TablePrinter fileTable = new TablePrinter(List.of("path", "bytes", "sha256"));
            for (WorldFile f : files) {
                fileTable.row(List.of(f.path(), Long.toString(f.size()), f.sha256()));
            }
            fileTable.print(out);
        });
        return Main.EXIT_OK;
    }

    private static String exit(Exit e) {
        String target = e.targetCoordinates() != null ? e.targetCoordinates() : String.valueOf(e.targetLocationId());
        return e.direction() + "→" + target + (e.isLocked() ? " (locked)" : "");
    }
}
