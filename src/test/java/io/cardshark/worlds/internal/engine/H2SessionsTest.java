package io.cardshark.worlds.internal.engine;

import io.cardshark.worlds.testing.powercut.CutPolicy;
import io.cardshark.worlds.testing.powercut.PlainH2;
import io.cardshark.worlds.testing.powercut.PowerCutFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import static io.cardshark.worlds.testing.powercut.PlainH2.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link H2Sessions} on plain H2: it sees a storage failure that no statement of the asking connection has met, and
 * ends a session in a transaction without a statement, leaving nothing for a pool to roll back.
 */
class H2SessionsTest {

    @TempDir
    Path tmp;

    @Test
    void seesAFailureOnlyAnotherSessionMetAndClosesASessionWithoutAStatement() throws Exception {
        try (PowerCutFileSystem fs = PowerCutFileSystem.mount(tmp.resolve("live"), 1)) {
            Connection admin = PlainH2.connect(fs, "db");
            Connection reader = PlainH2.connect(fs, "db");
            try {
                execute(admin, "CREATE TABLE t(id INT PRIMARY KEY)");
                reader.setAutoCommit(false);
                execute(reader, "INSERT INTO t VALUES (1)"); // something for the checkpoint to write
                assertThat(H2Sessions.storeFailed(reader)).as("before the failure").isFalse();

                fs.cut(CutPolicy.KEEP);
                assertThatThrownBy(() -> execute(admin, "CHECKPOINT")).isInstanceOf(SQLException.class);
                assertThat(H2Sessions.storeFailed(reader)).as("the checkpoint's failure, seen from another session")
                        .isTrue();

                Throwable cause = new IllegalStateException("the transaction's own failure");
                H2Sessions.close(reader, cause);
                assertThat(reader.isClosed()).as("the session is closed: a pool's rollback reaches no statement")
                        .isTrue();
                assertThatThrownBy(reader::rollback).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getErrorCode())
                                .isEqualTo(org.h2.api.ErrorCode.DATABASE_CALLED_AT_SHUTDOWN));
                assertThat(H2Sessions.storeFailed(reader)).as("a closed session tells nothing").isFalse();
            } finally {
                closeOnDeadDatabase(admin);
                closeOnDeadDatabase(reader);
            }
        }
    }

    /** H2 reports the stored failure again as a session of the failed database closes: nothing to check there. */
    private static void closeOnDeadDatabase(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the checkpoint's failure, once more
        }
    }
}
