package io.cardshark.worlds;

import io.cardshark.worlds.testing.TestStores;

import io.cardshark.worlds.testing.StoreDigest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every public API entry point refuses bad input with a typed exception whose message names what is
 * wrong, and leaves the store exactly as it was (equal digests of every table).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiBadInputTest {

    static final String W = "Keep";
    static final String CHAT = "chat_1";

    @TempDir
    static Path dir;
    WorldStore store;

    record Case(String name, Consumer<WorldStore> call, Class<? extends WorldStoreException> type, List<String> says) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, Class<? extends WorldStoreException> type, Consumer<WorldStore> call, String... says) {
        return new Case(name, call, type, List.of(says));
    }

    static Location gate() {
        return Location.at(Coordinates.of(0, 0, 0), "gate", "Gate", "An iron gate.");
    }

    static Location withId(String id) {
        return Location.at(Coordinates.of(5, 5, 5), id, "Somewhere", "d");
    }

    static String repeat(int n) {
        return String.join("", Collections.nCopies(n, "x"));
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Class<InvalidInputException> invalid = InvalidInputException.class;
        Class<NotFoundException> missing = NotFoundException.class;
        Class<AlreadyExistsException> exists = AlreadyExistsException.class;
        // Worlds
        cases.add(c("create with a null name", invalid, s -> s.worlds().create(null), "name"));
        cases.add(c("create with a blank name", invalid, s -> s.worlds().create("   "), "name"));
        cases.add(c("create a world that exists", exists, s -> s.worlds().create(W), W));
        cases.add(c("get a missing world", missing, s -> s.worlds().get("Nowhere"), "Nowhere"));
        cases.add(c("get with a path as id", invalid, s -> s.worlds().get("../etc"), "../etc"));
        cases.add(c("get with a separator in the id", invalid, s -> s.worlds().get("a/b"), "a/b"));
        cases.add(c("get with a backslash in the id", invalid, s -> s.worlds().get("a\\b"), "a\\b"));
        cases.add(c("get with the id ..", invalid, s -> s.worlds().get(".."), ".."));
        cases.add(c("get with an empty id", invalid, s -> s.worlds().get(""), "world id"));
        cases.add(c("get with a NUL in the id", invalid, s -> s.worlds().get("a\0b"), "world id"));
        cases.add(c("rename to blank", invalid, s -> s.worlds().rename(W, ""), W));
        cases.add(c("rename a missing world", missing, s -> s.worlds().rename("Nowhere", "X"), "Nowhere"));
        cases.add(c("rename with a stale row version", ConcurrentUpdateException.class,
                s -> s.worlds().rename(W, "New name", 999_999L), W));
        cases.add(c("metadata that is not JSON", invalid, s -> s.worlds().setMetadataDocument(W, "{not json"), W));
        cases.add(c("metadata that is an array", invalid, s -> s.worlds().setMetadataDocument(W, "[1, 2]"), W));
        cases.add(c("metadata of a missing world", missing, s -> s.worlds().setMetadataDocument("Nowhere", "{}"), "Nowhere"));
        cases.add(c("metadata with trailing text", invalid, s -> s.worlds().setMetadataDocument(W, "{} {}"), W));
        cases.add(c("delete a missing world", missing, s -> s.worlds().delete("Nowhere"), "Nowhere"));
        // Locations
        cases.add(c("a second location at the same coordinates", exists,
                s -> s.locations().put(W, Location.at(Coordinates.of(0, 0, 0), "other", "Other", "d")), "0,0,0"));
        cases.add(c("a location without an id", invalid, s -> s.locations().put(W, withId(null)), "location_id"));
        cases.add(c("a location with a blank id", invalid, s -> s.locations().put(W, withId(" ")), "location_id"));
        cases.add(c("a location without a name", invalid,
                s -> s.locations().put(W, Location.at(Coordinates.of(9, 9, 9), "n", null, "d")), "name"));
        cases.add(c("a location in a missing world", missing, s -> s.locations().put("Nowhere", gate()), "Nowhere"));
        cases.add(c("a null location", invalid, s -> s.locations().put(W, null), "location"));
        cases.add(c("get a missing location", missing, s -> s.locations().get(W, "cellar"), "cellar"));
        cases.add(c("remove a missing location", missing, s -> s.locations().remove(W, "cellar"), "cellar"));
        cases.add(c("connect a missing location", missing,
                s -> s.locations().connect(W, "cellar", Coordinates.of(3, 3, 3)), "cellar"));
        cases.add(c("connect onto taken coordinates", exists,
                s -> s.locations().connect(W, "lore_1", Coordinates.of(0, 0, 0)), "0,0,0"));
        cases.add(c("an exit without a direction", invalid, s -> s.locations().put(W, withId("e1")
                .withExits(List.of(new Exit(null, "0,0,0", null, "n", null, false, null)))), "direction"));
        cases.add(c("two exits in one direction", invalid, s -> s.locations().put(W, withId("e2")
                .withExits(List.of(Exit.to("north", "a", Coordinates.of(0, 0, 0)), Exit.to("north", "b", Coordinates.of(0, 0, 0))))),
                "north"));
        cases.add(c("an exit without a name", invalid, s -> s.locations().put(W, withId("e3")
                .withExits(List.of(new Exit("up", "0,0,0", null, null, null, false, null)))), "up", "name"));
        cases.add(c("an event definition without an id", invalid, s -> s.locations().put(W, withId("e4")
                .withEvents(List.of(new EventDefinition(null, "enter", "d", List.of(), null)))), "id"));
        cases.add(c("a blank npc reference", invalid, s -> s.locations().put(W, withId("e5")
                .withNpcs(List.of("a.png", "  "))), "npcs"));
        // Players
        cases.add(c("move in a missing world", missing, s -> s.players().move("Nowhere", Coordinates.of(0, 0, 0)), "Nowhere"));
        cases.add(c("move to null", invalid, s -> s.players().move(W, null), "coordinates"));
        cases.add(c("a path with a null step", invalid,
                s -> s.players().moveAll(W, java.util.Arrays.asList(Coordinates.of(0, 0, 0), null)), "coordinates"));
        cases.add(c("a null player state", invalid, s -> s.players().update(W, null), "state"));
        cases.add(c("player state of a missing world", missing,
                s -> s.players().update("Nowhere", PlayerState.DEFAULT), "Nowhere"));
        // Chats
        cases.add(c("a chat at a missing location", missing, s -> s.chats().create(W, NewChat.at("cellar", "t")), "cellar"));
        cases.add(c("a chat id that exists", exists, s -> s.chats().create(W, new NewChat(CHAT, null, "t")), CHAT));
        cases.add(c("a chat id with a separator", invalid, s -> s.chats().create(W, new NewChat("a/b", null, "t")), "a/b"));
        cases.add(c("a chat id that climbs out", invalid, s -> s.chats().create(W, new NewChat("..", null, "t")), ".."));
        cases.add(c("a blank chat id", invalid, s -> s.chats().create(W, new NewChat(" ", null, "t")), "chat_id"));
        cases.add(c("a blank message role", invalid, s -> s.chats().append(W, CHAT, NewMessage.of(" ", "x")), "role"));
        cases.add(c("a blank event id", invalid,
                s -> s.events().record(W, new NewEvent("  ", null, "gate", "enter", 1L, "{}")), "event id"));
        cases.add(c("a chat in a missing world", missing, s -> s.chats().create("Nowhere", NewChat.at(null, "t")), "Nowhere"));
        cases.add(c("append to a missing chat", missing, s -> s.chats().append(W, "chat_none", NewMessage.of("user", "x")), "chat_none"));
        cases.add(c("append a null message", invalid, s -> s.chats().append(W, CHAT, null), "message"));
        cases.add(c("append without a role", invalid, s -> s.chats().append(W, CHAT, NewMessage.of(null, "x")), "role"));
        cases.add(c("append without content", invalid, s -> s.chats().append(W, CHAT, NewMessage.of("user", null)), "content"));
        cases.add(c("append a batch with one bad message", invalid, s -> s.chats().appendAll(W, CHAT,
                java.util.Arrays.asList(NewMessage.of("user", "fine"), NewMessage.of(null, "no role"))), "role"));
        cases.add(c("page with a negative limit", invalid, s -> s.chats().pageForward(W, CHAT, -1, -5), "limit"));
        cases.add(c("delete a missing chat", missing, s -> s.chats().delete(W, "chat_none"), "chat_none"));
        // Events
        cases.add(c("an event id that exists", exists,
                s -> s.events().record(W, new NewEvent("ev_1", null, "gate", "enter", 1L, "{}")), "ev_1"));
        cases.add(c("an event id with a separator", invalid,
                s -> s.events().record(W, new NewEvent("a/b", null, "gate", "enter", 1L, "{}")), "a/b"));
        cases.add(c("an event id that climbs out", invalid,
                s -> s.events().record(W, new NewEvent("..", null, "gate", "enter", 1L, "{}")), ".."));
        cases.add(c("an event outcome that is not JSON", invalid,
                s -> s.events().record(W, new NewEvent("ev_2", null, "gate", "enter", 1L, "{oops")), "ev_2"));
        cases.add(c("an event in a missing world", missing,
                s -> s.events().record("Nowhere", new NewEvent("ev_3", null, null, "enter", 1L, "{}")), "Nowhere"));
        cases.add(c("get a missing event", missing, s -> s.events().get(W, "ev_none"), "ev_none"));
        cases.add(c("events between reversed times", invalid, s -> s.events().between(W, 10, 5), "10"));
        // Files
        cases.add(c("a file path that climbs out", invalid, s -> s.files().put(W, "../outside.png", new byte[]{1}), "../outside.png"));
        cases.add(c("a file path that climbs out midway", invalid,
                s -> s.files().put(W, "images/../../outside.png", new byte[]{1}), "outside.png"));
        cases.add(c("an absolute file path", invalid, s -> s.files().put(W, "/etc/passwd", new byte[]{1}), "/etc/passwd"));
        cases.add(c("a backslash file path", invalid, s -> s.files().put(W, "images\\a.png", new byte[]{1}), "images\\a.png"));
        cases.add(c("an empty file path", invalid, s -> s.files().put(W, "", new byte[]{1}), "path"));
        cases.add(c("a file path with an empty segment", invalid, s -> s.files().put(W, "images//a.png", new byte[]{1}), "images//a.png"));
        cases.add(c("a file over world_state.json", invalid, s -> s.files().put(W, "world_state.json", new byte[]{1}), "world_state.json"));
        cases.add(c("a file with null content", invalid, s -> s.files().put(W, "images/b.png", null), "images/b.png", "expected bytes"));
        cases.add(c("a file in a missing world", missing, s -> s.files().put("Nowhere", "images/b.png", new byte[]{1}), "Nowhere"));
        cases.add(c("get a missing file", missing, s -> s.files().get(W, "images/none.png"), "images/none.png"));
        cases.add(c("delete a missing file", missing, s -> s.files().delete(W, "images/none.png"), "images/none.png"));
        // Settings
        cases.add(c("a setting without a name", invalid, s -> s.settings().put(null, "v"), "name"));
        cases.add(c("a setting with a blank name", invalid, s -> s.settings().put(" ", "v"), "name"));
        cases.add(c("a setting with a null value", invalid, s -> s.settings().put("ui.theme", null), "ui.theme"));
        cases.add(c("a setting that overwrites the schema version", invalid, s -> s.settings().put("schema.version", "99"),
                "schema.version"));
        // Backups and snapshots
        cases.add(c("restore a backup with a path as name", invalid,
                s -> io.cardshark.worlds.WorldStore.restore(s.config(), "../../etc/passwd"), "not a backup file name"));
        cases.add(c("snapshot a missing world", missing, s -> s.snapshots().take("Nowhere"), "Nowhere"));
        cases.add(c("snapshot with a path as world", invalid, s -> s.snapshots().take("../x"), "../x"));
        cases.add(c("restore a world with no snapshots", missing, s -> s.snapshots().restore(W), W));
        cases.add(c("restore an unknown snapshot", missing, s -> s.snapshots().restore(W, "../../x"), "../../x"));
        // Folders
        cases.add(c("import a missing folder", invalid,
                s -> s.folders().importFolders(List.of(Path.of("/nonexistent/world")), false), "/nonexistent/world"));
        cases.add(c("export a missing world", missing,
                s -> s.folders().export(List.of("Nowhere"), Path.of(System.getProperty("java.io.tmpdir")),
                        io.cardshark.worlds.folder.Layout.DOCUMENTED), "Nowhere"));
        cases.add(c("export a world with a path as id", invalid,
                s -> s.folders().export(List.of("../x"), Path.of(System.getProperty("java.io.tmpdir")),
                        io.cardshark.worlds.folder.Layout.DOCUMENTED), "../x"));
        return cases;
    }

    @BeforeAll
    void openStore() {
        store = TestStores.configure(dir.resolve("store")).open();
        store.worlds().create(W);
        store.locations().put(W, gate());
        store.locations().put(W, Location.unconnected("lore_1", "Old Tale", "A story.", "Lore"));
        store.chats().create(W, new NewChat(CHAT, "gate", "At the gate"));
        store.chats().append(W, CHAT, new NewMessage("msg_1", "user", "Look around", 1L));
        store.events().record(W, new NewEvent("ev_1", null, "gate", "enter", 1L, "{}"));
        store.files().put(W, "images/a.png", new byte[]{1, 2, 3});
    }

    @AfterAll
    void closeStore() {
        store.close();
    }

    @Test
    void thereAreAtLeastSeventyCases() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(70);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsRefusedAndChangesNothing(Case bad) {
        String before = StoreDigest.of(store);
        assertThatThrownBy(() -> bad.call().accept(store))
                .as(bad.name())
                .isInstanceOf(bad.type())
                .satisfies(e -> {
                    for (String word : bad.says()) {
                        assertThat(e.getMessage()).as("message of: " + bad.name()).contains(word);
                    }
                });
        assertThat(StoreDigest.of(store)).as("store digest after: " + bad.name()).isEqualTo(before);
    }
}
