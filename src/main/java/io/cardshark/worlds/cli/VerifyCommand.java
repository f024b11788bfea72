package io.cardshark.worlds.cli;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.backup.Finding;
import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.backup.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the store: every page's checksum, foreign keys, message sequences, file digests",
                "and stored documents. Exit code 1 when anything is damaged; warnings alone pass."})
final class VerifyCommand extends StoreCommand {

    @Option(names = "--deep", description = "Also round-trip every world through export and import into a scratch store.")
    boolean deep;

    @Option(names = "--quick", description = "Only the invariants the indexes answer (what verifyOnOpen runs).")
    boolean quick;

    @Override
    int run(WorldStore s, PrintWriter out) {
        VerifyLevel level = deep ? VerifyLevel.DEEP : quick ? VerifyLevel.QUICK : VerifyLevel.FULL;
        VerifyReport report = s.verify(level);
        for (Finding f : report.failures()) {
            out.println("FAILED  " + Terminal.safe(f.toString()));
        }
        for (Finding f : report.warnings()) {
            out.println("warning " + Terminal.safe(f.toString()));
        }
        out.println("verify " + level.name().toLowerCase() + ": " + report.checks() + " checks, "
                + report.failures().size() + " failures, " + report.warnings().size() + " warnings: "
                + (report.passed() ? "passed" : "FAILED"));
        return report.passed() ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }
}
