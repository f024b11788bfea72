package io.cardshark.worlds;

/**
 * A chat to create.
 *
 * @param chatId     the chat's id, a path-safe name; {@code null} for one the store makes ({@code chat_} and 8 hex digits)
 * @param locationId the location it belongs to, or {@code null} for none
 * @param title      its title, or {@code null}
 */
public record NewChat(String chatId, String locationId, String title) {

    /** A chat at a location (or none, {@code null}) with a title, its id made by the store. */
    public static NewChat at(String locationId, String title) {
        return new NewChat(null, locationId, title);
    }

    /** This chat with an id of the caller's choosing. */
    public NewChat withId(String newChatId) {
        return new NewChat(newChatId, locationId, title);
    }
}
