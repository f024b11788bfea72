package io.cardshark.worlds.folder;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.SearchQuery;
import io.cardshark.worlds.testing.AdminSql;
import io.cardshark.worlds.testing.ChatWorlds;
import io.cardshark.worlds.testing.HalfwayHold;
import io.cardshark.worlds.testing.ChildJvm;
import io.cardshark.worlds.testing.FolderLoop;
import io.cardshark.worlds.testing.StoreDigest;
import io.cardshark.worlds.testing.TestPostgres;
import io.cardshark.worlds.testing.TestStores;
import io.cardshark.worlds.testing.StoreSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;


import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * An import in steps (schema V11): on H2 the chats are committed every 2,000 messages under a world key that has
 * no world row yet. Until the last step nothing of the world can be seen, verify finds nothing wrong, a failure
 * leaves the store as it was, and what a killed import committed is gone at the next open. On PostgreSQL the
 * import is one transaction, and the same holds with nothing committed before its end.
 */
class ImportStepsTest {

    static final String WORLD = "Stepped";
    /** Five steps' worth of messages. */
    static final int MESSAGES = 10_000;

    @TempDir
    Path dir;

    @Test
    void aChatThatFailsAfterCommittedStepsLeavesTheStoreAsItWas() throws Exception {
        Path other = ChatWorlds.folder(dir.resolve("other"), "Other", 10, null);
        Path broken = ChatWorlds.folder(dir.resolve("source"), WORLD, MESSAGES, "{\"role\": \"user\", \"content\": ");
        try (WorldStore store = TestStores.configure(dir.resolve("store")).open()) {
            assertThat(store.folders().importFolders(List.of(other), false).get(0).isImported()).isTrue();
            String before = StoreDigest.of(store);

            ImportResult result = store.folders().importFolders(List.of(broken), false).get(0);

            assertThat(result.outcome()).isEqualTo(ImportOutcome.REJECTED);
            assertThat(result.error()).contains("chats/talk.jsonl line " + (MESSAGES + 2));
            assertThat(StoreDigest.of(store)).isEqualTo(before);
            assertThat(StoreSql.count(store, "SELECT COUNT(*) FROM CHAT_MESSAGE")).as("the other world's messages only").isEqualTo(10);
            assertThat(StoreSql.count(store, "SELECT COUNT(*) FROM WORLD_IMPORT")).isZero();
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
    }

    @Test
    void anImportUnderWayCannotBeSeenAndVerifiesClean() throws Exception {
        Path source = ChatWorlds.folder(dir.resolve("source"), WORLD, MESSAGES, null);
        HalfwayHold hold = new HalfwayHold();
        try (WorldStore store = TestStores.configure(dir.resolve("store")).open()) {
            AtomicReference<ImportResult> result = new AtomicReference<>();
            Thread importer = new Thread(() -> result.set(store.folders()
                    .importFolders(List.of(source), false, hold).get(0)));
            importer.start();
            try {
                assertThat(hold.awaitHeld(60)).isTrue();
                // Half the file is read: on H2 at least one step of 2,000 messages is committed; on PostgreSQL none.
                long committed = StoreSql.count(store, "SELECT COUNT(*) FROM CHAT_MESSAGE");
                if (TestPostgres.selected()) {
                    assertThat(committed).isZero();
                } else {
                    assertThat(committed).isGreaterThanOrEqualTo(2_000).isLessThan(MESSAGES);
                    assertThat(StoreSql.count(store, "SELECT COUNT(*) FROM WORLD_IMPORT WHERE TARGET_ID = '" + WORLD + "'")).isOne();
                }
                assertThat(store.worlds().exists(WORLD)).isFalse();
                assertThat(store.chats().search(SearchQuery.of("needle")).hits()).isEmpty();
                assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
            } finally {
                hold.release();
                importer.join();
            }
            assertThat(result.get().isImported()).isTrue();
            assertThat(store.chats().list(WORLD)).singleElement()
                    .satisfies(chat -> assertThat(chat.messageCount()).isEqualTo(MESSAGES));
            assertThat(store.chats().search(SearchQuery.of("needle").limit(5)).hits()).hasSize(5);
            assertThat(StoreSql.count(store, "SELECT COUNT(*) FROM WORLD_IMPORT")).isZero();
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
    }

    @Test
    void whatAKilledImportCommittedIsDeletedAtTheNextOpen() throws Exception {
        assumeFalse(TestPostgres.selected(), "on PostgreSQL the server rolls a dead import's one transaction back");
        Path source = ChatWorlds.folder(dir.resolve("source"), WORLD, MESSAGES, null);
        Path storeDir = dir.resolve("store");
        try (ChildJvm child = ChildJvm.start(FolderLoop.class, "import-held", storeDir.toString(), source.toString())) {
            child.awaitLine("held", 60);
            child.kill();
        }
        try (Connection c = AdminSql.connect(storeDir)) {
            assertThat(StoreSql.count(c, "SELECT COUNT(*) FROM WORLD_IMPORT")).as("the killed import's key").isOne();
            assertThat(StoreSql.count(c, "SELECT COUNT(*) FROM CHAT_MESSAGE")).as("its committed steps").isGreaterThanOrEqualTo(2_000);
        }
        try (WorldStore store = WorldStore.configure().dataDir(storeDir).open()) {
            assertThat(store.worlds().exists(WORLD)).isFalse();
            for (String table : List.of("WORLD_IMPORT", "CHAT", "CHAT_MESSAGE", "SEARCH_PROGRESS")) {
                assertThat(StoreSql.count(store, "SELECT COUNT(*) FROM " + table)).as(table).isZero();
            }
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
            assertThat(store.folders().importFolders(List.of(source), false).get(0).isImported()).isTrue();
            assertThat(store.chats().list(WORLD).get(0).messageCount()).isEqualTo(MESSAGES);
        }
    }
}
