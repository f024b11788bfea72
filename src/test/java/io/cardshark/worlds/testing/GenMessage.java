package io.cardshark.worlds.testing;

import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;

/**
 * A generated chat message (format spec §5) with what the store must answer for it, as the generator wrote
 * it: its id, its role ({@code role} in the design document's shape, {@code sender} in {@code add_message}'s)
 * and its content; {@code null} where the generator gave the message none of them.
 *
 * @param document the message object, kept exactly as written
 */
public record GenMessage(JsonObject document, String id, String role, String content) {

    /** The same message under another id. */
    GenMessage withId(String newId) {
        return new GenMessage(document.with("id", new JsonString(newId)), newId, role, content);
    }
}
