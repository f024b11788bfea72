package io.cardshark.worlds.internal.engine;

import com.zaxxer.hikari.SQLExceptionOverride;
import org.h2.api.ErrorCode;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Ending an H2 connection whose transaction failed after the store's file failed, without sending H2 one more
 * statement.
 *
 * <p>Why: after a storage failure (a write or sync of the file fails: disk full, EIO, a power cut), H2 2.4.240 may
 * fail a {@code ROLLBACK} in the middle ({@code MVStore.commit} rethrows the stored failure after
 * {@code Transaction.closeIt} has already given back the transaction's hold on the current version) and give that
 * hold back a second time when the statement ends. The version's count then stays below zero with nothing left to
 * move the store to a new version (the store is closed), and every later statement of a session whose transaction
 * is still open, on any connection, loops in {@code MVStore.registerVersionUsage} for ever (where assertions are
 * on, it fails an assertion instead). A connection pool sends such a statement by itself: Hikari rolls back a
 * connection closed with a transaction open. {@code H2SpinAfterStorageFailureReproTest} shows it on plain H2.
 *
 * <p>{@link #storeFailed} tells whether H2 holds such a failure, also one that no caller has reported yet.
 * {@link #close} closes the H2 session itself: H2 rolls back a closing session's transaction without a
 * statement, so without taking a hold on a version. The pool then finds the connection closed and, told by
 * {@link #EVICT_CLOSED}, drops it instead of lending it again.
 */
final class H2Sessions {

    /** Makes a pool drop a connection whose H2 session or database is closed instead of lending it again. */
    static final SQLExceptionOverride EVICT_CLOSED = new SQLExceptionOverride() {
        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException e) {
            boolean closed = e.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN
                    || e.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED;
            return closed ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    };

    private H2Sessions() {
    }

    /**
     * Whether the H2 store behind {@code c} (a session in this process) has met a storage failure: H2 keeps it as the
     * store's panic from the moment the write fails, before the failure reaches any caller, so this also sees a
     * failure another thread has not yet reported. False when it cannot tell (a session of another process, whose
     * failure reaches it as a closed database, or an H2 without these methods).
     */
    static boolean storeFailed(Connection c) {
        try {
            if (c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal local) {
                return local.getDatabase().getStore().getMvStore().getPanicException() != null;
            }
        } catch (SQLException | RuntimeException | LinkageError e) {
            // Closed, or not the H2 this was written against: the caller's other signs decide.
        }
        return false;
    }

    /**
     * Closes the H2 session behind {@code c} (a pooled connection of an H2 store) without a statement; what goes
     * wrong on the way is added to {@code cause}, which is what the caller reports.
     */
    static void close(Connection c, Throwable cause) {
        try {
            c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession().close();
        } catch (SQLException | RuntimeException e) {
            // The session is marked closed before H2 rolls it back, whatever fails here (the stored failure again).
            cause.addSuppressed(e);
        }
    }
}
