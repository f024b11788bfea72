package io.cardshark.worlds.internal.engine;

import io.cardshark.worlds.StoreLockedException;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.ChildJvm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store changing hands between processes: one that comes to attach while the holder is still opening the
 * store waits for it to say whether it serves, or to let the store go; a holder that closes lets the processes
 * attached to it finish first. Before, an attacher arriving during the holder's open was refused at once (two
 * command lines' {@code create} on a new store: one of them failed), and one attached to a holder that closed
 * lost its connection mid-command.
 */
class HolderHandoffTest {

    @TempDir
    Path dir;

    private Path store;
    private Path signals;

    @BeforeEach
    void makeStore() throws Exception {
        store = dir.resolve("store");
        signals = Files.createDirectory(dir.resolve("signals"));
        try (WorldStore s = WorldStore.configure().dataDir(store).open()) {
            s.worlds().create("Kept World");
        }
    }

    /** Starts an attaching open once {@code holder} says it is opening the store, and sees that it waits. */
    private CompletableFuture<WorldStore> attachWhileItOpens(ChildJvm holder, Duration lockTimeout) throws Exception {
        holder.awaitLine("opening", 60);
        CompletableFuture<WorldStore> attacher = CompletableFuture.supplyAsync(() -> WorldStore.configure()
                .dataDir(store).attachIfHeld(true).lockTimeout(lockTimeout).open());
        Thread.sleep(700);
        assertThat(attacher).as("waiting for the holder, not refused").isNotDone();
        return attacher;
    }

    @Test
    void anAttacherWaitsWhileTheHolderOpensAndOpensTheStoreItselfWhenTheHolderLetsGo() throws Exception {
        try (ChildJvm holder = ChildJvm.start(OpeningHolder.class, store.toString(), signals.toString())) {
            CompletableFuture<WorldStore> attacher = attachWhileItOpens(holder, Duration.ofSeconds(60));
            Files.createFile(signals.resolve("release"));
            holder.awaitLine("released", 30);
            try (WorldStore s = attacher.get(30, TimeUnit.SECONDS)) {
                assertThat(s.info().attached()).as("opened by this process, the holder gone").isFalse();
                assertThat(s.worlds().list()).extracting(w -> w.displayName()).containsExactly("Kept World");
            }
        }
    }

    @Test
    void anAttacherRefusesAsSoonAsTheHolderSaysItDoesNotServe() throws Exception {
        try (ChildJvm holder = ChildJvm.start(OpeningHolder.class, store.toString(), signals.toString())) {
            CompletableFuture<WorldStore> attacher = attachWhileItOpens(holder, Duration.ofSeconds(120));
            Files.createFile(signals.resolve("not-serving"));
            holder.awaitLine("not serving", 30);
            assertThatThrownBy(() -> attacher.get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("(process " + holder.pid() + ", " + OpeningHolder.HOLDER + ")")
                    .hasMessageEndingWith("which does not serve live inspection: " + OpeningHolder.REASON);
            Files.createFile(signals.resolve("release"));
        }
    }

    @Test
    void anAttacherGivesUpAfterTheLockTimeoutWhenTheHolderIsStillOpening() throws Exception {
        try (ChildJvm holder = ChildJvm.start(OpeningHolder.class, store.toString(), signals.toString())) {
            holder.awaitLine("opening", 60);
            assertThatThrownBy(() -> WorldStore.configure().dataDir(store).attachIfHeld(true)
                    .lockTimeout(Duration.ofMillis(800)).open())
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("which was still opening it after 800 ms (the lock timeout); try again");
            assertThatThrownBy(() -> WorldStore.configure().dataDir(store).open())
                    .as("an open that does not attach does not wait")
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageEndingWith("is in use by another process (process " + holder.pid() + ", "
                            + OpeningHolder.HOLDER + ")");
            Files.createFile(signals.resolve("release"));
        }
    }

    @Test
    void aHolderThatClosesLetsTheProcessAttachedToItFinish() throws Exception {
        // The close waits for the attached process up to the holder's lock timeout: ample, for a loaded machine.
        WorldStore holder = WorldStore.configure().dataDir(store).lockTimeout(Duration.ofSeconds(60)).open();
        CompletableFuture<Void> closing;
        try (ChildJvm writer = ChildJvm.start(AttachedWriter.class, store.toString(), signals.toString(),
                "Late World")) {
            assertThat(writer.awaitLine("attached", 60)).isEqualTo("attached true");
            closing = CompletableFuture.runAsync(holder::close);
            Thread.sleep(700);
            assertThat(closing).as("the close waits for the attached process").isNotDone();
            assertThat(store.resolve(StoreFiles.INSPECTION)).as("no new process attaches meanwhile").doesNotExist();
            Files.createFile(signals.resolve("write"));
            writer.awaitLine("done", 60);
            assertThat(writer.waitFor(60)).as(String.join("\n", writer.output())).isZero();
            closing.get(60, TimeUnit.SECONDS);
        }
        try (WorldStore s = WorldStore.configure().dataDir(store).open()) {
            assertThat(s.worlds().list()).extracting(w -> w.displayName()).containsExactlyInAnyOrder("Kept World", "Late World");
        }
    }
}
