package io.cardshark.worlds.search;

import io.cardshark.worlds.Chat;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.SearchHit;
import io.cardshark.worlds.SearchQuery;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.internal.search.MergePolicy;
import io.cardshark.worlds.testing.TestStores;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.cardshark.worlds.search.SearchTest.all;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store whose search index schema version 4 wrote (every word of a segment in rows of its own; see
 * {@code fixtures/schema-4/PROVENANCE.md}) is upgraded (version 5 and on) without rebuilding the index: its rows are
 * read as they are by a search, by a merge with the blocks written since, and by {@code verify FULL}.
 */
class SearchIndexUpgradeTest {

    static final String ELARA = "Elara_s_Chat_World";

    @TempDir
    Path dir;

    private WorldStore openSchema4Store() throws Exception {
        Path store = dir.resolve("store");
        Trees.unzip(Trees.resource("fixtures/schema-4/store.zip"), store);
        Files.setPosixFilePermissions(store.resolve("worlds.credentials"), PosixFilePermissions.fromString("rw-------"));
        return WorldStore.configure().dataDir(store).serveInspection(false).open();
    }

    /** How many rows of the index hold one word, and how many are blocks of several. */
    private static long[] rowsByKind(WorldStore store) throws Exception {
        try (Connection c = store.sqlConnection(false); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FILTER (WHERE WORDS = 1), COUNT(*) FILTER (WHERE WORDS > 1),"
                     + " MIN(SEGMENT_ID) FROM SEARCH_POSTING")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    private static void assertFound(WorldStore store) {
        SearchHit wald = all(store, SearchQuery.of("wald 7")).get(0);
        assertThat(wald.messageId()).isEqualTo("fw7");
        assertThat(all(store, SearchQuery.of("BÄUME"))).hasSizeGreaterThan(10);
        assertThat(all(store, SearchQuery.of("🐉 frontend"))).isNotEmpty().allMatch(h -> h.worldId().equals(ELARA));
        assertThat(all(store, SearchQuery.of("lantern brücke"))).as("appended after schema 4's last index step")
                .hasSize(40);
        assertThat(all(store, SearchQuery.of("note 17 lantern"))).hasSize(1);
    }

    @Test
    void theIndexOfSchema4IsReadAsItIsAndMergedWithBlocks() throws Exception {
        try (WorldStore store = openSchema4Store()) {
            assertThat(store.info().schemaVersion()).isEqualTo(TestStores.LATEST_SCHEMA);
            long[] upgraded = rowsByKind(store);
            assertThat(upgraded[0]).as("schema 4's rows, each one word's, are kept").isPositive();
            assertThat(upgraded[1]).as("nothing was rebuilt into blocks").isZero();
            assertFound(store);
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();

            // Fill tier 0 so that schema 4's segment is merged with segments written by this version.
            Chat chat = store.chats().list(ELARA).get(1);
            for (int segment = 0; segment < MergePolicy.FAN_IN - 1; segment++) {
                List<NewMessage> batch = new ArrayList<>();
                for (int m = 0; m < MergePolicy.BASE; m++) {
                    batch.add(NewMessage.of("user", "a later word z" + (segment * MergePolicy.BASE + m) + " by the gate"));
                }
                store.chats().appendAll(ELARA, chat.chatId(), batch);
                assertThat(store.updateSearchIndex().pendingMessages()).isZero();
            }
            long[] merged = rowsByKind(store);
            assertThat(merged[2]).as("schema 4's segment was merged away").isGreaterThan(upgraded[2]);
            assertThat(merged[1]).as("the merge wrote rare words in blocks").isPositive();
            assertFound(store);
            assertThat(all(store, SearchQuery.of("z4711 gate"))).extracting(SearchHit::chatId).containsExactly(chat.chatId());
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
    }
}
