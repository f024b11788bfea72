package io.cardshark.worlds.internal.rows;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Rows sent through prepared statements on the transaction's own connection, in JDBC batches: an import's hot path,
 * where rendering a statement per batch cost more than H2's work. Either one row a statement, or (the messages of
 * an import) many: H2 runs each statement of a batch as a command of its own, with its own start and end, and a
 * statement of 100 rows spent a fifth less than 100 statements of one in plain H2 (a million messages: 2.8 s
 * against 3.6 s). The rows left over at the end, fewer than a statement takes, go one a statement.
 */
final class StatementBatch implements AutoCloseable {

    private final PreparedStatement one;
    /** The statement of {@link #rowsPerStatement} rows, or null when each row is a statement of its own. */
    private final PreparedStatement many;
    private final int rowsPerStatement;
    private final String what;
    private final int size;
    /** The values of the rows not yet bound to {@link #many}, row after row. */
    private final Object[] waiting;
    private int waitingValues;
    /** Rows in the batch of {@link #many} (or of {@link #one}) not yet sent. */
    private int pending;

    /** Rows of one statement each ({@code sql}), sent {@code size} at a time. */
    StatementBatch(DSLContext dsl, String sql, String what, int size) {
        this(dsl, sql, null, 1, 0, what, size);
    }

    /**
     * Rows of {@code columns} values, {@code rowsPerStatement} of them a statement ({@code manyRows}, whose
     * placeholders are those of {@code oneRow} repeated), sent at least {@code size} rows at a time.
     */
    StatementBatch(DSLContext dsl, String oneRow, String manyRows, int rowsPerStatement, int columns, String what,
                   int size) {
        this.what = what;
        this.size = size;
        this.rowsPerStatement = rowsPerStatement;
        this.waiting = new Object[manyRows == null ? 0 : rowsPerStatement * columns];
        // jOOQ's connectionResult hands out the transaction's connection without closing it.
        Connection connection = dsl.connectionResult(c -> c);
        PreparedStatement first = prepare(connection, oneRow);
        try {
            this.many = manyRows == null ? null : prepare(connection, manyRows);
        } catch (RuntimeException e) {
            closeQuietly(first, e);
            throw e;
        }
        this.one = first;
    }

    private PreparedStatement prepare(Connection connection, String sql) {
        try {
            return connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw new DataAccessException("preparing " + what, e);
        }
    }

    /** Adds one row; sends the batch when it is full. */
    void add(Object... values) {
        try {
            if (many == null) {
                bind(one, values, 0, values.length);
                one.addBatch();
                if (++pending == size) {
                    flush(one);
                }
                return;
            }
            System.arraycopy(values, 0, waiting, waitingValues, values.length);
            waitingValues += values.length;
            if (waitingValues == waiting.length) {
                bind(many, waiting, 0, waiting.length);
                many.addBatch();
                waitingValues = 0;
                pending += rowsPerStatement;
                if (pending >= size) {
                    flush(many);
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Sends the rows still waiting. */
    void send() {
        try {
            if (many == null) {
                flush(one);
                return;
            }
            flush(many);
            int columns = waiting.length / rowsPerStatement;
            for (int at = 0; at < waitingValues; at += columns) {
                bind(one, waiting, at, columns);
                one.addBatch();
                pending++;
            }
            waitingValues = 0;
            flush(one);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Binds {@code count} values from {@code values[from]} on to the statement's placeholders 1 to {@code count}. */
    private static void bind(PreparedStatement statement, Object[] values, int from, int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            statement.setObject(i + 1, values[from + i]);
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

    private void flush(PreparedStatement statement) throws SQLException {
        if (pending > 0) {
            // Counted as sent before H2 answers: a refused batch is not sent again by a later call.
            pending = 0;
            statement.executeBatch();
        }
    }

    boolean isClosed() {
        try {
            return one.isClosed() && (many == null || many.isClosed());
        } catch (SQLException e) {
            throw new DataAccessException("asking whether " + what + " is closed", e);
        }
    }

    @Override
    public void close() {
        try (PreparedStatement first = one; PreparedStatement second = many) {
            // both closed, the second even when the first fails
        } catch (SQLException e) {
            throw new DataAccessException("closing " + what, e);
        }
    }

    private static void closeQuietly(PreparedStatement statement, RuntimeException cause) {
        try {
            statement.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
