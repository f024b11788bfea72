package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.WorldSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the worlds in the store.")
final class ListCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return callWith(store, spec);
    }

    /** Lists the store; other commands end with it too. */
    Integer callWith(StoreOption store, CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        try (WorldStore s = store.open()) {
            List<WorldSummary> worlds = s.worlds().list();
            TablePrinter table = new TablePrinter(List.of("id", "name", "shape", "locations", "chats", "modified"));
            for (WorldSummary w : worlds) {
                table.row(List.of(w.id(), w.displayName(), w.shape().name(), Integer.toString(w.locations()),
                        Integer.toString(w.chats()), w.modifiedAt().toString()));
            }
            table.print(out);
            out.println(worlds.size() + (worlds.size() == 1 ? " world" : " worlds"));
        }
        return Main.EXIT_OK;
    }
}
