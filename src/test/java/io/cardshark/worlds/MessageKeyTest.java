package io.cardshark.worlds;

import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schema 9 keys a message by one number, its chat's key times 2^32 plus its own number. A chat's last possible
 * message must not run into the next chat's first, and a message past it is refused by name with nothing
 * written. The chat is brought to its limit behind the API's back (no test appends four thousand million
 * messages). On both engines.
 */
class MessageKeyTest {

    private static final long MOST = 4_294_967_296L;

    @TempDir
    Path dir;

    @Test
    void aChatsLastMessageStaysItsOwnAndOneMoreIsRefused() throws Exception {
        try (WorldStore store = TestStores.configure(dir.resolve("store")).open()) {
            String world = store.worlds().create("Full Chat").id();
            Chat full = store.chats().create(world, NewChat.at(null, "full"));
            Chat next = store.chats().create(world, NewChat.at(null, "next"));
            store.chats().append(world, next.chatId(), NewMessage.of("user", "first of the next chat"));
            sql(store, "UPDATE CHAT SET MESSAGE_COUNT = " + (MOST - 1) + " WHERE CHAT_ID = '" + full.chatId() + "'");

            ChatMessage last = store.chats().append(world, full.chatId(), NewMessage.of("user", "the last one"));
            assertThat(last.seq()).isEqualTo(MOST - 1);
            assertThat(store.chats().pageBackward(world, full.chatId(), Long.MAX_VALUE, 5).messages())
                    .extracting(ChatMessage::content).containsExactly("the last one");
            assertThat(store.chats().pageForward(world, next.chatId(), -1, 5).messages())
                    .extracting(ChatMessage::content).containsExactly("first of the next chat");

            assertThatThrownBy(() -> store.chats().append(world, full.chatId(), NewMessage.of("user", "one too many")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("world " + world + ": chat " + full.chatId() + " holds " + MOST
                            + " messages; 1 more would pass the most a chat can hold, " + MOST + " (start a new chat)");
            assertThat(store.chats().list(world)).filteredOn(c -> c.chatId().equals(full.chatId())).singleElement()
                    .extracting(Chat::messageCount).isEqualTo(MOST);
            assertThat(count(store, "SELECT COUNT(*) FROM CHAT_MESSAGE")).isEqualTo(2);
        }
    }

    @Test
    void deletingAWorldTakesTheMessagesOfEachOfItsChatsAndNoOthers() throws Exception {
        try (WorldStore store = TestStores.configure(dir.resolve("store")).open()) {
            String gone = store.worlds().create("Gone").id();
            String kept = store.worlds().create("Kept").id();
            for (String world : List.of(gone, kept)) {
                for (String title : List.of("one", "two", "three")) {
                    Chat chat = store.chats().create(world, NewChat.at(null, title));
                    store.chats().appendAll(world, chat.chatId(), List.of(NewMessage.of("user", world + " " + title + " a"),
                            NewMessage.of("assistant", world + " " + title + " b")));
                }
            }
            store.worlds().delete(gone);
            assertThat(count(store, "SELECT COUNT(*) FROM CHAT_MESSAGE")).isEqualTo(6);
            assertThat(store.chats().list(kept)).allSatisfy(c -> assertThat(c.messageCount()).isEqualTo(2));
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
    }

    private static void sql(WorldStore store, String sql) throws Exception {
        try (Connection c = store.sqlConnection(true); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate(sql)).as(sql).isEqualTo(1);
        }
    }

    private static long count(WorldStore store, String sql) throws Exception {
        try (Connection c = store.sqlConnection(false); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
