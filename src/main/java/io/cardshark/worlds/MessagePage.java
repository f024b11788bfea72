package io.cardshark.worlds;

import java.util.List;

/**
 * A slice of a chat, in ascending sequence order whichever way it was paged.
 *
 * @param hasMore whether more messages lie beyond the slice in the direction it was read
 */
public record MessagePage(List<ChatMessage> messages, boolean hasMore) {
    public MessagePage {
        messages = List.copyOf(messages);
    }
}
