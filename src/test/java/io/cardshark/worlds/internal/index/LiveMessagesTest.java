package io.cardshark.worlds.internal.index;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.internal.search.PostingList;
import io.cardshark.worlds.testing.ChatWorlds;
import io.cardshark.worlds.testing.HalfwayHold;
import io.cardshark.worlds.testing.Internals;
import io.cardshark.worlds.testing.StoreSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which postings a segment merge keeps. A chat being imported has its messages committed in steps while its count
 * is still 0 (schema V11, H2): its postings must stay, or a merge meanwhile would drop them from the index for good.
 */
class LiveMessagesTest {

    @TempDir
    Path dir;

    @Test
    void theMessagesOfAChatBeingImportedAreLive() throws Exception {
        Path source = ChatWorlds.folder(dir.resolve("source"), "Held", 10_000, null);
        HalfwayHold hold = new HalfwayHold();
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            CompletableFuture<ImportResult> imported = CompletableFuture.supplyAsync(() ->
                    store.folders().importFolders(List.of(source), false, hold).get(0));
            assertThat(hold.awaitHeld(60)).isTrue();
            PostingList.Keep live;
            long chatKey;
            try {
                chatKey = StoreSql.count(store, "SELECT MAX(CHAT_KEY) FROM CHAT");
                assertThat(StoreSql.count(store, "SELECT MESSAGE_COUNT FROM CHAT")).as("the chat's count, until its end").isZero();
                live = Internals.engine(store).transaction(null, tx -> SearchIndexer.liveMessages(tx.dsl()));
            } finally {
                hold.release();
            }
            assertThat(imported.get(60, TimeUnit.SECONDS).isImported()).isTrue();

            assertThat(live.test(chatKey, 0)).isTrue();
            assertThat(live.test(chatKey, 9_999)).isTrue();
            assertThat(live.test(chatKey + 1, 0)).as("a chat that is not there").isFalse();
            PostingList.Keep after = Internals.engine(store).transaction(null, tx -> SearchIndexer.liveMessages(tx.dsl()));
            assertThat(after.test(chatKey, 9_999)).isTrue();
            assertThat(after.test(chatKey, 10_000)).as("past the chat's count, once imported").isFalse();
        }
    }
}
