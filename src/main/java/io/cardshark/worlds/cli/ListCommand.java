package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.WorldSummary;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the worlds in the store.")
final class ListCommand extends StoreCommand {

    @Override
    int run(WorldStore s, PrintWriter out) {
        print(s, out);
        return Main.EXIT_OK;
    }

    /** Prints the world list; other commands end with it too. */
    static void print(WorldStore s, PrintWriter out) {
        List<WorldSummary> worlds = s.worlds().list();
        TablePrinter table = new TablePrinter(List.of("id", "name", "shape", "locations", "chats", "modified"));
        for (WorldSummary w : worlds) {
            table.row(List.of(w.id(), w.displayName(), w.shape().name(), Integer.toString(w.locations()),
                    Integer.toString(w.chats()), w.modifiedAt().toString()));
        }
        table.print(out);
        out.println(worlds.size() + (worlds.size() == 1 ? " world" : " worlds"));
    }
}
