package io.cardshark.worlds;

import io.cardshark.worlds.session.WorldSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API's traps (issue 12, item 4), each closed: a call on the store from inside one of its transactions
 * fails at once instead of waiting for the locks the transaction holds; a store has exactly one session
 * manager, which its close saves; a second store on the same folder in one JVM is refused.
 */
class ApiTrapsTest {

    @TempDir
    Path dir;

    private WorldStore open() {
        // A long lock timeout: a call that waited for the transaction's own lock would hang, not fail.
        return WorldStore.configure().dataDir(dir.resolve("store")).lockTimeout(Duration.ofMinutes(5)).open();
    }

    @Test
    void aStoreCallInsideATransactionFailsAtOnceNamingTheHandleToUse() {
        try (WorldStore store = open()) {
            String world = store.worlds().create("Trap World").id();
            assertThatThrownBy(() -> store.useTransaction(tx -> {
                tx.players().move(world, Coordinates.of(1, 0, 0));
                store.players().move(world, Coordinates.of(2, 0, 0));
            })).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("use the transaction's handle");
            assertThatThrownBy(() -> store.useTransaction(tx -> store.inTransaction(inner -> inner.worlds().list())))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> store.useTransaction(tx -> store.worlds().get(world)))
                    .as("a read too").isInstanceOf(IllegalStateException.class);
            assertThat(store.players().visits(world)).as("the transaction rolled back whole").isEmpty();
            store.useTransaction(tx -> tx.players().move(world, Coordinates.of(1, 0, 0)));
            assertThat(store.players().visits(world)).hasSize(1);
        }
    }

    @Test
    void aSecondStoreOnTheSameFolderInThisJvmIsRefused() {
        try (WorldStore store = open()) {
            store.worlds().create("Held Once");
            assertThatThrownBy(this::open).isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("already open in this JVM").hasMessageContaining("share that WorldStore");
            assertThatThrownBy(() -> WorldStore.configure().dataDir(dir.resolve("store")).attachIfHeld(true).open())
                    .as("not even through the inspection server: it would be this process talking to itself")
                    .isInstanceOf(StoreLockedException.class);
            assertThat(store.worlds().list()).hasSize(1);
        }
        try (WorldStore again = open()) {
            assertThat(again.worlds().list()).hasSize(1);
        }
    }

    @Test
    void theStoresOneSessionManagerIsSavedByItsClose() {
        String world;
        WorldSession session;
        try (WorldStore store = open()) {
            world = store.worlds().create("Session Trap").id();
            assertThat(store.sessions()).isSameAs(store.sessions());
            session = store.sessions().open(world);
            session.updatePlayer(new PlayerState(42, 100, 1, 0)); // not significant: waits for autosave
        }
        assertThatThrownBy(() -> session.updatePlayer(PlayerState.DEFAULT))
                .as("a session write after the store closed").isInstanceOf(StoreUnavailableException.class);
        try (WorldStore store = open()) {
            assertThat(store.players().state(world).health()).as("saved by the store's close").isEqualTo(42);
        }
    }

    @Test
    void emptyAppendsAndFileDescriptionsAnswerAMissingWorldOrChatAsTheirSiblingsDo() {
        try (WorldStore store = open()) {
            String world = store.worlds().create("Quiet World").id();
            String chat = store.chats().create(world, NewChat.at(null, "Talk")).chatId();

            assertThat(store.chats().appendAll(world, chat, java.util.List.of())).isEmpty();
            assertThatThrownBy(() -> store.chats().appendAll(world, "no_such_chat", java.util.List.of()))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("no_such_chat");
            assertThatThrownBy(() -> store.chats().appendAll("No_World", chat, java.util.List.of()))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("No_World");

            assertThat(store.files().describe(world, "images/none.png")).isEmpty();
            assertThatThrownBy(() -> store.files().describe("No_World", "images/none.png"))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("No_World");
        }
    }
}
