package io.cardshark.worlds.search;

import io.cardshark.worlds.SearchHit;
import io.cardshark.worlds.SearchQuery;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.internal.search.MergePolicy;
import io.cardshark.worlds.testing.ChatWorlds;
import io.cardshark.worlds.testing.StoreSql;
import io.cardshark.worlds.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import of long messages: the search index's segments end at {@link MergePolicy#MOST_POSTINGS} postings,
 * not only at 65,536 messages. 65,536 messages of 300 words ran an import out of a 256 MB heap, the segment's
 * postings alone taking more (README, "Full run of 2026-12-06 (stop 36)"); here 9,000 messages of 250 distinct
 * words, 2,250,000 postings, make two segments, and every message is found; the indexer's segments of a branch of
 * them end at the same bound.
 */
class LongMessagesImportTest {

    static final int MESSAGES = 9_000;
    static final int WORDS = 250;

    @TempDir
    Path dir;

    @Test
    void segmentsOfLongMessagesEndAtTheBoundOfPostingsAndHoldEveryMessage() throws Exception {
        Path world = dir.resolve("source/Long");
        Files.createDirectories(world.resolve("chats"));
        Files.writeString(world.resolve("world_state.json"), ChatWorlds.state("Long"));
        Random random = new Random(3);
        try (Writer w = Files.newBufferedWriter(world.resolve("chats/long.jsonl"), StandardCharsets.UTF_8)) {
            w.write("{\"chat_id\": \"long\", \"location_id\": \"hall\"}\n");
            for (int i = 0; i < MESSAGES; i++) {
                StringBuilder text = new StringBuilder("message" + i);
                for (int k = 1; k < WORDS; k++) {
                    // distinct within a message: its number in the message, then a few random letters
                    text.append(" w").append(k).append(Integer.toString(random.nextInt(1 << 20), 36));
                }
                w.write("{\"role\": \"user\", \"content\": \"" + text + "\"}\n");
            }
        }
        try (WorldStore store = TestStores.configure(dir.resolve("store")).open()) {
            assertThat(store.folders().importFolders(List.of(world), false).get(0).isImported()).isTrue();

            List<Long> postings = StoreSql.longs(store, "SELECT POSTINGS FROM SEARCH_SEGMENT ORDER BY SEGMENT_ID");
            assertThat(postings).hasSize(2);
            assertThat(postings.get(0)).isBetween(MergePolicy.MOST_POSTINGS, MergePolicy.MOST_POSTINGS + WORDS);
            assertThat(postings.stream().mapToLong(Long::longValue).sum()).isEqualTo((long) MESSAGES * WORDS);
            for (int i : new int[] {0, MESSAGES / 2, MESSAGES - 1}) {
                List<SearchHit> hits = store.chats().search(SearchQuery.of("message" + i)).hits();
                assertThat(hits).as("message %d", i).hasSize(1);
                assertThat(hits.get(0).seq()).isEqualTo(i);
            }

            // A branch's copies are pending: the indexer's flushes end at the same bound (and read 1,024 at a time).
            store.worlds().branch("Long", "Long copy");
            store.updateSearchIndex();
            List<Long> all = StoreSql.longs(store, "SELECT POSTINGS FROM SEARCH_SEGMENT ORDER BY SEGMENT_ID");
            assertThat(all).hasSizeGreaterThanOrEqualTo(4)
                    .allSatisfy(p -> assertThat(p).isLessThan(MergePolicy.MOST_POSTINGS + WORDS));
            assertThat(all.stream().mapToLong(Long::longValue).sum()).isEqualTo(2L * MESSAGES * WORDS);
            assertThat(store.chats().search(SearchQuery.of("message" + (MESSAGES - 1))).hits()).hasSize(2);
        }
    }
}
