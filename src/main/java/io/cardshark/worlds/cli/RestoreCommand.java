package io.cardshark.worlds.cli;

import io.cardshark.worlds.backup.BackupInfo;
import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** Not a {@link StoreCommand}: the store must be closed while its file is replaced. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the whole store with a backup, atomically.",
                "The store as it is now is backed up first (reason pre-restore), so this can be undone.",
                "The store must not be open in any other process."})
final class RestoreCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BACKUP", description = "The backup's name, as the backups command lists it.")
    String name;

    @Override
    public Integer call() {
        BackupInfo before = WorldStore.restore(store.config("restore", true), name);
        var out = spec.commandLine().getOut();
        out.println("restored the store from " + Terminal.safe(name)
                + (before == null ? "" : "; the store as it was is backup " + before.name()));
        return Main.EXIT_OK;
    }
}
