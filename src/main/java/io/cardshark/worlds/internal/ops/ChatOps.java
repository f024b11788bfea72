package io.cardshark.worlds.internal.ops;

import io.cardshark.worlds.internal.rows.WorldKeys;
import io.cardshark.worlds.internal.doc.ChatDocuments;
import io.cardshark.worlds.internal.engine.RandomIds;
import io.cardshark.worlds.internal.engine.Access;
import io.cardshark.worlds.AlreadyExistsException;
import io.cardshark.worlds.Chat;
import io.cardshark.worlds.ChatMessage;
import io.cardshark.worlds.Chats;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.MessagePage;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.NotFoundException;
import io.cardshark.worlds.SearchPage;
import io.cardshark.worlds.SearchQuery;
import io.cardshark.worlds.internal.db.tables.records.ChatRecord;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.rows.ChatRows;
import io.cardshark.worlds.internal.rows.MessageRows;
import io.cardshark.worlds.internal.rows.WorldRows;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static io.cardshark.worlds.internal.db.Tables.CHAT;
import static io.cardshark.worlds.internal.db.Tables.CHAT_MESSAGE;
import static io.cardshark.worlds.internal.db.Tables.LOCATION;

/** {@link Chats} over the chat and chat_message tables. */
public final class ChatOps implements Chats {

    /** Most messages one page returns, so a caller cannot ask for a million rows by accident. */
    static final int MAX_PAGE = 10_000;
    static final String ORIGIN_STORE = "STORE";

    private final Access access;
    private final MessageSearch search;

    public ChatOps(Access access) {
        this.access = access;
        this.search = new MessageSearch(access);
    }

    @Override
    public SearchPage search(SearchQuery query) {
        return search.search(query);
    }

    @Override
    public Chat create(String worldId, NewChat chat) {
        Checks.worldId(worldId);
        if (chat == null) {
            throw new InvalidInputException(worldId, "world " + worldId + ": chat: expected a new chat, found null");
        }
        if (chat.chatId() != null) {
            Checks.safeSegment(worldId, "chat_id", chat.chatId(), 250);
        }
        Checks.optional(worldId, "chat title", chat.title(), Checks.MAX_NAME);
        Checks.optional(worldId, "chat location_id", chat.locationId(), Checks.MAX_NAME);
        return access.write(worldId, dsl -> {
            WorldRows.lock(dsl, worldId);
            if (chat.locationId() != null && !dsl.fetchExists(LOCATION,
                    LOCATION.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)), LOCATION.LOCATION_ID.eq(chat.locationId()))) {
                throw new NotFoundException(worldId, "world " + worldId + ": chat location_id: location "
                        + chat.locationId() + " does not exist");
            }
            String chatId = chat.chatId() != null ? chat.chatId() : freshChatId(dsl, worldId);
            if (dsl.fetchExists(CHAT, CHAT.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)), CHAT.CHAT_ID.eq(chatId))) {
                throw new AlreadyExistsException(worldId, "world " + worldId + ": chat " + chatId + " already exists");
            }
            long now = System.currentTimeMillis();
            ChatRecord r = new ChatRecord();
            r.setWorldKey(WorldKeys.of(dsl, worldId));
            r.setChatId(chatId);
            r.setLocationId(chat.locationId());
            r.setTitle(chat.title());
            r.setCreatedToken(Long.toString(now));
            r.setUpdatedToken(Long.toString(now));
            r.setHeader(ChatDocuments.newChatHeader(chatId, chat.title(), chat.locationId(), now));
            r.setOrigin(ORIGIN_STORE);
            r.setMessageCount(0L);
            r.setCreatedAt(WorldRows.now());
            ChatRows.insert(dsl, r);
            return toChat(worldId, r);
        });
    }

    private static String freshChatId(DSLContext dsl, String worldId) {
        while (true) {
            String id = "chat_" + RandomIds.hex(8);
            if (!dsl.fetchExists(CHAT, CHAT.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)), CHAT.CHAT_ID.eq(id))) {
                return id;
            }
        }
    }

    @Override
    public Chat get(String worldId, String chatId) {
        Checks.worldId(worldId);
        Checks.required(worldId, "chat_id", chatId, Checks.MAX_TEXT);
        return access.read(worldId, dsl -> toChat(worldId, requireChat(dsl, worldId, chatId)));
    }

    private static ChatRecord requireChat(DSLContext dsl, String worldId, String chatId) {
        ChatRecord r = ChatRows.read(dsl, worldId, chatId).orElse(null);
        if (r == null) {
            WorldRows.requireWorld(dsl, worldId);
            throw new NotFoundException(worldId, "world " + worldId + ": chat " + chatId + " does not exist");
        }
        return r;
    }

    @Override
    public List<Chat> list(String worldId) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> {
            WorldRows.requireWorld(dsl, worldId);
            return dsl.selectFrom(CHAT).where(CHAT.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)))
                    .orderBy(CHAT.CREATED_AT, CHAT.CHAT_ID)
                    .fetch(r -> toChat(worldId, r));
        });
    }

    @Override
    public List<Chat> ofLocation(String worldId, String locationId) {
        Checks.worldId(worldId);
        Checks.required(worldId, "location_id", locationId, Checks.MAX_TEXT);
        return access.read(worldId, dsl -> {
            WorldRows.requireWorld(dsl, worldId);
            return dsl.selectFrom(CHAT).where(CHAT.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)), CHAT.LOCATION_ID.eq(locationId))
                    .orderBy(CHAT.CREATED_AT, CHAT.CHAT_ID).fetch(r -> toChat(worldId, r));
        });
    }

    @Override
    public Optional<Chat> latest(String worldId) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> {
            WorldRows.requireWorld(dsl, worldId);
            return dsl.selectFrom(CHAT).where(CHAT.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)))
                    .orderBy(CHAT.CREATED_AT.desc(), CHAT.CHAT_ID.desc()).limit(1)
                    .fetchOptional(r -> toChat(worldId, r));
        });
    }

    @Override
    public ChatMessage append(String worldId, String chatId, NewMessage message) {
        return appendAll(worldId, chatId, List.of(message == null ? nullMessage(worldId) : message)).get(0);
    }

    private static NewMessage nullMessage(String worldId) {
        throw new InvalidInputException(worldId, "world " + worldId + ": message: expected a message, found null");
    }

    @Override
    public List<ChatMessage> appendAll(String worldId, String chatId, List<NewMessage> messages) {
        Checks.worldId(worldId);
        Checks.required(worldId, "chat_id", chatId, Checks.MAX_TEXT);
        if (messages == null) {
            throw new InvalidInputException(worldId, "world " + worldId + ": messages: expected a list, found null");
        }
        long now = System.currentTimeMillis();
        List<JsonObject> documents = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            NewMessage m = messages.get(i);
            String at = "chat " + chatId + " message " + i + " ";
            if (m == null) {
                throw new InvalidInputException(worldId, "world " + worldId + ": " + at + ": expected a message, found null");
            }
            if (m.id() != null) {
                Checks.nonEmpty(worldId, at + "id", m.id(), Checks.MAX_NAME);
            }
            Checks.nonEmpty(worldId, at + "role", m.role(), 200);
            Checks.required(worldId, at + "content", m.content(), Checks.MAX_TEXT);
            documents.add(ChatDocuments.newMessage(m.id() == null ? "msg_" + RandomIds.hex(8) : m.id(), m.role(),
                    m.content(), m.timestamp() == null ? now : m.timestamp()));
        }
        if (documents.isEmpty()) {
            // Nothing to write, but the same answer as a call with messages for a chat that is not there.
            return access.read(worldId, dsl -> {
                requireChat(dsl, worldId, chatId);
                return List.of();
            });
        }
        return access.write(worldId, dsl -> {
            // The world lock serialises appenders, so sequence numbers stay gap-free and unique.
            WorldRows.lock(dsl, worldId);
            ChatRecord chat = requireChat(dsl, worldId, chatId);
            long first = chat.getMessageCount();
            if (first > MessageRows.SEQ_LIMIT - documents.size()) {
                throw new InvalidInputException(worldId, "world " + worldId + ": chat " + chatId + " holds " + first
                        + " messages; " + documents.size() + " more would pass the most a chat can hold, "
                        + MessageRows.SEQ_LIMIT + " (start a new chat)");
            }
            List<MessageRows.Row> rows = new ArrayList<>(documents.size());
            List<ChatMessage> appended = new ArrayList<>(documents.size());
            for (int i = 0; i < documents.size(); i++) {
                MessageRows.Row row = MessageRows.Row.of(chat.getWorldKey(), chat.getChatKey(), first + i, documents.get(i));
                rows.add(row);
                // The text from the model in hand: reading it back from the stored form was a sixth of a batch.
                appended.add(new ChatMessage(row.seq(), row.messageId(), row.role(),
                        ChatDocuments.messageContent(documents.get(i)), row.document()));
            }
            MessageRows.insert(dsl, rows);
            ChatDocuments.Touched touched = ChatDocuments.touchUpdated(chat.getHeader(), now);
            ChatRows.appended(dsl, chat.getChatKey(), touched.header(),
                    touched.token() != null ? touched.token() : chat.getUpdatedToken(), first + rows.size());
            return Collections.unmodifiableList(appended);
        });
    }

    @Override
    public MessagePage pageForward(String worldId, String chatId, long afterSeq, int limit) {
        return page(worldId, chatId, afterSeq, limit, true);
    }

    @Override
    public MessagePage pageBackward(String worldId, String chatId, long beforeSeq, int limit) {
        return page(worldId, chatId, beforeSeq, limit, false);
    }

    private MessagePage page(String worldId, String chatId, long from, int limit, boolean forward) {
        Checks.worldId(worldId);
        Checks.required(worldId, "chat_id", chatId, Checks.MAX_TEXT);
        Checks.positive(worldId, "limit", limit);
        int size = Math.min(limit, MAX_PAGE);
        return access.read(worldId, dsl -> {
            ChatRecord chat = requireChat(dsl, worldId, chatId);
            var query = dsl.select(CHAT_MESSAGE.SEQ, CHAT_MESSAGE.MESSAGE_ID, CHAT_MESSAGE.ROLE, CHAT_MESSAGE.DOCUMENT)
                    .from(CHAT_MESSAGE)
                    .where(forward ? MessageRows.after(chat.getWorldKey(), chat.getChatKey(), from)
                            : MessageRows.before(chat.getWorldKey(), chat.getChatKey(), from))
                    .orderBy(MessageRows.keyOrder(forward))
                    .limit(size + 1);
            List<ChatMessage> rows = new ArrayList<>(query.fetch(ChatOps::toMessage));
            boolean more = rows.size() > size;
            if (more) {
                rows.remove(rows.size() - 1);
            }
            if (!forward) {
                Collections.reverse(rows);
            }
            long cursor = rows.isEmpty() ? from : forward ? rows.get(rows.size() - 1).seq() : rows.get(0).seq();
            return new MessagePage(rows, more, cursor);
        });
    }

    @Override
    public void delete(String worldId, String chatId) {
        Checks.worldId(worldId);
        Checks.required(worldId, "chat_id", chatId, Checks.MAX_TEXT);
        access.write(worldId, dsl -> {
            WorldRows.lock(dsl, worldId);
            ChatRows.delete(dsl, requireChat(dsl, worldId, chatId));
            return null;
        });
    }

    private static ChatMessage toMessage(Record r) {
        String document = r.get(CHAT_MESSAGE.DOCUMENT);
        return new ChatMessage(r.get(CHAT_MESSAGE.SEQ), r.get(CHAT_MESSAGE.MESSAGE_ID), r.get(CHAT_MESSAGE.ROLE),
                ChatDocuments.messageContent(document), document);
    }

    static Chat toChat(String worldId, ChatRecord r) {
        return new Chat(worldId, r.getChatId(), r.getLocationId(), r.getTitle(), r.getCreatedToken(),
                r.getUpdatedToken(), r.getMessageCount());
    }
}
