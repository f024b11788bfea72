package io.cardshark.worlds;

/**
 * A chat to create.
 *
 * @param chatId     the chat's id, a path-safe name; {@code null} for one the store makes ({@code chat_} and 8 hex digits)
 * @param locationId the location it belongs to, or {@code null} for none
 * @param title      its title, or {@code null}
 */
public record NewChat(String chatId, String locationId, String title) {

    /**
     * A chat at a location with a title, its id made by the store.
     *
     * @param locationId the location it belongs to, which must exist when the chat is created, or
     *                   {@code null} for none
     * @param title      its title, or {@code null}
     * @return the chat to create
     */
    public static NewChat at(String locationId, String title) {
        return new NewChat(null, locationId, title);
    }

    /**
     * This chat with an id of the caller's choosing.
     *
     * @param newChatId the id, a path-safe name of at most 250 UTF-8 bytes, unique in the world
     * @return a copy with the id
     */
    public NewChat withId(String newChatId) {
        return new NewChat(newChatId, locationId, title);
    }
}
