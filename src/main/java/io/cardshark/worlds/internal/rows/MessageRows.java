package io.cardshark.worlds.internal.rows;

import io.cardshark.worlds.internal.db.tables.records.ChatMessageRecord;
import io.cardshark.worlds.internal.doc.StoredJson;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep6;
import org.jooq.Query;
import org.jooq.Record4;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.cardshark.worlds.internal.db.Tables.CHAT_MESSAGE;

/**
 * The one writer of {@code CHAT_MESSAGE}: an API append and an import both store a message as its whole
 * document, with the columns read from it by one rule ({@link Row#of}).
 */
public final class MessageRows {

    private static final Compiled INSERT = Compiled.statement(insertOf(1));
    /** Rows of one statement in an import's batch ({@link Batch}). */
    private static final int ROWS_PER_INSERT = 100;
    private static final Compiled INSERT_MANY = Compiled.statement(insertOf(ROWS_PER_INSERT));
    /** The values of a row: {@link Row#values}'. */
    private static final int COLUMNS = 6;
    private static final int BATCH = 1000;
    private static final Compiled DELETE_CHAT = Compiled.statement(DSL.deleteFrom(CHAT_MESSAGE).where(ofBoundChat()));

    private MessageRows() {
    }

    /** An insert of {@code rows} rows of {@link Row#values}' columns, each value a placeholder. */
    private static Query insertOf(int rows) {
        InsertValuesStep6<ChatMessageRecord, Long, Long, Long, String, String, String> insert = DSL.insertInto(CHAT_MESSAGE,
                CHAT_MESSAGE.WORLD_KEY, CHAT_MESSAGE.CHAT_KEY, CHAT_MESSAGE.SEQ, CHAT_MESSAGE.MESSAGE_ID, CHAT_MESSAGE.ROLE,
                CHAT_MESSAGE.DOCUMENT);
        for (int i = 0; i < rows; i++) {
            insert = insert.values(Compiled.bind(CHAT_MESSAGE.WORLD_KEY), Compiled.bind(CHAT_MESSAGE.CHAT_KEY),
                    Compiled.bind(CHAT_MESSAGE.SEQ), Compiled.bind(CHAT_MESSAGE.MESSAGE_ID), Compiled.bind(CHAT_MESSAGE.ROLE),
                    Compiled.bind(CHAT_MESSAGE.DOCUMENT));
        }
        return insert;
    }

    /**
     * How many messages a chat can hold: a message's key ({@code MESSAGE_KEY}, schema 9) is its chat's key times
     * this plus its number, so that it is one {@code BIGINT}, which H2 makes the rows' own key (no second map).
     */
    public static final long SEQ_LIMIT = 1L << 32;

    /** The key of message {@code seq} of chat {@code chatKey}: how the schema computes {@code MESSAGE_KEY}. */
    public static long key(long chatKey, long seq) {
        return chatKey * SEQ_LIMIT + seq;
    }

    /**
     * The messages of one chat: a range of the key. The world's key is part of the condition because
     * PostgreSQL's primary key leads with it ({@code WORLD_KEY, MESSAGE_KEY}, so that a world's rows can live
     * on one node); H2's key is {@code MESSAGE_KEY} alone and checks the world on the rows it finds.
     */
    public static Condition ofChat(long worldKey, long chatKey) {
        return seqs(worldKey, chatKey, 0, SEQ_LIMIT - 1);
    }

    /** The messages of one chat numbered above {@code seq}. */
    public static Condition after(long worldKey, long chatKey, long seq) {
        return seq >= SEQ_LIMIT - 1 ? DSL.falseCondition() : seqs(worldKey, chatKey, seq + 1, SEQ_LIMIT - 1);
    }

    /** The messages of one chat numbered below {@code seq}. */
    public static Condition before(long worldKey, long chatKey, long seq) {
        return seq <= 0 ? DSL.falseCondition() : seqs(worldKey, chatKey, 0, seq - 1);
    }

    /** The messages of one chat numbered {@code first} to {@code last}, both included (clamped to the chat's). */
    private static Condition seqs(long worldKey, long chatKey, long first, long last) {
        long lo = Math.max(first, 0);
        long hi = Math.min(last, SEQ_LIMIT - 1);
        return lo > hi ? DSL.falseCondition() : CHAT_MESSAGE.WORLD_KEY.eq(worldKey)
                .and(CHAT_MESSAGE.MESSAGE_KEY.between(key(chatKey, lo), key(chatKey, hi)));
    }

    /**
     * The messages of one chat, for a {@link Compiled} statement: three placeholders, bound in order to the values
     * {@link #chatBounds} gives.
     */
    public static Condition ofBoundChat() {
        return CHAT_MESSAGE.WORLD_KEY.eq(Compiled.bind(CHAT_MESSAGE.WORLD_KEY)).and(CHAT_MESSAGE.MESSAGE_KEY
                .between(Compiled.bind(CHAT_MESSAGE.MESSAGE_KEY), Compiled.bind(CHAT_MESSAGE.MESSAGE_KEY)));
    }

    /** The values of {@link #ofBoundChat}'s placeholders for one chat: its world's key and its range of the key. */
    public static Object[] chatBounds(long worldKey, long chatKey) {
        return new Object[] {worldKey, key(chatKey, 0), key(chatKey, SEQ_LIMIT - 1)};
    }

    /**
     * The messages of the chat whose keys are the fields {@code worldKey} and {@code chatKey} of another table
     * in the query (a join on the chat's row), numbered {@code first} on: a range of the key that H2 looks up
     * per chat row.
     */
    public static Condition ofChat(Field<Long> worldKey, Field<Long> chatKey, Field<Long> first) {
        Field<Long> base = chatKey.times(DSL.inline(SEQ_LIMIT));
        return CHAT_MESSAGE.WORLD_KEY.eq(worldKey).and(CHAT_MESSAGE.MESSAGE_KEY
                .between(base.plus(first), base.plus(DSL.inline(SEQ_LIMIT - 1))));
    }

    /**
     * The key's order. A query of one chat's messages orders by it so that H2 walks the key in order (and
     * stops after a page) instead of sorting every matching message first; PostgreSQL's key leads with the
     * world, fixed by the condition, and walks the same order.
     */
    public static List<SortField<?>> keyOrder(boolean ascending) {
        return List.of(ascending ? CHAT_MESSAGE.MESSAGE_KEY.asc() : CHAT_MESSAGE.MESSAGE_KEY.desc());
    }

    /**
     * One message as its row holds it.
     *
     * @param messageId the document's {@code id} when it is a string, else {@code null}
     * @param role      the document's {@code role} when it is a string, else its {@code sender} (the key of
     *                  CardShark's character-chat shape) when that is, else {@code null}
     * @param document  the whole message object in its stored form
     */
    public record Row(long worldKey, long chatKey, long seq, String messageId, String role, String document) {

        /** The row of message {@code seq} of a chat: the columns read from the document by the one rule above. */
        public static Row of(long worldKey, long chatKey, long seq, JsonObject message) {
            return of(worldKey, chatKey, seq, message, StoredJson.compact(message));
        }

        /** {@link #of(long, long, long, JsonObject)} of a message whose stored form is known: {@code stored}. */
        public static Row of(long worldKey, long chatKey, long seq, JsonObject message, String stored) {
            String role = message.get("role") instanceof JsonString r ? r.value()
                    : message.get("sender") instanceof JsonString s ? s.value() : null;
            String id = message.get("id") instanceof JsonString i ? i.value() : null;
            return new Row(worldKey, chatKey, seq, id, role, stored);
        }

        Object[] values() {
            return new Object[] {worldKey, chatKey, seq, messageId, role, document};
        }
    }

    /**
     * Appends messages, as one JDBC batch; they are pending for the search index (after its chat's mark) until
     * the indexer takes them. The world lock must be held, so that the numbers are the caller's.
     */
    public static void insert(DSLContext dsl, List<Row> rows) {
        INSERT.executeAll(dsl, rows.stream().map(Row::values).toList());
    }

    /**
     * A branch: every message of the world's chats, under the copies' chat keys ({@link ChatRows#copyKeys}),
     * copied inside the database. The chats must have been copied first. The copies' chats have no search mark:
     * their messages are pending until the indexer takes them (postings name the source's chat keys).
     */
    public static void copyWorld(DSLContext dsl, String from, String to) {
        Table<Record4<Long, Long, Long, Long>> keys = ChatRows.copyKeys(dsl, from, to);
        dsl.insertInto(CHAT_MESSAGE, CHAT_MESSAGE.WORLD_KEY, CHAT_MESSAGE.CHAT_KEY, CHAT_MESSAGE.SEQ,
                        CHAT_MESSAGE.MESSAGE_ID, CHAT_MESSAGE.ROLE, CHAT_MESSAGE.DOCUMENT)
                .select(DSL.select(keys.field(ChatRows.TO_WORLD), keys.field(ChatRows.TO_CHAT), CHAT_MESSAGE.SEQ,
                                CHAT_MESSAGE.MESSAGE_ID, CHAT_MESSAGE.ROLE, CHAT_MESSAGE.DOCUMENT)
                        .from(keys).join(CHAT_MESSAGE)
                        .on(ofChat(keys.field(ChatRows.FROM_WORLD), keys.field(ChatRows.FROM_CHAT), DSL.inline(0L))))
                .execute();
    }

    /**
     * Deletes a chat's messages. The table has no foreign key to {@code CHAT} (schema V6: H2 kept a second
     * index for it), so the chat's delete does not take them: {@link ChatRows#delete} calls this.
     */
    static void deleteChat(DSLContext dsl, long worldKey, long chatKey) {
        DELETE_CHAT.execute(dsl, chatBounds(worldKey, chatKey));
    }

    /**
     * Deletes the messages of every chat of a world, a range of the key per chat (the key is the chat's, not the
     * world's), as one JDBC batch (one round trip to PostgreSQL); {@link WorldRows#delete} calls this before the
     * world's chats go.
     */
    static void deleteWorld(DSLContext dsl, long worldKey) {
        List<Object[]> chats = ChatRows.keysOf(dsl, worldKey).stream().map(chatKey -> chatBounds(worldKey, chatKey)).toList();
        if (!chats.isEmpty()) {
            DELETE_CHAT.executeAll(dsl, chats);
        }
    }

    /** A writer of many messages of one chat, for an import: one statement, in batches. */
    public static Batch batch(DSLContext dsl, String chatId) {
        return new Batch(dsl, chatId);
    }

    /**
     * Inserts the messages of one chat through prepared statements of 100 rows, in JDBC batches of 1,000 (the
     * import's hot path, where rendering a statement per batch cost more than H2's work; see
     * {@link StatementBatch}). Runs on the import's transaction; the import makes the rows ({@link Row#of}) and
     * their search index as it parses, on another thread.
     *
     * <p>{@link #finish()} sends what is left; {@link #close()} only releases the statements. A failed import
     * (a bad line, a refused batch) thus closes them without sending rows its rollback discards, and they are
     * closed even when a batch fails: the connection goes back to the pool, which would otherwise keep them
     * open until the connection itself closes.
     */
    public static final class Batch implements AutoCloseable {

        private final StatementBatch messages;

        private Batch(DSLContext dsl, String chatId) {
            this.messages = new StatementBatch(dsl, INSERT.sql(dsl), INSERT_MANY.sql(dsl), ROWS_PER_INSERT, COLUMNS,
                    "inserting the messages of chat " + chatId, BATCH);
        }

        /** Adds the chat's next message. */
        public void add(Row row) {
            messages.add(row.values());
        }

        /** Sends the messages still waiting; call once, after the last {@link #add}. */
        public void finish() {
            messages.send();
        }

        /** Whether the statement has been released (for tests). */
        public boolean isClosed() {
            return messages.isClosed();
        }

        /** Releases the statement; messages not yet sent by {@link #finish()} are dropped. */
        @Override
        public void close() {
            messages.close();
        }
    }

    /**
     * A copy between stores ({@code copy}): every message of the world's chats, as it is, into another store's
     * database, under the chat keys the copies of the chats got there (the chats must have been copied first).
     * They have no search mark there: the target's indexer takes them.
     */
    public static long copyAcross(DSLContext from, DSLContext to, String worldId) {
        Map<String, Long> targetKeys = ChatRows.keysById(to, worldId);
        long worldKey = WorldKeys.of(from, worldId);
        long worldKeyInTarget = WorldKeys.of(to, worldId);
        long n = 0;
        for (Map.Entry<String, Long> chat : new TreeMap<>(ChatRows.keysById(from, worldId)).entrySet()) {
            long chatKeyInTarget = targetKeys.get(chat.getKey());
            n += Across.copy(from, to, CHAT_MESSAGE, ofChat(worldKey, chat.getValue()), keyOrder(true),
                    Map.of(CHAT_MESSAGE.WORLD_KEY, row -> worldKeyInTarget, CHAT_MESSAGE.CHAT_KEY, row -> chatKeyInTarget),
                    List.of(CHAT_MESSAGE.MESSAGE_KEY));
        }
        return n;
    }
}
