package io.cardshark.worlds;

/**
 * A chat to create. {@code chatId} may be {@code null}: the store then makes {@code chat_} + 8 hex digits.
 *
 * @param locationId the location it belongs to, or {@code null} for none
 */
public record NewChat(String chatId, String title, String locationId) {
    public static NewChat at(String locationId, String title) {
        return new NewChat(null, title, locationId);
    }
}
