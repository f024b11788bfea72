package io.cardshark.worlds;

import java.time.Instant;
import java.util.Optional;

/**
 * A message that a search found ({@link Chats#search}).
 *
 * @param worldId    the world of the message
 * @param chatId     its chat
 * @param locationId the location the chat belongs to, or {@code null}
 * @param seq        the message's sequence number in its chat, for {@link Chats#pageForward} around it
 * @param messageId  the message's {@code id}, or {@code null}
 * @param role       its role (or sender), or {@code null}
 * @param sentAt     when it was written, read from its {@code timestamp} (or {@code send_date}); {@code null}
 *                   when it has none this store reads as a time
 * @param snippet    a stretch of its text with the found words marked
 * @param score      how well it matches: the sum over the query's words of their BM25 term-frequency weight
 *                   in the message (times 1000); higher first
 */
public record SearchHit(String worldId, String chatId, String locationId, long seq, String messageId, String role,
                        Instant sentAt, Snippet snippet, int score) {

    /**
     * When the message was written.
     *
     * @return {@link #sentAt()}, or empty when the message has no time
     */
    public Optional<Instant> time() {
        return Optional.ofNullable(sentAt);
    }
}
