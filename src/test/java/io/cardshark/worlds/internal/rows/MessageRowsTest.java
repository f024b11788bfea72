package io.cardshark.worlds.internal.rows;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A batch of messages that H2 refuses must not leave its prepared statement open on the connection, and a
 * closed batch sends nothing more. On a real store file, through a writable connection of the store.
 */
class MessageRowsTest {

    @TempDir
    Path dir;

    /** Message {@code seq} of the test's chat (world key 123456789, chat key 987654321). */
    static MessageRows.Row message(long seq, String text) {
        return MessageRows.Row.of(123_456_789L, 987_654_321L, seq,
                JsonObject.EMPTY.with("role", new JsonString("user")).with("content", new JsonString(text)));
    }

    @Test
    void aRefusedBatchClosesItsStatement() throws Exception {
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open();
             Connection c = store.sqlConnection(true)) {
            // A message already holds the batch's first key: the primary key refuses the batch when it is sent.
            try (var st = c.createStatement()) {
                st.execute("INSERT INTO CHAT_MESSAGE (WORLD_KEY, CHAT_KEY, SEQ, DOCUMENT) VALUES (123456789, 987654321, 0, '{}')");
            }
            // As an import runs it: in a transaction, which the failure rolls back (H2 sends a batch's other rows).
            c.setAutoCommit(false);
            DSLContext dsl = DSL.using(c, SQLDialect.H2);
            MessageRows.Batch batch = MessageRows.batch(dsl, "ghost");
            batch.add(message(0, "one"));
            batch.add(message(1, "two"));
            assertThatThrownBy(batch::finish).isInstanceOf(DataAccessException.class).hasMessageContaining("ghost");
            batch.close();
            c.rollback();
            assertThat(batch.isClosed()).isTrue();
            assertThat(messageRows(c)).as("only the row that was there").isEqualTo(1);
        }
    }

    @Test
    void closingWithoutFinishingSendsNothingAndReleasesTheStatement() throws Exception {
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open();
             Connection c = store.sqlConnection(true)) {
            DSLContext dsl = DSL.using(c, SQLDialect.H2);
            MessageRows.Batch batch = MessageRows.batch(dsl, "ghost");
            batch.add(message(0, "left behind by a failed import"));
            batch.close();
            assertThat(batch.isClosed()).isTrue();
            assertThat(messageRows(c)).isZero();
        }
    }

    static long messageRows(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM CHAT_MESSAGE")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
