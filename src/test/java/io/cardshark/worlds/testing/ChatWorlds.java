package io.cardshark.worlds.testing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** World folders of one location and one long JSONL chat, for tests of an import under way. */
public final class ChatWorlds {

    private static final String STATE = """
            {
              "name": "%s",
              "locations": {
                "0,0,0": {
                  "name": "Hall",
                  "location_id": "hall",
                  "description": "A hall."
                }
              }
            }""";

    private ChatWorlds() {
    }

    /** The {@code world_state.json} of a world named {@code name} with one location, {@code hall} at 0,0,0. */
    public static String state(String name) {
        return STATE.formatted(name);
    }

    /**
     * The folder {@code base/id}: one location, {@code hall}, and {@code chats/talk.jsonl} with {@code messages}
     * messages ("a needle in haystack N"), then {@code lastLine} when it is not null.
     */
    public static Path folder(Path base, String id, int messages, String lastLine) throws IOException {
        WorldFolder world = WorldFolder.at(base, id).file("world_state.json", state(id));
        Path chat = world.path().resolve("chats/talk.jsonl");
        Files.createDirectories(chat.getParent());
        try (Writer w = Files.newBufferedWriter(chat, StandardCharsets.UTF_8)) {
            w.write("{\"chat_id\": \"talk\", \"title\": \"Talk\", \"location_id\": \"hall\"}\n");
            for (int i = 0; i < messages; i++) {
                w.write("{\"id\": \"m" + i + "\", \"role\": \"user\", \"content\": \"a needle in haystack " + i
                        + "\", \"timestamp\": " + i + "}\n");
            }
            if (lastLine != null) {
                w.write(lastLine + "\n");
            }
        }
        return world.path();
    }
}
