package io.cardshark.worlds.branch;

import io.cardshark.worlds.testing.TestStores;

import io.cardshark.worlds.AlreadyExistsException;
import io.cardshark.worlds.Chat;
import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.Lineage;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.NotFoundException;
import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.session.WorldSession;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Branches of a world (issue 16, item 1): a copy as of one moment, an ordinary world, with its lineage. */
class BranchTest {

    @TempDir
    Path dir;

    private WorldStore open() {
        return TestStores.configure(dir.resolve("store")).serveInspection(false).open();
    }

    private static void importFixtures(WorldStore store, Path dir) throws Exception {
        for (String c : List.of("a-tiny", "b-unicode-rich", "c-chats", "e-missing-metadata")) {
            assertThat(store.folders().importFolders(List.of(Trees.fixtureWorlds(c, dir.resolve("src"))), false))
                    .allMatch(r -> r.error() == null);
        }
    }

    @Test
    void aBranchExportsAsItsSourceDoesButForItsIdAndName() throws Exception {
        try (WorldStore store = open()) {
            importFixtures(store, dir);
            List<String> sources = store.worlds().list().stream().map(w -> w.id()).toList();
            assertThat(sources).hasSize(4);
            for (String source : sources) {
                World branch = store.worlds().branch(source, "Slot of " + source);
                for (Layout layout : Layout.values()) {
                    Path out = dir.resolve("out-" + layout + "-" + branch.id());
                    store.folders().export(List.of(source, branch.id()), out, layout);
                    assertSameButIdAndName(out.resolve(source), out.resolve(branch.id()), source, branch);
                }
            }
            assertThat(store.verify(VerifyLevel.FULL).passed()).isTrue();
        }
    }

    /** Every file byte for byte, but world_state.json, which differs in the state's name and metadata name only. */
    private static void assertSameButIdAndName(Path source, Path branch, String sourceId, World b) throws Exception {
        Map<String, byte[]> want = Trees.files(source);
        Map<String, byte[]> got = Trees.files(branch);
        assertThat(got.keySet()).isEqualTo(want.keySet());
        for (String path : want.keySet()) {
            if (!path.equals("world_state.json")) {
                assertThat(got.get(path)).as(path).isEqualTo(want.get(path));
            }
        }
        JsonObject from = (JsonObject) JsonReader.read(want.get("world_state.json")).value();
        JsonObject to = (JsonObject) JsonReader.read(got.get("world_state.json")).value();
        JsonObject expected = from;
        if (new JsonString(sourceId).equals(from.get("name"))) {
            expected = expected.with("name", new JsonString(b.id()));
        }
        JsonObject meta = from.get("metadata") instanceof JsonObject m ? m : JsonObject.EMPTY;
        expected = expected.with("metadata", meta.with("name", new JsonString(b.displayName())));
        assertThat(to).as("world_state.json of %s", b.id()).isEqualTo(expected);
    }

    @Test
    void aBranchIsAnOrdinaryWorldAndOutlivesItsParent() throws Exception {
        try (WorldStore store = open()) {
            World source = store.worlds().create("Keep");
            Chat chat = store.chats().create(source.id(), io.cardshark.worlds.NewChat.at(null, "talk"));
            store.chats().append(source.id(), chat.chatId(), NewMessage.of("user", "The key is under the mat"));
            store.players().move(source.id(), Coordinates.of(1, 0, 0));

            World slot = store.worlds().branch(source.id(), "Keep Slot 2", "before the duel");
            assertThat(slot.id()).isEqualTo("Keep_Slot_2");
            Lineage lineage = store.worlds().lineage(slot.id()).orElseThrow();
            assertThat(lineage).extracting(Lineage::parentId, Lineage::parentName, Lineage::parentDeleted, Lineage::label)
                    .containsExactly("Keep", "Keep", false, "before the duel");
            assertThat(store.worlds().lineage(source.id())).isEmpty();
            World grandchild = store.worlds().branch(slot.id(), "Keep Slot 3");
            assertThat(store.worlds().branches()).extracting(Lineage::worldId).containsExactly(slot.id(), grandchild.id());

            // Play the branch through a session: the source does not change.
            WorldSession session = store.sessions().activate(slot.id());
            session.move(Coordinates.of(2, 0, 0));
            session.close();
            store.chats().append(slot.id(), chat.chatId(), NewMessage.of("assistant", "Only in the branch"));
            assertThat(store.sessions().activeWorld()).hasValue(slot.id());
            assertThat(store.players().position(source.id())).hasValue(Coordinates.of(1, 0, 0));
            assertThat(store.players().position(slot.id())).hasValue(Coordinates.of(2, 0, 0));
            assertThat(store.chats().get(source.id(), chat.chatId()).messageCount()).isEqualTo(1);
            assertThat(store.chats().get(slot.id(), chat.chatId()).messageCount()).isEqualTo(2);

            store.worlds().delete(source.id());
            assertThat(store.worlds().exists(slot.id())).isTrue();
            assertThat(store.worlds().lineage(slot.id()).orElseThrow().parentDeleted()).isTrue();
            // A new world of the parent's id is not the deleted parent.
            store.worlds().create("Keep");
            assertThat(store.worlds().lineage(slot.id()).orElseThrow().parentDeleted()).isTrue();

            store.worlds().delete(slot.id());
            assertThat(store.worlds().branches()).extracting(Lineage::worldId, Lineage::parentDeleted)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(grandchild.id(), true));
            assertThat(store.verify(VerifyLevel.FULL).passed()).isTrue();
        }
    }

    @Test
    void aRefusedBranchChangesNothing() throws Exception {
        try (WorldStore store = open()) {
            World source = store.worlds().create("Keep");
            store.worlds().create("Other");
            long version = store.worlds().get(source.id()).rowVersion();
            assertThatThrownBy(() -> store.worlds().branch("Nowhere", "Slot")).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("Nowhere");
            assertThatThrownBy(() -> store.worlds().branch(source.id(), "other")).isInstanceOf(AlreadyExistsException.class)
                    .hasMessageContaining("Other").hasMessageContaining("Keep");
            assertThatThrownBy(() -> store.worlds().branch(source.id(), " ")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("branch name");
            assertThatThrownBy(() -> store.worlds().branch(source.id(), "Slot", "x".repeat(1001)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("branch label");
            assertThatThrownBy(() -> store.worlds().branch("../x", "Slot")).isInstanceOf(InvalidInputException.class);
            assertThat(store.worlds().count()).isEqualTo(2);
            assertThat(store.worlds().branches()).isEmpty();
            assertThat(store.worlds().get(source.id()).rowVersion()).as("a branch does not change its source").isEqualTo(version);
        }
    }

    @Test
    void aBranchCopiesTheSourceAsOfOneMomentAndLeavesItUnchanged() throws Exception {
        try (WorldStore store = open()) {
            importFixtures(store, dir);
            World before = store.worlds().get("Elara_s_Chat_World");
            World slot = store.worlds().branch(before.id(), "Elara Slot");
            assertThat(store.worlds().get(before.id())).isEqualTo(before);
            assertThat(store.chats().list(slot.id())).extracting(Chat::chatId, Chat::messageCount)
                    .isEqualTo(store.chats().list(before.id()).stream()
                            .map(c -> org.assertj.core.groups.Tuple.tuple(c.chatId(), c.messageCount())).toList());
            assertThat(store.files().list(slot.id())).extracting(f -> f.path(), f -> f.sha256())
                    .isEqualTo(store.files().list(before.id()).stream()
                            .map(f -> org.assertj.core.groups.Tuple.tuple(f.path(), f.sha256())).toList());
            assertThat(store.players().visits(slot.id())).isEqualTo(store.players().visits(before.id()));
        }
    }

    @Test
    void aLongChatIsCopiedWhole() throws Exception {
        try (WorldStore store = open()) {
            World w = store.worlds().create("Long Talk");
            Chat chat = store.chats().create(w.id(), io.cardshark.worlds.NewChat.at(null, "long"));
            // A chat of some sixteen thousand messages: the copy is not one small statement's worth.
            int messages = 2 * 8_192 + 5;
            List<NewMessage> batch = new java.util.ArrayList<>();
            for (int m = 0; m < messages; m++) {
                batch.add(NewMessage.of("user", "line " + m));
            }
            store.chats().appendAll(w.id(), chat.chatId(), batch);
            World b = store.worlds().branch(w.id(), "Long Talk Slot");
            Chat copy = store.chats().list(b.id()).get(0);
            assertThat(copy.messageCount()).isEqualTo(messages);
            for (long seq : new long[] {0, 8_191, 8_192, 16_383, 16_384, messages - 1}) {
                assertThat(store.chats().pageBackward(b.id(), copy.chatId(), seq + 1, 1).messages().get(0).content())
                        .isEqualTo("line " + seq);
            }
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
    }
}
