package io.cardshark.worlds;

/**
 * A stored chat message.
 *
 * @param seq      its position in the chat, from 0, without holes
 * @param id       the message's {@code id}, or {@code null} when it has none
 * @param role     {@code role}, or for CardShark's other shapes {@code sender}; {@code null} when neither is a string
 * @param content  {@code content} (or {@code mes}) when a string, else {@code null}
 * @param document the whole message object as JSON, every key in its order
 */
public record ChatMessage(long seq, String id, String role, String content, String document) {
}
