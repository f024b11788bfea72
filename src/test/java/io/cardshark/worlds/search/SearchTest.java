package io.cardshark.worlds.search;

import io.cardshark.worlds.testing.TestStores;

import io.cardshark.worlds.Chat;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.NotFoundException;
import io.cardshark.worlds.SearchHit;
import io.cardshark.worlds.Snippet;
import io.cardshark.worlds.SearchIndexStatus;
import io.cardshark.worlds.SearchPage;
import io.cardshark.worlds.SearchQuery;
import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.WorldStoreBuilder;
import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.backup.VerifyReport;
import io.cardshark.worlds.internal.search.MergePolicy;
import io.cardshark.worlds.internal.search.SearchPostings;
import io.cardshark.worlds.testing.StoreSql;
import io.cardshark.worlds.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.sql.Connection;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Search of chat messages (issue 16, item 2): the index kept with the messages, Unicode words, ranking, paging. */
class SearchTest {

    static final String ELARA = "Elara_s_Chat_World";

    @TempDir
    Path dir;
    int imports;

    private WorldStore open() {
        return configure().open();
    }

    private WorldStoreBuilder configure() {
        return TestStores.configure(dir.resolve("store")).serveInspection(false);
    }

    private void importFixture(WorldStore store, String name) throws Exception {
        assertThat(store.folders().importFolders(List.of(Trees.fixtureWorlds(name, dir.resolve("src" + ++imports))), true))
                .allMatch(r -> r.error() == null);
    }

    /** Every hit of {@code query}, page after page. */
    static List<SearchHit> all(WorldStore store, SearchQuery query) {
        List<SearchHit> hits = new ArrayList<>();
        SearchPage page = store.chats().search(query);
        hits.addAll(page.hits());
        while (page.next().isPresent()) {
            page = store.chats().search(query.after(page.next().get()));
            hits.addAll(page.hits());
        }
        return hits;
    }

    @Test
    void theFixturesGermanAndEmojiMessagesAreFoundByTheirWords() throws Exception {
        try (WorldStore store = open()) {
            importFixture(store, "c-chats");
            List<SearchHit> baeume = all(store, SearchQuery.of("BÄUME").limit(7));
            assertThat(baeume).hasSizeGreaterThan(10)
                    .allSatisfy(h -> assertThat(h.snippet().marked("[", "]")).contains("[Bäume]"));
            assertThat(all(store, SearchQuery.of("☘"))).hasSize(baeume.size());
            List<SearchHit> dragon = all(store, SearchQuery.of("🐉 frontend"));
            assertThat(dragon).isNotEmpty().allSatisfy(h -> {
                assertThat(h.worldId()).isEqualTo(ELARA);
                assertThat(h.snippet().marked("<", ">")).contains("<Frontend>").contains("<🐉>");
            });
            SearchHit wald = all(store, SearchQuery.of("wald 7")).get(0);
            assertThat(wald.snippet().text()).isEqualTo("Wald 7: Bäume ☘");
            assertThat(wald.messageId()).isEqualTo("fw7");
            assertThat(wald.seq()).isEqualTo(7);
            assertThat(wald.time()).hasValue(Instant.ofEpochMilli(1795715061476L));
            assertThat(store.chats().search(SearchQuery.of("Baume")).hits()).as("accents matter").isEmpty();
        }
    }

    @Test
    void filtersRankingAndPaging() throws Exception {
        try (WorldStore store = open()) {
            importFixture(store, "c-chats");
            World other = store.worlds().create("Other");
            Chat chat = store.chats().create(other.id(), NewChat.at(null, "mist talk"));
            store.chats().append(other.id(), chat.chatId(), NewMessage.of("narrator", "Mist, mist and more mist on the path.")
                    .at(Instant.parse("2030-01-01T00:00:00Z")));

            List<SearchHit> mist = all(store, SearchQuery.of("mist path").limit(3));
            assertThat(mist.get(0).worldId()).as("three mists in a short message rank first").isEqualTo(other.id());
            assertThat(mist).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
            Set<String> seen = new HashSet<>();
            assertThat(mist).allSatisfy(h -> assertThat(seen.add(h.worldId() + "/" + h.chatId() + "/" + h.seq())).isTrue());
            assertThat(mist.size()).isGreaterThan(3);

            assertThat(all(store, SearchQuery.of("mist path").inWorld(ELARA))).hasSize(mist.size() - 1)
                    .allMatch(h -> h.worldId().equals(ELARA));
            assertThat(all(store, SearchQuery.of("mist path").byRole("Elara Voss"))).hasSize(mist.size() - 1);
            assertThat(all(store, SearchQuery.of("mist path").byRole("narrator"))).hasSize(1);
            List<SearchHit> lore = all(store, SearchQuery.of("mist").inWorld(ELARA).atLocation("lore_1"));
            assertThat(lore).isNotEmpty().hasSizeLessThan(mist.size() - 1).allMatch(h -> "lore_1".equals(h.locationId()));
            assertThat(all(store, SearchQuery.of("mist").since(Instant.parse("2029-01-01T00:00:00Z"))))
                    .extracting(SearchHit::worldId).containsExactly(other.id());
        }
    }

    @Test
    void theIndexFollowsAppendsDeletesBranchesImportsAndRollbacks() throws Exception {
        try (WorldStore store = open()) {
            World w = store.worlds().create("Keep");
            Chat chat = store.chats().create(w.id(), NewChat.at(null, "talk"));
            store.chats().append(w.id(), chat.chatId(), NewMessage.of("user", "Where is the brass key?"));
            assertThat(store.chats().search(SearchQuery.of("brass key")).hits()).hasSize(1);

            assertThatThrownBy(() -> store.useTransaction(tx -> {
                tx.chats().append(w.id(), chat.chatId(), NewMessage.of("user", "A silver key too"));
                throw new IllegalStateException("roll back");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(store.chats().search(SearchQuery.of("silver")).hits()).isEmpty();

            World slot = store.worlds().branch(w.id(), "Keep Slot");
            assertThat(all(store, SearchQuery.of("brass key"))).extracting(SearchHit::worldId)
                    .containsExactlyInAnyOrder(w.id(), slot.id());

            store.chats().delete(slot.id(), chat.chatId());
            store.worlds().delete(w.id());
            assertThat(store.chats().search(SearchQuery.of("brass")).hits()).isEmpty();

            store.snapshots().restore(w.id());
            assertThat(store.chats().search(SearchQuery.of("brass key")).hits()).extracting(SearchHit::worldId)
                    .containsExactly(w.id());

            importFixture(store, "c-chats");
            importFixture(store, "c-chats");
            assertThat(all(store, SearchQuery.of("wald 7"))).as("a replace leaves no words of the old world").hasSize(1);
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
    }

    /**
     * {@code backgroundIndexing(false)}: appends leave their messages pending however many there are, a search
     * finds them anyway, {@code updateSearchIndex()} indexes them; opened again with the default, the store's
     * indexer takes new ones on its own.
     */
    @Test
    void withoutBackgroundIndexingMessagesWaitForUpdateSearchIndex() throws Exception {
        int messages = 3 * MergePolicy.BASE;
        String worldId;
        String chatId;
        try (WorldStore store = configure().backgroundIndexing(false).open()) {
            World w = store.worlds().create("Bulk");
            Chat chat = store.chats().create(w.id(), NewChat.at(null, "ferry"));
            worldId = w.id();
            chatId = chat.chatId();
            store.chats().appendAll(worldId, chatId, ferryMessages(0, messages));
            // The background indexer starts a step within a tenth of a second of a write once 1,024 are pending.
            Thread.sleep(1_000);
            assertThat(segments(store)).as("no segment written in the background").isZero();
            assertThat(all(store, SearchQuery.of("ferry dawn").limit(SearchQuery.MAX_LIMIT))).hasSize(messages);

            SearchIndexStatus indexed = store.updateSearchIndex();
            assertThat(indexed.pendingMessages()).isZero();
            assertThat(indexed.segments()).isPositive();
            assertThat(all(store, SearchQuery.of("ferry dawn").limit(SearchQuery.MAX_LIMIT))).hasSize(messages);
        }
        try (WorldStore store = open()) {
            long before = segments(store);
            store.chats().appendAll(worldId, chatId, ferryMessages(messages, messages));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (segments(store) == before && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(segments(store)).as("the indexer wrote a segment on its own").isGreaterThan(before);
            assertThat(all(store, SearchQuery.of("ferry dawn").limit(SearchQuery.MAX_LIMIT))).hasSize(2 * messages);
        }
    }

    private static List<NewMessage> ferryMessages(int from, int count) {
        List<NewMessage> batch = new ArrayList<>();
        for (int m = from; m < from + count; m++) {
            batch.add(NewMessage.of("user", "the ferry leaves at dawn, crossing " + m));
        }
        return batch;
    }

    private static long segments(WorldStore store) throws Exception {
        return StoreSql.count(store, "SELECT COUNT(*) FROM SEARCH_SEGMENT");
    }

    @Test
    void verifyFindsAnIndexOutOfStepWithItsMessages() throws Exception {
        try (WorldStore store = open()) {
            importFixture(store, "c-chats");
            SearchIndexStatus status = store.updateSearchIndex();
            assertThat(status.pendingMessages()).isZero();
            assertThat(status.segments()).isPositive();
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
            // Rare words share rows (blocks): the row holding a word is the one whose words run past it.
            String holding = " WHERE FIRST_WORD <= '%s' AND LAST_WORD >= '%s'";
            String damagedRow;
            try (Connection c = store.sqlConnection(true); Statement st = c.createStatement()) {
                var rs = st.executeQuery("SELECT FIRST_WORD, LAST_WORD FROM SEARCH_POSTING" + holding.formatted("frontend", "frontend"));
                assertThat(rs.next()).isTrue();
                damagedRow = rs.getString(1).equals(rs.getString(2)) ? "word \"frontend\" part 0"
                        : "block of words \"" + rs.getString(1) + "\" to \"" + rs.getString(2) + "\"";
                assertThat(st.executeUpdate("DELETE FROM SEARCH_POSTING" + holding.formatted("wald", "wald"))).isPositive();
                assertThat(st.executeUpdate("UPDATE SEARCH_POSTING SET POSTINGS = " + TestStores.binaryLiteral("FF") + holding.formatted("frontend", "frontend")))
                        .isPositive();
            }
            assertThat(store.verify(VerifyLevel.QUICK).passed()).isTrue();
            VerifyReport report = store.verify(VerifyLevel.FULL);
            assertThat(report.failures()).isNotEmpty().allSatisfy(f -> assertThat(f.check()).isEqualTo("search-index"));
            String details = report.failures().stream().map(f -> f.worldId() + ": " + f.detail()).toList().toString();
            assertThat(details).contains(ELARA + ": chat ").contains("wald=").contains(damagedRow + ": ")
                    .contains("ends inside a number");
        }
    }

    @Test
    void aSearchFindsTheSameWhetherMessagesArePendingOrInSegments() throws Exception {
        try (WorldStore store = open()) {
            importFixture(store, "c-chats");
            List<SearchQuery> queries = List.of(SearchQuery.of("mist path"), SearchQuery.of("bäume").limit(3),
                    SearchQuery.of("🐉"), SearchQuery.of("mist").inWorld(ELARA).limit(5), SearchQuery.of("wald 7"));
            List<List<SearchHit>> pending = new ArrayList<>();
            for (SearchQuery q : queries) {
                pending.add(all(store, q));
            }
            assertThat(pending).allSatisfy(hits -> assertThat(hits).isNotEmpty());
            assertThat(store.updateSearchIndex().pendingMessages()).isZero();
            for (int i = 0; i < queries.size(); i++) {
                assertThat(all(store, queries.get(i))).as(queries.get(i).text()).isEqualTo(pending.get(i));
            }
        }
    }

    @Test
    void mergesKeepWhatASearchFindsAndDropDeletedMessages() throws Exception {
        try (WorldStore store = open()) {
            World w = store.worlds().create("Merges");
            List<Chat> chats = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                chats.add(store.chats().create(w.id(), NewChat.at(null, "chat " + i)));
            }
            int segmentsSeen = 0;
            for (int round = 0; round < 2 * MergePolicy.FAN_IN; round++) {
                for (Chat chat : chats) {
                    store.chats().append(w.id(), chat.chatId(), NewMessage.of("user", "round " + round
                            + " of the lantern game, chat " + chat.chatId()));
                }
                segmentsSeen = Math.max(segmentsSeen, (int) store.updateSearchIndex().segments());
            }
            SearchIndexStatus merged = store.updateSearchIndex();
            assertThat(merged.segments()).as("tier 0 merged each time it filled").isLessThan(MergePolicy.FAN_IN);
            assertThat(all(store, SearchQuery.of("lantern game"))).hasSize(2 * MergePolicy.FAN_IN * chats.size());
            assertThat(all(store, SearchQuery.of("round 3 lantern"))).hasSize(chats.size())
                    .allSatisfy(h -> assertThat(h.snippet().marked("[", "]")).contains("[round] [3]"));

            store.chats().delete(w.id(), chats.get(0).chatId());
            assertThat(all(store, SearchQuery.of("lantern game"))).hasSize(2 * MergePolicy.FAN_IN * (chats.size() - 1));
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
            long before = store.updateSearchIndex().postings();
            for (int round = 0; round < MergePolicy.FAN_IN * MergePolicy.FAN_IN; round++) {
                store.chats().append(w.id(), chats.get(1).chatId(), NewMessage.of("user", "late " + round));
                store.updateSearchIndex();
            }
            SearchIndexStatus after = store.updateSearchIndex();
            assertThat(after.postings()).as("the deleted chat's postings were merged away")
                    .isLessThan(before + 2L * MergePolicy.FAN_IN * MergePolicy.FAN_IN);
            assertThat(all(store, SearchQuery.of("lantern game"))).hasSize(2 * MergePolicy.FAN_IN * (chats.size() - 1));
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
    }

    @Test
    void wordsOfManyPartsAreIntersectedExactly() throws Exception {
        try (WorldStore store = open()) {
            World w = store.worlds().create("Parts");
            Chat chat = store.chats().create(w.id(), NewChat.at(null, "long talk"));
            int messages = 3 * SearchPostings.PART + 100;
            List<NewMessage> batch = new ArrayList<>();
            for (int m = 0; m < messages; m++) {
                batch.add(NewMessage.of(m % 700 == 0 ? "narrator" : "user",
                        "common" + (m % 3 == 0 ? " mid" : "") + (m % 500 == 0 ? " rare" : "")));
            }
            store.chats().appendAll(w.id(), chat.chatId(), batch);
            for (int pass = 0; pass < 2; pass++) {
                assertThat(all(store, SearchQuery.of("common rare").limit(7))).extracting(SearchHit::seq)
                        .containsExactlyInAnyOrderElementsOf(multiplesBelow(500, messages));
                assertThat(all(store, SearchQuery.of("mid rare"))).extracting(SearchHit::seq)
                        .containsExactlyInAnyOrderElementsOf(multiplesBelow(1500, messages));
                assertThat(all(store, SearchQuery.of("mid common").limit(SearchQuery.MAX_LIMIT))).extracting(SearchHit::seq)
                        .containsExactlyInAnyOrderElementsOf(multiplesBelow(3, messages));
                // a filter that refuses almost every candidate: the search looks at more until the page is full
                assertThat(all(store, SearchQuery.of("mid common").byRole("narrator").limit(2))).extracting(SearchHit::seq)
                        .containsExactlyInAnyOrderElementsOf(multiplesBelow(2100, messages));
                // first pass: all pending; second: in segments of several parts per word
                assertThat(store.updateSearchIndex().pendingMessages()).isZero();
            }
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
    }

    @Test
    void rareWordsShareRowsAndEachIsFoundBeforeAndAfterMerges() throws Exception {
        try (WorldStore store = open()) {
            World w = store.worlds().create("Blocks");
            Chat chat = store.chats().create(w.id(), NewChat.at(null, "names"));
            // Enough for tier 0 to fill and merge: each message holds a word no other holds, like a name or number.
            int messages = MergePolicy.BASE * MergePolicy.FAN_IN + 300;
            List<NewMessage> batch = new ArrayList<>();
            for (int m = 0; m < messages; m++) {
                batch.add(NewMessage.of("user", "the guard says q" + Integer.toString(m, 36) + "x"));
            }
            store.chats().appendAll(w.id(), chat.chatId(), batch);
            SearchIndexStatus indexed = store.updateSearchIndex();
            assertThat(indexed.pendingMessages()).isZero();
            assertThat(indexed.segments()).as("tier 0 was merged").isLessThan(MergePolicy.FAN_IN);
            // Each row's words, as the schema says: a block covers several, a word with many postings has its own.
            List<String[]> rows = new ArrayList<>();
            try (Connection c = store.sqlConnection(false); Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT FIRST_WORD, LAST_WORD FROM SEARCH_POSTING")) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertThat(rows.size()).as("rows for " + (messages + 3) + " words").isLessThan(messages / 20);
            // Every word at the edge of a row, and every seventh word, is found in its message only.
            Set<Long> probes = new HashSet<>();
            for (String[] row : rows) {
                for (String word : row) {
                    if (word.matches("q[0-9a-z]+x")) {
                        probes.add(Long.parseLong(word.substring(1, word.length() - 1), 36));
                    }
                }
            }
            for (long m = 0; m < messages; m += 7) {
                probes.add(m);
            }
            assertThat(probes).hasSizeGreaterThan(messages / 7);
            for (long m : probes) {
                assertThat(all(store, SearchQuery.of("q" + Long.toString(m, 36) + "x guard"))).extracting(SearchHit::seq)
                        .as("word of message " + m).containsExactly(m);
            }
            assertThat(all(store, SearchQuery.of("q0"))).as("a word before a row's first word").isEmpty();
            assertThat(all(store, SearchQuery.of("q1x0"))).as("a word between two of a block's words").isEmpty();
            assertThat(all(store, SearchQuery.of("zzz"))).as("a word after the last row").isEmpty();
            assertThat(all(store, SearchQuery.of("guard says").limit(SearchQuery.MAX_LIMIT))).hasSize(messages);
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
    }

    private static List<Long> multiplesBelow(int step, int end) {
        List<Long> out = new ArrayList<>();
        for (long m = 0; m < end; m += step) {
            out.add(m);
        }
        return out;
    }

    @Test
    void aRefusedQuerySaysWhatIsWrong() throws Exception {
        try (WorldStore store = open()) {
            store.worlds().create("Keep");
            assertThatThrownBy(() -> store.chats().search(SearchQuery.of(" !? ").inWorld("Keep")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("world Keep")
                    .hasMessageContaining("search text").hasMessageContaining("no word");
            assertThatThrownBy(() -> store.chats().search(SearchQuery.of(""))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("search text");
            assertThatThrownBy(() -> store.chats().search(null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> store.chats().search(SearchQuery.of("key").limit(0)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("search limit");
            assertThatThrownBy(() -> store.chats().search(SearchQuery.of("key").after("page 2")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("search cursor");
            assertThatThrownBy(() -> store.chats().search(SearchQuery.of("a b c d e f g h i j k l m n o p q")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 16 words");
            assertThatThrownBy(() -> store.chats().search(SearchQuery.of("key").inWorld("Nowhere")))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("Nowhere");
            assertThat(store.chats().search(SearchQuery.of("key")).hits()).isEmpty();
        }
    }

    /**
     * Words whose characters lie on both sides of UTF-16's surrogates: CJK compatibility ideographs that NFKC
     * keeps (U+FA0E and its neighbours, above the surrogates in UTF-16, below U+10000 as code points) and CJK
     * extension B (U+20000 on, surrogate pairs in UTF-16). Java's and H2's string order puts the second before the
     * first, PostgreSQL's "C" order the first before the second; the index must find each word on either engine,
     * in blocks shared with the others and after a merge.
     */
    @Test
    void wordsOnBothSidesOfTheSurrogatesAreFoundOnEitherEngine() {
        try (WorldStore store = open()) {
            World w = store.worlds().create("Order");
            store.chats().create(w.id(), new NewChat("c", null, "c"));
            List<String> words = new ArrayList<>();
            for (int cp : new int[]{0xFA0E, 0xFA0F, 0xFA11, 0xFA13, 0xFA14, 0xFA1F, 0xFA21, 0xFA23, 0xFA24, 0xFA27,
                    0xFA28, 0xFA29}) {
                words.add(new String(Character.toChars(cp)));
            }
            for (int i = 0; i < 1_500; i++) {
                words.add(new String(Character.toChars(0x20000 + i)));
                if (i % 5 == 0) {
                    words.add("word" + i);
                }
            }
            List<NewMessage> messages = words.stream().map(word -> NewMessage.of("user", word)).toList();
            store.chats().appendAll(w.id(), "c", messages);
            store.updateSearchIndex();
            for (String word : words) {
                assertThat(store.chats().search(SearchQuery.of(word)).hits()).as(word + " " + word.codePointAt(0))
                        .hasSize(1).first().extracting(SearchHit::snippet).extracting(Snippet::text).isEqualTo(word);
            }
            assertThat(store.verify(VerifyLevel.FULL).failures()).isEmpty();
        }
    }
}
