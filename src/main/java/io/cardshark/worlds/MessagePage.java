package io.cardshark.worlds;

import java.util.List;
import java.util.OptionalLong;

/**
 * A slice of a chat, its messages in ascending sequence order whichever way it was read.
 *
 * <pre>{@code
 * MessagePage page = chats.pageBackward(world, chat, Long.MAX_VALUE, 50);   // the newest 50
 * while (page.next().isPresent()) {
 *     page = chats.pageBackward(world, chat, page.next().getAsLong(), 50);  // the 50 before those
 * }
 * }</pre>
 *
 * @param messages the messages, oldest first
 * @param hasMore  whether more messages lie beyond the slice in the direction it was read
 * @param cursor   where the next slice in the same direction starts: the sequence number to pass as
 *                 {@code afterSeq} ({@link Chats#pageForward}) or {@code beforeSeq} ({@link Chats#pageBackward});
 *                 the value passed in when the slice is empty
 */
public record MessagePage(List<ChatMessage> messages, boolean hasMore, long cursor) {

    /**
     * Seals the page: the list is copied, so the page never changes.
     *
     * @param messages the messages, oldest first
     * @param hasMore  whether more messages lie beyond the slice in the direction it was read
     * @param cursor   where the next slice in the same direction starts
     */
    public MessagePage {
        messages = List.copyOf(messages);
    }

    /**
     * The cursor of the next slice in the same direction.
     *
     * @return {@link #cursor()}, or empty when no message lies beyond this slice
     */
    public OptionalLong next() {
        return hasMore ? OptionalLong.of(cursor) : OptionalLong.empty();
    }
}
