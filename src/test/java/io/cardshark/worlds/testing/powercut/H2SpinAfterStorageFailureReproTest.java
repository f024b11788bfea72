package io.cardshark.worlds.testing.powercut;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.cardshark.worlds.testing.powercut.PlainH2.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * After a storage failure, H2 2.4.240 can leave a session's next statement looping for ever in
 * {@code MVStore.registerVersionUsage}: a minimal reproduction on plain H2, for a report against H2 (version pinned
 * by the project's {@code h2.version}).
 *
 * <p>The steps: a {@code CHECKPOINT} meets a failed write (here a power cut). H2 records the failure as the store's
 * panic but leaves the store open. A session in a transaction that changed nothing (READ COMMITTED, H2's default)
 * then rolls back: {@code ROLLBACK} takes a hold on the store's current version ({@code Transaction.markStatementStart}),
 * {@code Transaction.rollback} ends the transaction ({@code closeIt} gives the hold back but keeps it in its field),
 * then {@code MVStore.commit} finds nothing to write, so no new version, and rethrows the panic. The statement's end
 * ({@code markStatementEnd}) gives the same hold back a second time. The current version's count is now -1, and the
 * store, closed by now, will never move to a new version. The session's transaction was not cleared (the rollback
 * threw), so its next statement asks for a hold again: {@code registerVersionUsage} increments the count to 0, sees it
 * not positive, decrements and tries again, for ever. Only its {@code assert} stops it, where assertions are on (as in
 * these tests: {@code AssertionError: v=.. / cnt=0}). The same count stops every other session with a transaction open.
 *
 * <p>A pool sends that next statement by itself: Hikari rolls back a connection closed in a transaction. The store's
 * side ({@code H2Sessions}, {@code StorageFailureSessionsTest}): after a storage failure, a failed transaction's
 * session is closed without a statement. When an upgrade of H2 makes this test fail, H2 changed, and that workaround
 * may be looked at again.
 */
class H2SpinAfterStorageFailureReproTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondStatementAfterAFailedRollbackNeverEnds() throws Exception {
        try (PowerCutFileSystem fs = PowerCutFileSystem.mount(tmp.resolve("live"), 1)) {
            Connection writer = PlainH2.connect(fs, "db");
            Connection reader = PlainH2.connect(fs, "db");
            Connection admin = PlainH2.connect(fs, "db");
            execute(writer, "CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR)");
            writer.setAutoCommit(false);
            execute(writer, "INSERT INTO t VALUES (1, 'not yet committed')"); // something for CHECKPOINT to write
            reader.setAutoCommit(false);
            execute(reader, "SELECT COUNT(*) FROM t");

            fs.cut(CutPolicy.KEEP);
            assertThatThrownBy(() -> execute(admin, "CHECKPOINT")).isInstanceOf(SQLException.class)
                    .hasStackTraceContaining("simulated power cut");
            assertThatThrownBy(reader::rollback).as("the rollback that breaks the count")
                    .isInstanceOf(SQLException.class).hasStackTraceContaining("simulated power cut");

            ExecutorService daemon = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "h2-spin-repro");
                t.setDaemon(true); // with assertions off it never ends: it must not keep the JVM alive
                return t;
            });
            CompletableFuture<Throwable> next = CompletableFuture.supplyAsync(() -> {
                try {
                    reader.rollback();
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            }, daemon);
            Throwable outcome;
            try {
                outcome = next.get(30, TimeUnit.SECONDS);
            } catch (TimeoutException spinning) {
                outcome = spinning; // H2's loop, where assertions are off
            }
            assertThat(outcome).as("H2 %s: the next statement loops in registerVersionUsage",
                            org.h2.engine.Constants.FULL_VERSION)
                    .satisfiesAnyOf(
                            e -> assertThat(e).isInstanceOf(AssertionError.class).hasMessageContaining("cnt=0")
                                    .hasStackTraceContaining("registerVersionUsage"),
                            e -> assertThat(e).isInstanceOf(TimeoutException.class));
            daemon.shutdown();
        }
    }
}
