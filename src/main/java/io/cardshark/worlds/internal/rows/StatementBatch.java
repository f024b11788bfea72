package io.cardshark.worlds.internal.rows;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One prepared statement on the transaction's own connection, sent in JDBC batches: an import's hot path, where
 * rendering a statement per batch cost more than H2's work.
 */
final class StatementBatch implements AutoCloseable {

    private final PreparedStatement statement;
    private final String what;
    private final int size;
    private int pending;

    StatementBatch(DSLContext dsl, String sql, String what, int size) {
        this.what = what;
        this.size = size;
        // jOOQ's connectionResult hands out the transaction's connection without closing it.
        Connection connection = dsl.connectionResult(c -> c);
        try {
            this.statement = connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw new DataAccessException("preparing " + what, e);
        }
    }

    /** Adds one row; sends the batch when it is full. */
    void add(Object... values) {
        try {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.addBatch();
            if (++pending == size) {
                flush();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Sends the rows still waiting. */
    void send() {
        try {
            flush();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * The failure with the database's reason in its message: a batch's own exception says only that a row of it
     * failed (PostgreSQL's), and the reason is in the next one.
     */
    private DataAccessException failed(SQLException e) {
        SQLException reason = e.getNextException() != null ? e.getNextException() : e;
        String message = String.valueOf(reason.getMessage());
        int nl = message.indexOf('\n');
        return new DataAccessException(what + ": " + (nl < 0 ? message : message.substring(0, nl)), reason);
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            // Counted as sent before H2 answers: a refused batch is not sent again by a later call.
            pending = 0;
            statement.executeBatch();
        }
    }

    boolean isClosed() {
        try {
            return statement.isClosed();
        } catch (SQLException e) {
            throw new DataAccessException("asking whether " + what + " is closed", e);
        }
    }

    @Override
    public void close() {
        try {
            statement.close();
        } catch (SQLException e) {
            throw new DataAccessException("closing " + what, e);
        }
    }
}
