package io.cardshark.worlds.cli;

import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.WorldForm;
import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import world folders, folders of worlds, world archives (a zip of world folders, as export"
                + " --archive writes), or worlds in CardShark's later forms (a V2 world card"
                + " PNG, a ZIP export, a .cardshark.zip, a rooms-array world folder), each world in one transaction.",
                "Exits 1 when any world was rejected; the others are imported."})
final class ImportCommand extends StoreCommand {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "A world folder, a folder holding world folders,"
            + " a world archive (.zip of world folders), a world card PNG, or a CardShark ZIP (.zip, .cardshark.zip).")
    List<Path> paths;

    @Option(names = "--replace", description = "Replace a world that already exists (atomically) instead of refusing it.")
    boolean replace;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    boolean writes() {
        return true;
    }

    @Override
    int run(WorldStore s, PrintWriter out) {
        PrintWriter err = spec.commandLine().getErr();
        List<ImportResult> results;
        try (ProgressReporter progress = ProgressReporter.forImport()) {
            results = s.folders().importFolders(paths, replace, progress);
        }
        if (json) {
            out.println(ResultJson.imports(results));
        } else {
            for (ImportResult r : results) {
                if (!r.isImported()) {
                    out.println("rejected " + Terminal.safe(r.worldId()));
                    continue;
                }
                var c = r.counts();
                out.printf("%s %s (%s): %d locations, %d unconnected, %d chats, %d messages, %d events, "
                                + "%d files, %d backups, %d bytes%n",
                        r.outcome().name().toLowerCase(java.util.Locale.ROOT), Terminal.safe(r.worldId()), source(r),
                        c.locations(), c.unconnectedLocations(), c.chats(), c.messages(), c.events(), c.files(),
                        c.backups(), c.bytes());
                r.recovery().forEach(line -> out.println("  recovery: " + Terminal.safe(line)));
                r.skipped().forEach(line -> out.println("  skipped: " + Terminal.safe(line) + " (temporary, never read)"));
                r.warnings().forEach(line -> out.println("  warning: " + Terminal.safe(line)));
            }
        }
        if (results.stream().anyMatch(ImportResult::isImported)) {
            // With --json the line goes to standard error, so that standard output stays one JSON document.
            indexForSearch(s, json ? err : out);
        }
        boolean anyRejected = false;
        for (ImportResult r : results) {
            if (!r.isImported()) {
                err.println("error: " + Terminal.safe(Main.inFlags(r.error())));
                anyRejected = true;
            }
        }
        return anyRejected ? Main.EXIT_FAILURE : Main.EXIT_OK;
    }

    /** {@code shape H from world_state.json}, or for a later form {@code V2 card version 2 from x.png; stored as shape H}. */
    private static String source(ImportResult r) {
        String from = " from " + Terminal.safe(r.stateFile());
        if (r.form() == WorldForm.WORLD_FOLDER) {
            return "shape " + r.shape() + from;
        }
        return r.form().label() + " version " + Terminal.safe(r.formVersion()) + from + "; stored as shape " + r.shape();
    }
}
