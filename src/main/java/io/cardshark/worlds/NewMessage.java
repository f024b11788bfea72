package io.cardshark.worlds;

import java.time.Instant;

/**
 * A chat message to append, in the design document's shape {@code {id, role, content, timestamp}}.
 *
 * @param id        the message's id; {@code null} for one the store makes ({@code msg_} and 8 hex digits)
 * @param role      who speaks: {@code user}, {@code assistant}, {@code system}, ...
 * @param content   what is said
 * @param timestamp epoch milliseconds; {@code null} for the store's clock
 */
public record NewMessage(String id, String role, String content, Long timestamp) {

    /**
     * A message with a role and content, its id and time made by the store.
     *
     * @param role    who speaks: {@code user}, {@code assistant}, {@code system}, ...
     * @param content what is said
     * @return the message to append
     */
    public static NewMessage of(String role, String content) {
        return new NewMessage(null, role, content, null);
    }

    /**
     * This message with an id of the caller's choosing.
     *
     * @param newId the message's id, non-blank and at most 1000 characters; the store does not require it to
     *              be unique
     * @return a copy with the id
     */
    public NewMessage withId(String newId) {
        return new NewMessage(newId, role, content, timestamp);
    }

    /**
     * This message, said at a time of the caller's.
     *
     * @param when when it was said, kept to the millisecond
     * @return a copy with the time
     */
    public NewMessage at(Instant when) {
        return new NewMessage(id, role, content, when.toEpochMilli());
    }
}
