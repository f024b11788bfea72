package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.folder.ArchiveResult;
import io.cardshark.worlds.folder.ExportResult;
import io.cardshark.worlds.folder.Layout;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export worlds as folders, one sub-folder each, or as one zip of those folders (--archive),",
                "atomically: the target is always the complete old or the complete new folder or file."})
final class ExportCommand extends StoreCommand {

    static final class Which {
        @Parameters(paramLabel = "WORLD", arity = "1..*", description = "The worlds to export.")
        List<String> worlds;

        @Option(names = "--all", required = true, description = "Export every world.")
        boolean all;
    }

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Where {
        @Option(names = "--to", required = true, paramLabel = "DIR", description = "The folder to export into.")
        Path to;

        @Option(names = "--archive", required = true, paramLabel = "FILE.zip",
                description = "One zip of the world folders instead: deterministic bytes, written atomically.")
        Path archive;
    }

    @ArgGroup(multiplicity = "1")
    Where where;

    @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "documented",
            converter = LayoutConverter.class,
            description = "documented (default: JSONL chats, the design document's layout) or cardshark "
                    + "(the files as CardShark wrote them).")
    Layout layout;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    int run(WorldStore s, PrintWriter out) {
        List<ExportResult> results;
        ArchiveResult archive = null;
        try (ProgressReporter progress = ProgressReporter.forExport()) {
            if (where.archive != null) {
                archive = which.all ? s.folders().exportAllArchive(where.archive, layout, progress)
                        : s.folders().exportArchive(which.worlds, where.archive, layout, progress);
                results = archive.worlds();
            } else {
                results = which.all ? s.folders().exportAll(where.to, layout, progress)
                        : s.folders().export(which.worlds, where.to, layout, progress);
            }
        }
        if (json) {
            out.println(ResultJson.exports(results));
        } else {
            for (ExportResult r : results) {
                out.printf("exported %s to %s (%s): %d files, %d chats, %d messages, %d bytes%s%n",
                        Terminal.safe(r.worldId()), Terminal.safe(r.target().toString()),
                        r.layout().name().toLowerCase(java.util.Locale.ROOT), r.files(), r.chats(), r.messages(), r.bytes(),
                        r.replaced() ? ", replaced the old folder" : "");
            }
            if (archive != null) {
                out.printf("wrote %s: %d worlds, %d entries, %d bytes%n", Terminal.safe(archive.archive().toString()),
                        archive.worlds().size(), archive.entries(), archive.bytes());
            }
        }
        return Main.EXIT_OK;
    }

    static final class LayoutConverter implements picocli.CommandLine.ITypeConverter<Layout> {
        @Override
        public Layout convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "documented" -> Layout.DOCUMENTED;
                case "cardshark" -> Layout.CARDSHARK;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "expected documented or cardshark, found '" + value + "'");
            };
        }
    }
}
