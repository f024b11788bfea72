package io.cardshark.worlds;

import java.util.List;
import java.util.Optional;

/** Chats and their append-only messages. */
public interface Chats {

    /** Creates an empty chat. @throws AlreadyExistsException when the world has a chat with that id */
    Chat create(String worldId, NewChat chat);

    /** @throws NotFoundException when the world or the chat does not exist */
    Chat get(String worldId, String chatId);

    /** Every chat of the world, oldest first. */
    List<Chat> list(String worldId);

    /** The chats linked to a location, oldest first. */
    List<Chat> ofLocation(String worldId, String locationId);

    /** The most recently created chat of the world. */
    Optional<Chat> latest(String worldId);

    /** Appends one message; returns it with its sequence number. */
    ChatMessage append(String worldId, String chatId, NewMessage message);

    /** Appends messages in order, all or none. */
    List<ChatMessage> appendAll(String worldId, String chatId, List<NewMessage> messages);

    /**
     * Up to {@code limit} messages (at most 10,000) with {@code seq > afterSeq} (use -1 for the start), oldest
     * first; {@link MessagePage#next()} continues after them.
     */
    MessagePage pageForward(String worldId, String chatId, long afterSeq, int limit);

    /**
     * The newest {@code limit} messages (at most 10,000) with {@code seq < beforeSeq} (use {@link Long#MAX_VALUE}
     * for the end), returned oldest first; {@link MessagePage#next()} continues before them.
     */
    MessagePage pageBackward(String worldId, String chatId, long beforeSeq, int limit);

    /** Deletes a chat and its messages. */
    void delete(String worldId, String chatId);
}
