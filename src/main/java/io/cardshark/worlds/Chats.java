package io.cardshark.worlds;

import java.util.List;
import java.util.Optional;

/**
 * Chats and their append-only messages. Reach it through {@link WorldOperations#chats()}.
 *
 * <p>A chat's messages are numbered from 0 without holes ({@link ChatMessage#seq()}): appenders of one world
 * are serialised, so two appends never take the same number. Read long chats a page at a time
 * ({@link #pageBackward}, {@link #pageForward}). Every call fails with {@link NotFoundException} when the
 * world does not exist; the failures every call can meet are listed in the
 * {@linkplain io.cardshark.worlds package summary}.
 */
public interface Chats {

    /**
     * Creates an empty chat.
     *
     * @param worldId the world's id
     * @param chat    what to create; its id is made by the store when it names none
     * @return the new chat
     * @throws AlreadyExistsException when the world has a chat with that id
     * @throws NotFoundException      when the world, or the location the chat names, does not exist
     * @throws InvalidInputException  when the chat id is not path-safe, or the title or location id is longer
     *                                than 1000 characters
     */
    Chat create(String worldId, NewChat chat);

    /**
     * The chat with this id.
     *
     * @param worldId the world's id
     * @param chatId  the chat's id within the world
     * @return the chat, with its message count
     * @throws NotFoundException when the world or the chat does not exist
     */
    Chat get(String worldId, String chatId);

    /**
     * Every chat of the world, oldest first.
     *
     * @param worldId the world's id
     * @return the chats; empty when the world has none
     * @throws NotFoundException when there is no such world
     */
    List<Chat> list(String worldId);

    /**
     * The chats linked to a location, oldest first.
     *
     * @param worldId    the world's id
     * @param locationId the location's id, compared exactly; it need not name an existing location
     * @return the chats; empty when none is linked to it
     * @throws NotFoundException when there is no such world
     */
    List<Chat> ofLocation(String worldId, String locationId);

    /**
     * The most recently created chat of the world.
     *
     * @param worldId the world's id
     * @return the chat, or empty when the world has none
     * @throws NotFoundException when there is no such world
     */
    Optional<Chat> latest(String worldId);

    /**
     * Appends one message.
     *
     * @param worldId the world's id
     * @param chatId  the chat to append to
     * @param message the message; its id and time are made by the store when it names none
     * @return the stored message, with its sequence number
     * @throws NotFoundException     when the world or the chat does not exist
     * @throws InvalidInputException when the role is blank or the content missing
     */
    ChatMessage append(String worldId, String chatId, NewMessage message);

    /**
     * Appends messages in order, all or none: cheaper than one {@link #append} per message, and no reader
     * sees half of them.
     *
     * @param worldId  the world's id
     * @param chatId   the chat to append to
     * @param messages the messages, in order
     * @return the stored messages, in order, with their sequence numbers; empty for an empty list (the world
     *         and the chat are checked all the same)
     * @throws NotFoundException     when the world or the chat does not exist
     * @throws InvalidInputException when a message is {@code null}, has a blank role or misses its content
     */
    List<ChatMessage> appendAll(String worldId, String chatId, List<NewMessage> messages);

    /**
     * Up to {@code limit} messages with {@code seq > afterSeq}, oldest first: reading a chat from its start.
     *
     * @param worldId  the world's id
     * @param chatId   the chat to read
     * @param afterSeq the sequence number to continue after; -1 for the start
     * @param limit    the most messages to return, at least 1; more than 10,000 reads 10,000
     * @return the page; {@link MessagePage#next()} continues after it
     * @throws NotFoundException     when the world or the chat does not exist
     * @throws InvalidInputException when {@code limit} is not positive
     */
    MessagePage pageForward(String worldId, String chatId, long afterSeq, int limit);

    /**
     * The newest {@code limit} messages with {@code seq < beforeSeq}, returned oldest first: reading a chat
     * from its end, as a chat screen does.
     *
     * @param worldId   the world's id
     * @param chatId    the chat to read
     * @param beforeSeq the sequence number to continue before; {@link Long#MAX_VALUE} for the end
     * @param limit     the most messages to return, at least 1; more than 10,000 reads 10,000
     * @return the page; {@link MessagePage#next()} continues before it
     * @throws NotFoundException     when the world or the chat does not exist
     * @throws InvalidInputException when {@code limit} is not positive
     */
    MessagePage pageBackward(String worldId, String chatId, long beforeSeq, int limit);

    /**
     * Deletes a chat and its messages.
     *
     * @param worldId the world's id
     * @param chatId  the chat to delete
     * @throws NotFoundException when the world or the chat does not exist
     */
    void delete(String worldId, String chatId);

    /**
     * Finds messages by their words, across every world or in one ({@link SearchQuery}): messages holding every
     * word of the query, best first, a page at a time. The index is kept by the same transactions that write
     * the messages (an append, an import, a branch, a delete, a restore), so a search sees exactly the
     * messages that are committed.
     *
     * <pre>{@code
     * SearchPage page = store.chats().search(SearchQuery.of("Elara key").inWorld("Emberfall_Keep"));
     * for (SearchHit hit : page.hits()) {
     *     System.out.println(hit.chatId() + " #" + hit.seq() + ": " + hit.snippet().marked("[", "]"));
     * }
     * }</pre>
     *
     * @param query what to find, and where
     * @return the first page, or the page after {@link SearchQuery#cursor()}
     * @throws NotFoundException     when the query names a world that does not exist
     * @throws InvalidInputException when the text holds no word or more than {@value SearchQuery#MAX_WORDS},
     *                               the limit is out of range, or the cursor is not one a search returned
     */
    SearchPage search(SearchQuery query);
}
