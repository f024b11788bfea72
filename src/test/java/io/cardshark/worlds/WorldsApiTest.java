package io.cardshark.worlds;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorldsApiTest {

    @TempDir
    Path dir;
    WorldStore store;

    @BeforeEach
    void open() {
        store = TempStore.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void createGivesCardSharksIdAndKeepsTheDisplayName() {
        World w = store.worlds().create("Drachen-Höhle 🐉: Ünïcødé / ../Test <Wörld>?");
        assertThat(w.id()).isEqualTo("Drachen-Höhle_Ünïcødé_Test_Wörld_");
        assertThat(w.displayName()).isEqualTo("Drachen-Höhle 🐉: Ünïcødé / ../Test <Wörld>?");
        assertThat(w.shape()).isEqualTo(WorldShape.H);
        assertThat(w.formatVersion()).isEqualTo("1.0");
        assertThat(w.positionKey()).isEqualTo("0,0,0");
        assertThat(store.worlds().get(w.id())).isEqualTo(w);
        assertThat(store.players().state(w.id())).isEqualTo(PlayerState.DEFAULT);
    }

    @Test
    void aClashingIdEvenIgnoringCaseIsRefusedAndTheOldWorldStays() {
        World first = store.worlds().create("my world");
        assertThatThrownBy(() -> store.worlds().create("My World"))
                .isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("My World").hasMessageContaining("my_world");
        assertThatThrownBy(() -> store.worlds().create("my/world")).isInstanceOf(AlreadyExistsException.class);
        assertThat(store.worlds().list()).extracting(WorldSummary::id).containsExactly("my_world");
        assertThat(store.worlds().get("my_world")).isEqualTo(first);
    }

    @Test
    void emptyDisplayNameIsRejected() {
        assertThatThrownBy(() -> store.worlds().create("")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.worlds().create(null)).isInstanceOf(InvalidInputException.class);
        assertThat(store.worlds().list()).isEmpty();
    }

    @Test
    void listIsOrderedByDisplayNameWithCounts() {
        World b = store.worlds().create("Beta");
        store.worlds().create("Alpha");
        store.locations().put(b.id(), Location.at(Coordinates.of(0, 0, 0), "o", "Origin", "Here."));
        store.chats().create(b.id(), NewChat.at("o", "Talk"));
        List<WorldSummary> list = store.worlds().list();
        assertThat(list).extracting(WorldSummary::id).containsExactly("Alpha", "Beta");
        assertThat(list.get(1).locations()).isEqualTo(1);
        assertThat(list.get(1).chats()).isEqualTo(1);
        assertThat(list.get(1).lastModified()).isNotNull();
    }

    @Test
    void renameKeepsTheIdAndBumpsTheRowVersion() {
        World w = store.worlds().create("Old Name");
        World renamed = store.worlds().rename(w.id(), "New Name");
        assertThat(renamed.id()).isEqualTo("Old_Name");
        assertThat(renamed.displayName()).isEqualTo("New Name");
        assertThat(renamed.rowVersion()).isGreaterThan(w.rowVersion());
        assertThat(store.worlds().list().get(0).displayName()).isEqualTo("New Name");
    }

    @Test
    void renameWithAStaleRowVersionIsRefusedAndChangesNothing() {
        World w = store.worlds().create("Versioned");
        store.worlds().rename(w.id(), "Second", w.rowVersion());
        assertThatThrownBy(() -> store.worlds().rename(w.id(), "Third", w.rowVersion()))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("Versioned").hasMessageContaining("row version");
        assertThat(store.worlds().get(w.id()).displayName()).isEqualTo("Second");
    }

    @Test
    void missingWorldsAreReportedByName() {
        assertThatThrownBy(() -> store.worlds().get("Nowhere")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Nowhere");
        assertThatThrownBy(() -> store.worlds().delete("Nowhere")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.worlds().rename("Nowhere", "x")).isInstanceOf(NotFoundException.class);
        assertThat(store.worlds().find("Nowhere")).isEmpty();
        assertThat(store.worlds().exists("Nowhere")).isFalse();
    }

    @Test
    void unsafeWorldIdsAreRefusedBeforeTheDatabase() {
        for (String bad : new String[]{"..", ".", "a/b", "a\\b", "a\u0000b", ""}) {
            assertThatThrownBy(() -> store.worlds().get(bad)).as(bad).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("world id");
        }
    }

    @Test
    void metadataDocumentMustBeAnObjectAndKeepsKeyOrderAndNumbers() {
        World w = store.worlds().create("Meta");
        assertThat(store.worlds().metadataDocument(w.id())).isEmpty();
        store.worlds().setMetadataDocument(w.id(), "{\"z\": 1.50, \"a\": [null, true], \"n\": -0.0}");
        assertThat(store.worlds().metadataDocument(w.id())).hasValue("{\"z\": 1.50, \"a\": [null, true], \"n\": -0.0}");
        assertThatThrownBy(() -> store.worlds().setMetadataDocument(w.id(), "[1]"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("metadata.json").hasMessageContaining("object");
        assertThatThrownBy(() -> store.worlds().setMetadataDocument(w.id(), "{\"a\": 1,}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 1");
        assertThat(store.worlds().metadataDocument(w.id())).hasValue("{\"z\": 1.50, \"a\": [null, true], \"n\": -0.0}");
    }

    @Test
    void deleteRemovesEverythingOfTheWorldAndNothingElse() {
        World a = store.worlds().create("A");
        World b = store.worlds().create("B");
        for (World w : List.of(a, b)) {
            store.locations().put(w.id(), Location.at(Coordinates.of(0, 0, 0), "o", "O", "d")
                    .withNpcs(List.of("characters/Zed.png")));
            String chat = store.chats().create(w.id(), NewChat.at("o", "t")).chatId();
            store.chats().append(w.id(), chat, NewMessage.of("user", "hi"));
            store.files().put(w.id(), "images/objects/x.png", new byte[]{1, 2, 3});
            store.events().record(w.id(), new NewEvent("e1", null, "o", "enter", 5L, null));
        }
        store.worlds().delete(a.id());
        assertThat(store.worlds().exists(a.id())).isFalse();
        assertThat(store.locations().whereNpcAppears("characters/Zed.png")).extracting(NpcAppearance::worldId)
                .containsExactly("B");
        assertThat(store.chats().list(b.id())).hasSize(1);
        assertThat(store.files().get(b.id(), "images/objects/x.png")).containsExactly(1, 2, 3);
        assertThat(store.events().get(b.id(), "e1").locationId()).isEqualTo("o");
    }
}
