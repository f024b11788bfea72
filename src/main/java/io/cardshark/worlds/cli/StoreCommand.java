package io.cardshark.worlds.cli;

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

    /** The command's work; returns the exit code. */
    abstract int run(WorldStore store, PrintWriter out) throws Exception;
}
