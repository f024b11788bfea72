package io.cardshark.worlds.cli;

import io.cardshark.worlds.SearchIndexStatus;
import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A command that works on one open store: opens it from {@code --store} (read-only unless the command
 * {@link #writes() writes}; through the process that holds it, if one does), runs, closes it. Output goes to
 * the command line's own stream, so tests can read it.
 */
abstract class StoreCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try (WorldStore s = store.open(spec.name(), writes())) {
            return run(s, spec.commandLine().getOut());
        }
    }

    /** Whether the command changes the store; one that does not opens it read-only and never creates it. */
    boolean writes() {
        return false;
    }

    /**
     * After a command that wrote many messages (an import, a branch, a restore): brings the search index up to
     * date before the process ends, so that a search right after it is at full speed, and says so. An
     * application's store does this in the background; a command line process ends first.
     */
    static void indexForSearch(WorldStore store, PrintWriter out) {
        long started = System.nanoTime();
        SearchIndexStatus status = store.updateSearchIndex();
        if (status.steps() > 0) {
            out.printf("search index brought up to date in %d ms: %d segments, %d postings%n",
                    (System.nanoTime() - started) / 1_000_000, status.segments(), status.postings());
        }
    }

    /** The command's work; returns the exit code. */
    abstract int run(WorldStore store, PrintWriter out) throws Exception;
}
