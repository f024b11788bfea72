package io.cardshark.worlds;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Players, chats, events and files through the public API. */
class PlayAndChatApiTest {

    @TempDir
    Path dir;
    WorldStore store;
    String world;

    @BeforeEach
    void open() {
        store = TempStore.open(dir);
        world = store.worlds().create("Play World").id();
        store.locations().put(world, Location.at(Coordinates.of(0, 0, 0), "start", "Start", "d"));
        store.locations().put(world, Location.at(Coordinates.of(1, 0, 0), "east", "East", "d"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void moveSetsThePositionAndAppendsTheVisit() {
        assertThat(store.players().position(world)).hasValue(Coordinates.of(0, 0, 0));
        store.players().move(world, Coordinates.of(1, 0, 0));
        store.players().move(world, Coordinates.of(-2, 0, 7));
        assertThat(store.players().position(world)).hasValue(Coordinates.of(-2, 0, 7));
        assertThat(store.players().visits(world)).containsExactly(new Visit(0, "1,0,0"), new Visit(1, "-2,0,7"));
        assertThat(store.worlds().get(world).positionKey()).isEqualTo("-2,0,7");
        assertThatThrownBy(() -> store.players().move(world, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.players().move("Missing", Coordinates.of(0, 0, 0)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Missing");
    }

    @Test
    void moveAllAppendsEveryVisitInOrderAndEndsAtTheLast() {
        store.players().move(world, Coordinates.of(0, 0, 0));
        store.players().moveAll(world, List.of(Coordinates.of(1, 0, 0), Coordinates.of(2, 0, 0), Coordinates.of(2, 1, 0)));
        assertThat(store.players().visits(world)).containsExactly(new Visit(0, "0,0,0"), new Visit(1, "1,0,0"),
                new Visit(2, "2,0,0"), new Visit(3, "2,1,0"));
        assertThat(store.players().position(world)).hasValue(Coordinates.of(2, 1, 0));
        assertThatThrownBy(() -> store.players().moveAll(world, List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.players().moveAll(world, java.util.Arrays.asList(Coordinates.of(1, 1, 1), null)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(store.players().visits(world)).hasSize(4);
    }

    @Test
    void playerStateUpdates() {
        store.players().update(world, new PlayerState(55, 70, 3, 1200));
        assertThat(store.players().state(world)).isEqualTo(new PlayerState(55, 70, 3, 1200));
        assertThatThrownBy(() -> store.players().update(world, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void chatsAppendAndPageInBothDirections() {
        Chat chat = store.chats().create(world, NewChat.at("start", "Opening"));
        assertThat(chat.chatId()).matches("chat_[0-9a-f]{8}");
        assertThat(chat.messageCount()).isZero();
        ChatMessage first = store.chats().append(world, chat.chatId(), new NewMessage("m0", "user", "Hello", 1000L));
        assertThat(first.seq()).isZero();
        assertThat(first.document()).isEqualTo("{\"id\": \"m0\", \"role\": \"user\", \"content\": \"Hello\", \"timestamp\": 1000}");
        List<NewMessage> batch = new ArrayList<>();
        for (int i = 1; i < 25; i++) {
            batch.add(NewMessage.of(i % 2 == 0 ? "user" : "assistant", "line " + i));
        }
        List<ChatMessage> appended = store.chats().appendAll(world, chat.chatId(), batch);
        assertThat(appended).extracting(ChatMessage::seq).first().isEqualTo(1L);
        assertThat(appended).extracting(ChatMessage::seq).last().isEqualTo(24L);
        assertThat(store.chats().get(world, chat.chatId()).messageCount()).isEqualTo(25);

        MessagePage page = store.chats().pageForward(world, chat.chatId(), -1, 10);
        assertThat(page.messages()).extracting(ChatMessage::seq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(page.hasMore()).isTrue();
        MessagePage tail = store.chats().pageForward(world, chat.chatId(), 19, 10);
        assertThat(tail.messages()).extracting(ChatMessage::seq).containsExactly(20L, 21L, 22L, 23L, 24L);
        assertThat(tail.hasMore()).isFalse();
        MessagePage back = store.chats().pageBackward(world, chat.chatId(), Long.MAX_VALUE, 3);
        assertThat(back.messages()).extracting(ChatMessage::seq).containsExactly(22L, 23L, 24L);
        assertThat(back.messages().get(2).content()).isEqualTo("line 24");
        assertThat(back.hasMore()).isTrue();
        assertThat(store.chats().pageBackward(world, chat.chatId(), 2, 10).messages())
                .extracting(ChatMessage::seq).containsExactly(0L, 1L);
    }

    @Test
    void severalChatsPerLocationAndTheLatest() {
        Chat a = store.chats().create(world, new NewChat("chat_a", "start", "First"));
        Chat b = store.chats().create(world, new NewChat("chat_b", "start", "Second"));
        Chat c = store.chats().create(world, new NewChat("chat_c", "east", "Elsewhere"));
        assertThat(store.chats().ofLocation(world, "start")).extracting(Chat::chatId).containsExactlyInAnyOrder("chat_a", "chat_b");
        assertThat(store.chats().ofLocation(world, "east")).containsExactly(c);
        assertThat(store.chats().list(world)).hasSize(3);
        assertThat(store.chats().latest(world)).isPresent();
        assertThat(List.of(a.chatId(), b.chatId(), c.chatId())).contains(store.chats().latest(world).get().chatId());
        store.chats().delete(world, "chat_b");
        assertThat(store.chats().ofLocation(world, "start")).containsExactly(a);
    }

    @Test
    void chatErrorsNameWorldAndField() {
        store.chats().create(world, new NewChat("chat_a", "start", "First"));
        assertThatThrownBy(() -> store.chats().create(world, new NewChat("chat_a", null, "Again")))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("chat_a");
        assertThatThrownBy(() -> store.chats().create(world, new NewChat("../x", null, "t")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("chat_id");
        assertThatThrownBy(() -> store.chats().create(world, new NewChat(null, "nowhere", "t")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("nowhere");
        assertThatThrownBy(() -> store.chats().append(world, "chat_zz", NewMessage.of("user", "x")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("chat_zz");
        assertThatThrownBy(() -> store.chats().append(world, "chat_a", NewMessage.of("", "x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("role");
        assertThatThrownBy(() -> store.chats().appendAll(world, "chat_a",
                java.util.Arrays.asList(NewMessage.of("user", "ok"), null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.chats().pageForward(world, "chat_a", -1, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("limit");
        assertThat(store.chats().get(world, "chat_a").messageCount()).isZero();
    }

    @Test
    void eventsAreRecordedAndQueriedByLocationTriggerAndTime() {
        store.events().record(world, new NewEvent("e1", "def_1", "start", "enter", 1000L, "{\"gold\": 5}"));
        store.events().record(world, new NewEvent("e2", null, "east", "look", 2000L, null));
        WorldEvent e3 = store.events().record(world, new NewEvent(null, null, "start", "look", 3000L, "[1, 2.50]"));
        assertThat(e3.eventId()).startsWith("evt_");
        assertThat(store.events().get(world, "e1").outcome()).isEqualTo("{\"gold\": 5}");
        assertThat(store.events().get(world, "e1").document()).isEqualTo(
                "{\"id\": \"e1\", \"definition_id\": \"def_1\", \"location_id\": \"start\", \"trigger\": \"enter\", "
                        + "\"timestamp\": 1000, \"outcome\": {\"gold\": 5}}");
        assertThat(store.events().atLocation(world, "start")).extracting(WorldEvent::eventId).containsExactly("e1", e3.eventId());
        assertThat(store.events().withTrigger(world, "look")).extracting(WorldEvent::eventId).containsExactly("e2", e3.eventId());
        assertThat(store.events().between(world, 1500, 3000)).extracting(WorldEvent::eventId).containsExactly("e2");
        assertThat(e3.outcome()).isEqualTo("[1, 2.50]");
        assertThatThrownBy(() -> store.events().record(world, new NewEvent("e1", null, null, null, null, null)))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> store.events().record(world, new NewEvent("a/b", null, null, null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("event id");
        assertThatThrownBy(() -> store.events().record(world, new NewEvent("e9", null, null, null, null, "{oops")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outcome");
        assertThatThrownBy(() -> store.events().get(world, "e9")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void filesKeepTheirBytesAndDigest() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        WorldFile f = store.files().put(world, "images/objects/fackel 🔥.png", png);
        assertThat(f.size()).isEqualTo(7);
        assertThat(f.sha256()).hasSize(64);
        assertThat(store.files().get(world, "images/objects/fackel 🔥.png")).isEqualTo(png);
        assertThat(store.files().describe(world, "images/objects/fackel 🔥.png")).hasValue(f);
        store.files().put(world, "images/objects/fackel 🔥.png", new byte[0]);
        assertThat(store.files().get(world, "images/objects/fackel 🔥.png")).isEmpty();
        assertThat(store.files().list(world)).hasSize(1);
        for (String bad : List.of("../x.png", "/etc/passwd", "a//b", "images/../../x", "world_state.json",
                "chats/c.jsonl", "events/e.json", "world_state.backup.1.json", "x.tmp", "")) {
            assertThatThrownBy(() -> store.files().put(world, bad, png)).as(bad).isInstanceOf(InvalidInputException.class);
        }
        store.files().delete(world, "images/objects/fackel 🔥.png");
        assertThatThrownBy(() -> store.files().get(world, "images/objects/fackel 🔥.png"))
                .isInstanceOf(NotFoundException.class);
    }
}
