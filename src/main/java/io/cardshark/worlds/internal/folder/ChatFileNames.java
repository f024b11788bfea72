package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.WorldIds;

import java.nio.charset.StandardCharsets;

/**
 * Names of exported chat files that the format leaves to the implementation (format spec §9.1, §9.2).
 *
 * <p>{@code documented}: a location's only chat is {@code {location_id}_chat.jsonl}; every other chat is
 * {@code {chat id, %-encoded}.chat.jsonl}. The two never meet: one ends in {@code _chat.jsonl}, the other
 * in {@code .chat.jsonl}; chat ids are unique in a world and the encoding is reversible, so the names are
 * injective. {@code %}, {@code /}, {@code \} and control characters are encoded as {@code %XX} of their
 * UTF-8 bytes.
 *
 * <p>{@code cardshark}: {@code {chat_id}.json} when that is a safe segment not yet taken, else
 * {@code {chat id, %-encoded}.chat.json}.
 */
final class ChatFileNames {

    private ChatFileNames() {
    }

    static String locationChat(String locationId) {
        String name = locationId + "_chat.jsonl";
        return WorldIds.isSafeSegment(name) ? name : null;
    }

    static String otherChat(String chatId) {
        return encode(chatId) + ".chat.jsonl";
    }

    static String cardsharkFallback(String chatId) {
        return encode(chatId) + ".chat.json";
    }

    static String encode(String chatId) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chatId.length(); ) {
            int cp = chatId.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '%' || cp == '/' || cp == '\\' || cp <= 0x1F || (cp >= 0x7F && cp <= 0x9F)
                    || (cp >= 0xD800 && cp <= 0xDFFF)) {
                for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    b.append('%').append(String.format("%02X", x & 0xFF));
                }
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }
}
