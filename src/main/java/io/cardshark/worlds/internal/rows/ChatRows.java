package io.cardshark.worlds.internal.rows;

import io.cardshark.worlds.internal.db.tables.records.ChatRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.util.Optional;
import java.util.Map;
import java.util.List;

import static io.cardshark.worlds.internal.db.Tables.CHAT;
import static io.cardshark.worlds.internal.db.Tables.WORLD;

/** The one writer of {@code CHAT}: a chat's row, made by the API or an import, and the counts appends keep. */
public final class ChatRows {

    /** A chat by its world's id, joined to the world's row: one statement, which also gives the world's key. */
    private static final Compiled BY_ID = Compiled.select(CHAT, DSL.select(CHAT.fields()).from(CHAT)
            .join(WORLD).on(WORLD.WORLD_KEY.eq(CHAT.WORLD_KEY))
            .where(WORLD.ID.eq(Compiled.bind(WORLD.ID)), CHAT.CHAT_ID.eq(Compiled.bind(CHAT.CHAT_ID))));
    /** After an append: the header and token that the append moved on, and the count. */
    private static final Compiled APPENDED = Compiled.statement(DSL.update(CHAT)
            .set(CHAT.HEADER, Compiled.bind(CHAT.HEADER))
            .set(CHAT.UPDATED_TOKEN, Compiled.bind(CHAT.UPDATED_TOKEN))
            .set(CHAT.MESSAGE_COUNT, Compiled.bind(CHAT.MESSAGE_COUNT))
            .where(CHAT.CHAT_KEY.eq(Compiled.bind(CHAT.CHAT_KEY))));

    private ChatRows() {
    }

    public static Optional<ChatRecord> read(DSLContext dsl, String worldId, String chatId) {
        Optional<ChatRecord> chat = BY_ID.fetchInto(dsl, CHAT, worldId, chatId).stream().findFirst();
        chat.ifPresent(c -> WorldKeys.remember(dsl, worldId, c.getWorldKey()));
        return chat;
    }

    /**
     * Inserts a chat's row, which names its world by key ({@link WorldKeys}); the database gives its chat key,
     * which is returned and set on {@code row} (the chat's messages are keyed by both).
     */
    public static long insert(DSLContext dsl, ChatRecord row) {
        long key = dsl.insertInto(CHAT).set(row).returningResult(CHAT.CHAT_KEY).fetchSingle().value1();
        row.setChatKey(key);
        return key;
    }

    /** Records an append: the chat's header and "updated" token as the append left them, and its count. */
    public static void appended(DSLContext dsl, long chatKey, String header, String updatedToken, long messageCount) {
        APPENDED.execute(dsl, header, updatedToken, messageCount, chatKey);
    }

    public static void setMessageCount(DSLContext dsl, long chatKey, long messageCount) {
        dsl.update(CHAT).set(CHAT.MESSAGE_COUNT, messageCount).where(CHAT.CHAT_KEY.eq(chatKey)).execute();
    }

    /** Deletes a chat with its messages and its search mark (no foreign key takes them on H2: schemas V6, V10). */
    public static void delete(DSLContext dsl, ChatRecord chat) {
        MessageRows.deleteChat(dsl, chat.getWorldKey(), chat.getChatKey());
        SearchRows.deleteMark(dsl, chat.getWorldKey(), chat.getChatKey());
        dsl.deleteFrom(CHAT).where(CHAT.CHAT_KEY.eq(chat.getChatKey())).execute();
    }

    /**
     * Deletes the chats of a world with their search marks; {@link WorldRows#delete} calls this after
     * {@link MessageRows#deleteWorld}, which finds the messages by these chats.
     */
    static void deleteWorld(DSLContext dsl, long worldKey) {
        SearchRows.deleteMarks(dsl, worldKey);
        WorldRows.deleteRowsOf(dsl, worldKey, CHAT.WORLD_KEY);
    }

    /**
     * A branch: the world's chats, copied inside the database. Each copy gets a chat key of its own (the
     * identity column is left out) under the branch's world key; messages then find it by chat id
     * ({@link #copyKeys}).
     */
    public static void copyWorld(DSLContext dsl, String from, String to) {
        WorldCopy.copy(dsl, CHAT, CHAT.WORLD_KEY, WorldKeys.of(dsl, from), WorldKeys.of(dsl, to), Map.of(),
                List.of(CHAT.CHAT_KEY));
    }

    /** The columns of {@link #copyKeys}. */
    static final Field<Long> FROM_WORLD = DSL.field(DSL.name("from_world"), Long.class);
    static final Field<Long> FROM_CHAT = DSL.field(DSL.name("from_chat"), Long.class);
    static final Field<Long> TO_WORLD = DSL.field(DSL.name("to_world"), Long.class);
    static final Field<Long> TO_CHAT = DSL.field(DSL.name("to_chat"), Long.class);

    /**
     * The pairs (source chat, its copy) of a branch, each by its world's key and its chat key, as a table of the
     * columns {@link #FROM_WORLD}, {@link #FROM_CHAT}, {@link #TO_WORLD} and {@link #TO_CHAT}, for the set-based
     * copies of what hangs off a chat key.
     */
    static Table<Record4<Long, Long, Long, Long>> copyKeys(DSLContext dsl, String from, String to) {
        io.cardshark.worlds.internal.db.tables.Chat source = CHAT.as("source_chat");
        io.cardshark.worlds.internal.db.tables.Chat copy = CHAT.as("copy_chat");
        return DSL.select(source.WORLD_KEY.as(FROM_WORLD), source.CHAT_KEY.as(FROM_CHAT), copy.WORLD_KEY.as(TO_WORLD),
                        copy.CHAT_KEY.as(TO_CHAT))
                .from(source).join(copy).on(copy.WORLD_KEY.eq(WorldKeys.of(dsl, to)), copy.CHAT_ID.eq(source.CHAT_ID))
                .where(source.WORLD_KEY.eq(WorldKeys.of(dsl, from))).asTable("chat_copy");
    }

    /**
     * A copy between stores ({@code copy}): the world's chats, as they are, into another store's database, where
     * each gets a chat key of its own (the identity column is left out); {@link MessageRows#copyAcross} then finds
     * it by chat id.
     */
    public static long copyAcross(DSLContext from, DSLContext to, String worldId) {
        long keyThere = WorldKeys.of(to, worldId);
        return Across.copy(from, to, CHAT, CHAT.WORLD_KEY.eq(WorldKeys.of(from, worldId)), List.of(CHAT.CHAT_KEY.asc()),
                Map.of(CHAT.WORLD_KEY, row -> keyThere), List.of(CHAT.CHAT_KEY));
    }

    /** The chat keys of a world's chats, by chat id. */
    static Map<String, Long> keysById(DSLContext dsl, String worldId) {
        return dsl.select(CHAT.CHAT_ID, CHAT.CHAT_KEY).from(CHAT).where(CHAT.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)))
                .fetchMap(CHAT.CHAT_ID, CHAT.CHAT_KEY);
    }

    /** The keys of a world's chats. */
    static List<Long> keysOf(DSLContext dsl, long worldKey) {
        return dsl.select(CHAT.CHAT_KEY).from(CHAT).where(CHAT.WORLD_KEY.eq(worldKey)).fetch(CHAT.CHAT_KEY);
    }
}
