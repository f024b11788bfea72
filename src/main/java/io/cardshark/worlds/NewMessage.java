package io.cardshark.worlds;

/**
 * A chat message to append, in the design document's shape {@code {id, role, content, timestamp}}.
 * {@code id} may be {@code null}: the store then makes {@code msg_} + 8 hex digits; {@code timestamp}
 * (epoch milliseconds) may be {@code null}: the store then uses its clock.
 */
public record NewMessage(String id, String role, String content, Long timestamp) {
    public static NewMessage of(String role, String content) {
        return new NewMessage(null, role, content, null);
    }
}
