package io.cardshark.worlds.cli;

import io.cardshark.worlds.SearchHit;
import io.cardshark.worlds.SearchPage;
import io.cardshark.worlds.SearchQuery;
import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Find chat messages holding every word of TEXT, best first, with the words found in [brackets].",
                "Each hit names its world, chat, location, time and sequence number; --after continues a listing."})
final class SearchCommand extends StoreCommand {

    @Parameters(paramLabel = "TEXT", description = "The words to find (case does not matter, accents do).")
    String text;

    @Option(names = "--world", paramLabel = "WORLD", description = "Only this world.")
    String world;

    @Option(names = "--location", paramLabel = "LOCATION", description = "Only chats of this location.")
    String location;

    @Option(names = "--role", paramLabel = "ROLE", description = "Only messages of this role or sender (exact).")
    String role;

    @Option(names = "--since", paramLabel = "TIME", description = "Only messages written at or after this ISO time, "
            + "e.g. 2026-01-01T00:00:00Z.")
    Instant since;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Hits to show (default 20).")
    int limit;

    @Option(names = "--after", paramLabel = "CURSOR", description = "Continue after the listing that printed this cursor.")
    String after;

    @Override
    int run(WorldStore s, PrintWriter out) {
        SearchQuery query = new SearchQuery(text, world, location, role, since, limit, after);
        SearchPage page = s.chats().search(query);
        TablePrinter table = new TablePrinter(List.of("world", "chat", "location", "time", "seq", "role", "text"));
        for (SearchHit h : page.hits()) {
            table.row(List.of(h.worldId(), h.chatId(), h.locationId() == null ? "" : h.locationId(),
                    h.time().map(Instant::toString).orElse(""), Long.toString(h.seq()), h.role() == null ? "" : h.role(),
                    h.snippet().marked("[", "]")));
        }
        table.print(out);
        out.println(page.hits().size() + (page.hits().size() == 1 ? " hit" : " hits")
                + page.next().map(c -> "; more with --after " + c).orElse(""));
        return Main.EXIT_OK;
    }
}
