package io.cardshark.worlds.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a killed run of {@link CrashWorkload} said it did, for the crash harness ({@code CrashHarnessTest}):
 * the complete lines of its journal file, which the parent reads after the kill (the pipe can lose its last
 * lines when the child dies), read as the protocol {@code try N OP}, then {@code ok N OP [RESULT]}.
 */
public final class CrashJournal {

    private CrashJournal() {
    }

    /** One operation of a child run: its line without the {@code try N}, and the result of its {@code ok} line. */
    public record Op(long n, String text, boolean acked, String result) {
        public String[] t() {
            return text.split(" ");
        }

        public String kind() {
            return t()[0];
        }

        public String world() {
            String[] t = t();
            return t.length > 1 ? t[1] : null;
        }
    }

    /** Whether a line is the workload's protocol rather than the JVM talking. */
    public static boolean isProtocol(String line) {
        return line.startsWith("try ") || line.startsWith("ok ") || line.startsWith("ready") || line.startsWith("failed ");
    }

    /**
     * Reads the journal of run {@code kill}, logs how what reached the pipe compares with it (and whatever
     * else the child printed), and returns the run's operations in the order they were tried. A {@code failed}
     * line is a failure of the workload and ends the harness.
     */
    public static List<Op> read(int kill, Path journal, List<String> piped, Path childLog, CrashReport report)
            throws IOException {
        List<String> output = completeLines(journal);
        List<String> protocol = piped.stream().filter(CrashJournal::isProtocol).toList();
        if (!protocol.equals(output.subList(0, Math.min(protocol.size(), output.size())))) {
            report.log("kill %d: the pipe's lines are not a prefix of the journal's (%d lines piped, %d in the journal)",
                    kill, protocol.size(), output.size());
        } else if (protocol.size() < output.size() - 1) {
            // One line behind is the kill between the journal's write and the pipe's; more is the pipe.
            report.figures.pipeShort++;
            report.log("kill %d: the pipe delivered %d of the journal's %d lines", kill, protocol.size(), output.size());
        }
        for (String line : piped) {
            if (!isProtocol(line)) {
                report.log("kill %d: child said: %s", kill, line);
            }
        }
        // The protocol: try N OP, then ok N OP [RESULT]; anything else is the JVM talking, or a failure.
        Map<Long, Op> ops = new LinkedHashMap<>();
        for (String line : output) {
            if (line.startsWith("failed ")) {
                throw report.childFailed(kill, line, childLog);
            }
            String[] t = line.split(" ", 3);
            if (t.length == 3 && (t[0].equals("try") || t[0].equals("ok"))) {
                long n = Long.parseLong(t[1]);
                if (t[0].equals("try")) {
                    ops.put(n, new Op(n, t[2], false, null));
                } else {
                    Op tried = ops.get(n);
                    assertThat(tried).as("ok without try: %s", line).isNotNull();
                    assertThat(t[2]).startsWith(tried.text());
                    ops.put(n, new Op(n, tried.text(), true, t[2].substring(tried.text().length()).trim()));
                }
            } else if (!line.startsWith("ready")) {
                report.log("kill %d: unexpected journal line: %s", kill, line);
            }
        }
        return List.copyOf(ops.values());
    }

    /** The lines of the journal that end in a newline: a kill cannot leave half a line, but be sure. */
    static List<String> completeLines(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return List.of();
        }
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
    }
}
