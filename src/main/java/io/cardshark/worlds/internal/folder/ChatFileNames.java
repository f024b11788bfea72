package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.internal.doc.FolderPaths;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonString;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Names of exported chat files that the format leaves to the implementation (format spec §9.1, §9.2).
 *
 * <p>{@code documented}: a location's only chat is {@code {location_id}_chat.jsonl}; every other chat is
 * {@code {chat id, %-encoded}.chat.jsonl}. The two never meet: one ends in {@code _chat.jsonl}, the other
 * in {@code .chat.jsonl}; chat ids are unique in a world and the encoding is reversible, so the names are
 * injective. {@code %}, {@code /}, {@code \}, {@code ~} and control characters are encoded as {@code %XX}
 * of their UTF-8 bytes, an unpaired surrogate as {@code %uXXXX}; a name over 255 bytes is cut and ends in
 * {@code ~} and a digest of the id.
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
        return bounded(encode(chatId), chatId, ".chat.jsonl");
    }

    /**
     * The {@code cardshark} name of a chat: {@code {chat_id}.json} when that is a safe segment, not a backup's
     * name (format §8) and not {@code taken} (as {@code chats/...}), else the encoded fallback.
     */
    static String cardsharkChat(String chatId, Predicate<String> taken) {
        String name = chatId + ".json";
        return WorldIds.isSafeSegment(name) && !FolderPaths.isBackupName(name) && !taken.test("chats/" + name) ? name
                : bounded(encode(chatId), chatId, ".chat.json");
    }

    /**
     * A name within the file systems' 255 bytes: a long id is cut and given a digest of the whole id (a
     * {@code ~} and 32 hex digits; {@code ~} cannot end an encoded id that fits, so the forms stay apart).
     */
    private static String bounded(String encoded, String chatId, String suffix) {
        String name = encoded + suffix;
        if (name.getBytes(StandardCharsets.UTF_8).length <= WorldIds.MAX_SEGMENT_BYTES) {
            return name;
        }
        String digest = io.cardshark.worlds.internal.rows.FileRows.sha256(chatId.getBytes(StandardCharsets.UTF_16BE)).substring(0, 32);
        StringBuilder prefix = new StringBuilder();
        int budget = WorldIds.MAX_SEGMENT_BYTES - suffix.length() - 1 - digest.length();
        for (int i = 0; i < encoded.length(); ) {
            int cp = encoded.codePointAt(i);
            String c = new String(Character.toChars(cp));
            if (prefix.toString().getBytes(StandardCharsets.UTF_8).length + c.getBytes(StandardCharsets.UTF_8).length > budget) {
                break;
            }
            prefix.append(c);
            i += Character.charCount(cp);
        }
        return prefix + "~" + digest + suffix;
    }

    /**
     * The chat id of the {@code .json} chat file {@code fileName} (format §5.3): the name minus {@code .json},
     * unless the name is the fallback {@link #cardsharkChat} gives the chat whose {@code id} the document holds;
     * then that {@code id}. CardShark named each file after its document's {@code id}, so its folders never
     * meet the exception; without it, a chat exported under a fallback name would come back with another id.
     */
    static String jsonChatId(String fileName, Json id) {
        String plain = fileName.substring(0, fileName.length() - ".json".length());
        if (id instanceof JsonString s && !s.value().equals(plain)
                && fileName.equals(bounded(encode(s.value()), s.value(), ".chat.json"))) {
            return s.value();
        }
        return plain;
    }

    static String encode(String chatId) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chatId.length(); ) {
            int cp = chatId.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                // An unpaired surrogate has no UTF-8 bytes: %uXXXX keeps it apart from every other one.
                b.append("%u").append(String.format("%04X", cp));
            } else if (cp == '.' && chatId.startsWith("backup", i)) {
                // A name holding ".backup." followed by ".json" is a backup to the importer (format §8): the
                // dot is encoded, so no chat's file name can ever read as one.
                b.append("%2E");
            } else if (cp == '%' || cp == '/' || cp == '\\' || cp == '~' || cp <= 0x1F || (cp >= 0x7F && cp <= 0x9F)) {
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
