package io.cardshark.worlds.bench;

import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonWriter;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The file approach this store replaces, implemented faithfully for the benchmarks (the design document's and
 * CardShark's): the whole {@code world_state.json} rewritten on every save, chats appended as JSONL or rewritten
 * whole. Every write is forced to the disk before it counts as done, as a durable save must be.
 */
public final class FileApproach {

    private FileApproach() {
    }

    /**
     * A world's {@code world_state.json}, saved as CardShark's {@code WorldStateManager.save_world_state} did: the
     * whole state written to a temp file (forced to disk), validated by reading it back, the old file moved to a
     * backup, the temp file renamed into place. CardShark kept every backup; this one deletes it after the rename
     * (one unlink) so that thousands of saves of a 30 MB world do not fill the disk.
     */
    public static final class WorldStateFile {
        private final Path world;
        private final Path state;
        private JsonObject current;
        private final List<Json> visits = new ArrayList<>();
        private long saves;

        /** Opens the world folder {@code world}: reads its state once, as the app holds it in memory. */
        public WorldStateFile(Path world) throws IOException {
            this.world = world;
            this.state = world.resolve("world_state.json");
            this.current = (JsonObject) load(world);
            if (current.get("visited_positions") instanceof JsonArray a) {
                visits.addAll(a.elements());
            }
        }

        /** Moves the player: the new position and the grown visit history, then the whole state saved. */
        public void move(String position) throws IOException {
            visits.add(new JsonString(position));
            current = current.with("current_position", new JsonString(position))
                    .with("visited_positions", new JsonArray(new ArrayList<>(visits)));
            save(current);
        }

        /** One save of the whole state. */
        public void save(JsonObject value) throws IOException {
            long n = saves++;
            Path temp = world.resolve("world_state." + n + ".tmp");
            try (FileChannel c = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writeAll(c, value, JsonStyle.CARDSHARK);
                c.force(true);
            }
            JsonReader.read(Files.readAllBytes(temp)); // validate by reading back
            Path backup = world.resolve("world_state.backup." + n + ".json");
            Files.move(state, backup, StandardCopyOption.ATOMIC_MOVE);
            Files.move(temp, state, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(backup);
        }

        public JsonObject current() {
            return current;
        }
    }

    /** Loads a whole world the file way: parses its {@code world_state.json}. */
    public static Json load(Path world) throws IOException {
        return JsonReader.read(Files.readAllBytes(world.resolve("world_state.json"))).value();
    }

    /** A JSONL chat open for appending: each append writes its lines and forces them to disk. */
    public static final class JsonlChat implements Closeable {
        private final FileChannel channel;

        public JsonlChat(Path file) throws IOException {
            this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }

        /** Appends the lines (each with its LF) and forces them to the disk. */
        public void append(List<byte[]> lines) throws IOException {
            int size = 0;
            for (byte[] l : lines) {
                size += l.length;
            }
            ByteBuffer buffer = ByteBuffer.allocate(size);
            for (byte[] l : lines) {
                buffer.put(l);
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /**
     * CardShark's whole-chat rewrite ({@code world_card_chat_handler}, shape A): the chat file read and parsed, the
     * messages appended, the whole chat written back in its style and forced to disk.
     */
    public static void rewriteChat(Path file, List<? extends Json> newMessages) throws IOException {
        JsonObject chat = (JsonObject) JsonReader.read(Files.readAllBytes(file)).value();
        List<Json> messages = new ArrayList<>(((JsonArray) chat.get("messages")).elements());
        messages.addAll(newMessages);
        chat = chat.with("messages", new JsonArray(messages))
                .with("updated", new JsonString(LocalDateTime.now().toString()));
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            writeAll(c, chat, JsonStyle.CARDSHARK);
            c.force(true);
        }
    }

    private static void writeAll(FileChannel channel, Json value, JsonStyle style) throws IOException {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        JsonWriter.write(value, style, out);
        out.flush(); // the channel stays open for the caller's force
    }
}
