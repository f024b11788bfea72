package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.internal.Documents;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import org.jooq.DSLContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Inserts the messages of one chat through one prepared statement in JDBC batches: the import's hot path,
 * where rendering a jOOQ statement per batch cost more than H2's work. Runs on the import's transaction.
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
            throw new IllegalStateException("cannot prepare the message insert", e);
        }
    }

    void add(JsonObject message) {
        String role = message.get("role") instanceof JsonString s ? s.value()
                : message.get("sender") instanceof JsonString s2 ? s2.value() : null;
        try {
            insert.setLong(1, chatKey);
            insert.setLong(2, seq++);
            insert.setString(3, ChatImporter.truncate(ObjectLayout.text(message.get("id"))));
            insert.setString(4, ChatImporter.truncate(role));
            insert.setString(5, Documents.compact(message));
            insert.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("inserting message " + (seq - 1) + " of chat " + chatId, e);
        }
    }

    long count() {
        return seq;
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() {
        try {
            flush();
            insert.close();
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("inserting the messages of chat " + chatId, e);
        }
    }
}
