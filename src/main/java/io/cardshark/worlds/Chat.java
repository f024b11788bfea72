package io.cardshark.worlds;

import io.cardshark.worlds.internal.doc.TimeTokens;

import java.time.Instant;
import java.util.Optional;

/**
 * A conversation, linked to a location of its world (or to none).
 *
 * @param worldId      the world it belongs to
 * @param chatId       its id within the world
 * @param locationId   the location the chat belongs to, or {@code null}; may name no location (kept as read)
 * @param title        its title, or {@code null}
 * @param createdToken when it was created, as the world folder writes it: JSON text, such as a quoted ISO time
 *                     ({@code "2025-05-22T10:00:00"}) or epoch digits ({@code 1716372000.5}); see {@link #createdAt()}
 * @param updatedToken when it last changed, as {@code createdToken}, or {@code null}
 * @param messageCount how many messages it holds
 */
public record Chat(String worldId, String chatId, String locationId, String title, String createdToken,
                   String updatedToken, long messageCount) {

    /**
     * When the chat was created, read from {@link #createdToken()}: a quoted ISO time (with an offset, or
     * without one in this JVM's time zone), a quoted SillyTavern time, or epoch digits (milliseconds when the
     * integer has more than 11 digits, else seconds).
     *
     * @return the instant; empty when the token is no time this store reads
     */
    public Optional<Instant> createdAt() {
        return TimeTokens.instant(createdToken);
    }

    /**
     * When the chat last changed, read from {@link #updatedToken()} as {@link #createdAt()} reads its token.
     *
     * @return the instant; empty when the chat has no such token or one this store does not read as a time
     */
    public Optional<Instant> updatedAt() {
        return TimeTokens.instant(updatedToken);
    }
}
