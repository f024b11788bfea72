package io.cardshark.worlds;

/**
 * A conversation, linked to a location of its world (or to none).
 *
 * @param locationId the location the chat belongs to, or {@code null}; may name no location (kept as read)
 * @param created    the chat's creation value as JSON text ({@code "2025-05-22T10:00:00"} quoted, or epoch digits)
 * @param updated    the chat's last update value as JSON text, or {@code null}
 */
public record Chat(String worldId, String chatId, String locationId, String title, String created,
                   String updated, long messageCount) {
}
