package io.cardshark.worlds.folder;

import io.cardshark.worlds.testing.TestStores;

import io.cardshark.worlds.Chat;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.testing.WorldFolder;
import io.cardshark.worlds.testing.ChatWorlds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat id of a JSONL chat is the first <em>string</em> among its header's {@code chat_id}, {@code id},
 * {@code metadata.chat_id}, {@code chat_metadata.chat_id}, else the file name (format spec §5.3); a number
 * there is data. The documented export writes a header exactly as imported when that lookup finds the
 * chat's id again, and puts {@code "chat_id": <id>} first when it would not (§5.1), so a re-import finds
 * the same chat.
 */
class ChatIdLookupTest {

    static final String WORLD = "Chatty";
    static final String STATE = ChatWorlds.state(WORLD);

    @TempDir
    Path dir;

    static String storedHeader(WorldStore store, String chatId) throws SQLException {
        try (Connection c = store.sqlConnection(false);
             PreparedStatement st = c.prepareStatement("SELECT HEADER FROM CHAT"
                     + " WHERE WORLD_KEY = (SELECT WORLD_KEY FROM WORLD WHERE ID = ?) AND CHAT_ID = ?")) {
            st.setString(1, WORLD);
            st.setString(2, chatId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static String firstLine(Path file) throws IOException {
        String text = Files.readString(file);
        return text.substring(0, text.indexOf('\n'));
    }

    List<String> chatIds(WorldStore store) {
        return store.chats().list(WORLD).stream().map(Chat::chatId).sorted().toList();
    }

    @Test
    void aNumericChatIdIsDataNotTheIdAndTheHeaderKeepsIt() throws IOException, SQLException {
        String numeric = "{\"chat_id\": 42, \"title\": \"Numbers\", \"location_id\": \"hall\"}";
        String numericThenId = "{\"chat_id\": 7.50, \"id\": \"real\", \"title\": \"Both\"}";
        Path src = WorldFolder.at(dir.resolve("src"), WORLD)
                .file("world_state.json", STATE)
                .file("chats/tavern.jsonl", numeric + "\n{\"role\": \"user\", \"content\": \"Hi\"}\n")
                .file("chats/second.jsonl", numericThenId + "\n")
                .path();
        Path out = dir.resolve("out");
        try (WorldStore store = TestStores.configure(dir.resolve("store")).open()) {
            assertThat(store.folders().importFolders(List.of(src), false).get(0).error()).isNull();
            assertThat(chatIds(store)).containsExactly("real", "tavern");
            assertThat(store.chats().get(WORLD, "tavern").messageCount()).isEqualTo(1);
            // Stored as read: the number stays a number, with its token.
            assertThat(storedHeader(store, "tavern")).isEqualTo(numeric);
            assertThat(storedHeader(store, "real")).isEqualTo(numericThenId);
            store.folders().export(List.of(WORLD), out, Layout.DOCUMENTED);
        }
        Path chats = out.resolve(WORLD).resolve("chats");
        // The lookup finds "real" again: the header goes out exactly as it came in.
        assertThat(firstLine(chats.resolve("real.chat.jsonl"))).isEqualTo(numericThenId);
        // Nothing in the header names "tavern", and the exported file is named for its location: chat_id first.
        assertThat(firstLine(chats.resolve("hall_chat.jsonl")))
                .isEqualTo("{\"chat_id\": \"tavern\", \"title\": \"Numbers\", \"location_id\": \"hall\"}");
        try (WorldStore again = TestStores.configure(dir.resolve("again")).open()) {
            assertThat(again.folders().importFolders(List.of(out.resolve(WORLD)), false).get(0).error()).isNull();
            assertThat(chatIds(again)).containsExactly("real", "tavern");
        }
    }

    @Test
    void aStringChatIdThatIsNotTheChatsIdDoesNotHijackItOnReimport() throws IOException {
        // Shape A: the chat id is the file name, "foo"; a stray string "chat_id" would win the JSONL lookup.
        String chatA = """
                {
                  "id": "foo",
                  "chat_id": "bar",
                  "title": "Stray",
                  "messages": [
                    {
                      "role": "user",
                      "content": "Hello"
                    }
                  ],
                  "location_id": ""
                }""";
        String exact = "{\"chat_id\": \"kept\", \"title\": \"Exact\", \"created\": 1795715060000, \"location_id\": \"\"}";
        Path src = WorldFolder.at(dir.resolve("src"), WORLD)
                .file("world_state.json", STATE)
                .file("chats/foo.json", chatA)
                .file("chats/kept.jsonl", exact + "\n")
                .path();
        Path out = dir.resolve("out");
        try (WorldStore store = TestStores.configure(dir.resolve("store")).open()) {
            assertThat(store.folders().importFolders(List.of(src), false).get(0).error()).isNull();
            assertThat(chatIds(store)).containsExactly("foo", "kept");
            store.folders().export(List.of(WORLD), out, Layout.DOCUMENTED);
            Path cardshark = dir.resolve("cardshark");
            store.folders().export(List.of(WORLD), cardshark, Layout.CARDSHARK);
            assertThat(cardshark.resolve(WORLD).resolve("chats/foo.json")).hasContent(chatA);
        }
        Path chats = out.resolve(WORLD).resolve("chats");
        assertThat(firstLine(chats.resolve("kept.chat.jsonl"))).isEqualTo(exact);
        assertThat(firstLine(chats.resolve("foo.chat.jsonl")))
                .isEqualTo("{\"chat_id\": \"foo\", \"id\": \"foo\", \"title\": \"Stray\", \"location_id\": \"\"}");
        try (WorldStore again = TestStores.configure(dir.resolve("again")).open()) {
            assertThat(again.folders().importFolders(List.of(out.resolve(WORLD)), false).get(0).error()).isNull();
            assertThat(chatIds(again)).containsExactly("foo", "kept");
            assertThat(again.chats().get(WORLD, "foo").messageCount()).isEqualTo(1);
        }
    }
}
