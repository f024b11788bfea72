package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.internal.ops.Documents;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Inserts the messages of one chat through one prepared statement in JDBC batches: the import's hot path,
 * where rendering a jOOQ statement per batch cost more than H2's work. Runs on the import's transaction.
 *
 * <p>{@link #finish()} sends what is left; {@link #close()} only releases the statement. A failed import
 * (a bad line, a refused batch) thus closes the statement without sending rows its rollback discards,
 * and the statement is closed even when a batch fails: the connection goes back to the pool, which would
 * otherwise keep it open until the connection itself closes.
 */
final class MessageBatch implements AutoCloseable {

    private static final int BATCH = 1000;
    private static final String INSERT = "INSERT INTO CHAT_MESSAGE (CHAT_KEY, SEQ, MESSAGE_ID, ROLE, DOCUMENT) "
            + "VALUES (?, ?, ?, ?, ?)";

    private final PreparedStatement insert;
    private final long chatKey;
    private final String chatId;
    private long seq;
    private int pending;

    MessageBatch(DSLContext dsl, long chatKey, String chatId) {
        this.chatKey = chatKey;
        this.chatId = chatId;
        // The transaction's own connection: jOOQ's connectionResult hands it out without closing it.
        Connection connection = dsl.connectionResult(c -> c);
        try {
            this.insert = connection.prepareStatement(INSERT);
        } catch (SQLException e) {
            throw new DataAccessException("preparing the message insert of chat " + chatId, e);
        }
    }

    void add(JsonObject message) {
        String role = message.get("role") instanceof JsonString s ? s.value()
                : message.get("sender") instanceof JsonString s2 ? s2.value() : null;
        try {
            insert.setLong(1, chatKey);
            insert.setLong(2, seq++);
            insert.setString(3, ObjectLayout.text(message.get("id")));
            insert.setString(4, role);
            insert.setString(5, Documents.compact(message));
            insert.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        } catch (SQLException e) {
            throw new DataAccessException("inserting message " + (seq - 1) + " of chat " + chatId, e);
        }
    }

    long count() {
        return seq;
    }

    /** Sends the messages still waiting; call once, after the last {@link #add}. */
    void finish() {
        try {
            flush();
        } catch (SQLException e) {
            throw new DataAccessException("inserting the messages of chat " + chatId, e);
        }
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            // Counted as sent before H2 answers: a refused batch is not sent again by a later call.
            pending = 0;
            insert.executeBatch();
        }
    }

    /** Whether the statement has been released (for tests). */
    boolean isClosed() {
        try {
            return insert.isClosed();
        } catch (SQLException e) {
            throw new DataAccessException("asking whether the message insert of chat " + chatId + " is closed", e);
        }
    }

    /** Releases the statement; messages not yet sent by {@link #finish()} are dropped. */
    @Override
    public void close() {
        try {
            insert.close();
        } catch (SQLException e) {
            throw new DataAccessException("closing the message insert of chat " + chatId, e);
        }
    }
}
