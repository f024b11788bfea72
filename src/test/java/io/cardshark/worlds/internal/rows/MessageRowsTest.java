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

    /** Rows go many a statement, and those left over one a statement: every count lands whole and in order. */
    @Test
    void everyMessageOfABatchLandsWhateverItsCount() throws Exception {
        inTransaction((c, dsl) -> {
            for (int count : new int[] {0, 1, 99, 100, 101, 999, 1000, 1001, 2345}) {
                try (MessageRows.Batch batch = MessageRows.batch(dsl, "chat of " + count)) {
                    for (int seq = 0; seq < count; seq++) {
                        batch.add(message(seq, "message " + seq + " of " + count));
                    }
                    batch.finish();
                }
                java.util.List<String> landed = contents(c);
                assertThat(landed).as("%d messages", count).hasSize(count);
                for (int seq = 0; seq < count; seq++) {
                    assertThat(landed.get(seq)).isEqualTo("message " + seq + " of " + count);
                }
                c.rollback();
            }
        });
    }

    /** A refused row inside a statement of many rows fails the batch, named by its chat. */
    @Test
    void aRowRefusedInsideAStatementOfManyFailsTheBatch() throws Exception {
        inTransaction((c, dsl) -> {
            try (MessageRows.Batch batch = MessageRows.batch(dsl, "twice numbered")) {
                for (int seq = 0; seq < 150; seq++) {
                    batch.add(message(seq == 57 ? 56 : seq, "message " + seq));
                }
                assertThatThrownBy(batch::finish).isInstanceOf(DataAccessException.class)
                        .hasMessageContaining("inserting the messages of chat twice numbered");
            }
            c.rollback();
            assertThat(messageRows(c)).isZero();
        });
    }

    /** Work on a writable connection of a store, with its transaction left to the work. */
    private interface Work {
        void run(Connection c, DSLContext dsl) throws Exception;
    }

    private void inTransaction(Work work) throws Exception {
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open();
             Connection c = store.sqlConnection(true)) {
            c.setAutoCommit(false);
            work.run(c, DSL.using(c, SQLDialect.H2));
        }
    }

    /** The test chat's message contents, in the key's order. */
    private static java.util.List<String> contents(Connection c) throws Exception {
        java.util.List<String> texts = new java.util.ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT DOCUMENT FROM CHAT_MESSAGE WHERE CHAT_KEY = 987654321 ORDER BY MESSAGE_KEY")) {
            while (rs.next()) {
                texts.add(((JsonString) io.cardshark.worlds.internal.doc.StoredJson.parseObject(rs.getString(1))
                        .get("content")).value());
            }
        }
        return texts;
    }

    static long messageRows(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM CHAT_MESSAGE")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
