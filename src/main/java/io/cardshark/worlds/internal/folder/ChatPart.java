package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.rows.MessageRows;

import java.util.List;
import java.util.Optional;

/**
 * What {@link ChatReader} hands {@link ChatImporter}: a chat file read as a {@link Start}, its messages in
 * {@link Messages} parts of bounded size, and an {@link End}. Each part carries the bytes of the file read for
 * it, for the import's counts and progress.
 */
sealed interface ChatPart {

    /** The bytes of the chat file read for this part. */
    long bytes();

    /**
     * A chat file's chat-level data, checked.
     *
     * @param rel           the file, relative to the world folder
     * @param chatId        the chat's id
     * @param header        the chat-level object, without {@code messages}
     * @param origin        {@code A} or {@code B} (a JSON chat's shape), or {@code JSONL}
     * @param messagesIndex where {@code messages} stood among a JSON chat's keys; {@code null} for JSONL
     * @param style         how a JSON chat file was written, when a style reproduces its bytes; else empty
     * @param original      a JSON chat file's bytes when no style reproduces them (kept as they are), else {@code null}
     * @param messageCount  a JSON chat's messages; {@code null} for JSONL, whose count is known at its end
     */
    record Start(String rel, String chatId, JsonObject header, String origin, Integer messagesIndex,
                 Optional<JsonStyle> style, byte[] original, Long messageCount, long bytes) implements ChatPart {
    }

    /** The next messages of the chat last started, in order. */
    record Messages(List<MessageRows.Prepared> messages, long bytes) implements ChatPart {
    }

    /** The chat last started has no more messages. */
    record End(long bytes) implements ChatPart {
    }
}
