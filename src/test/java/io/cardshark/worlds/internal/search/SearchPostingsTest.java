package io.cardshark.worlds.internal.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How postings are stored and merged: pure functions, checked against plain lists of what went in. */
class SearchPostingsTest {

    /** A posting as the test writes it down: (chat key, seq) → weight, in key order. */
    private static TreeMap<String, Integer> model(PostingList list) {
        TreeMap<String, Integer> m = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            m.put(String.format("%020d.%020d", list.chatKey(i), list.seq(i)), list.weight(i));
        }
        return m;
    }

    private static PostingList random(Random random, int size, double keep) {
        PostingList list = new PostingList();
        long chatKey = random.nextInt(3);
        long seq = -1;
        while (list.size() < size) {
            if (random.nextInt(50) == 0) {
                chatKey += 1 + random.nextInt(random.nextBoolean() ? 3 : 1_000_000);
                seq = -1;
            }
            seq += 1 + (random.nextInt(100) == 0 ? random.nextInt(1 << 20) : 0);
            if (random.nextDouble() < keep) {
                list.add(chatKey, seq, 1 + random.nextInt(random.nextBoolean() ? 3000 : Integer.MAX_VALUE - 1));
            }
        }
        return list;
    }

    @Test
    void partsDecodeToWhatWasEncodedAndSayTheirCountAndBounds() {
        Random random = new Random(17);
        for (int size : new int[] {1, 2, SearchPostings.PART - 1, SearchPostings.PART, SearchPostings.PART + 1, 3 * SearchPostings.PART + 7}) {
            PostingList in = random(random, size, 0.7);
            List<SearchPostings.Part> parts = SearchPostings.encode(in);
            assertThat(parts).hasSize((size + SearchPostings.PART - 1) / SearchPostings.PART);
            PostingList out = new PostingList();
            int at = 0;
            for (SearchPostings.Part p : parts) {
                assertThat(p.count()).isBetween(1, SearchPostings.PART);
                assertThat(p.firstChatKey()).isEqualTo(in.chatKey(at));
                assertThat(p.firstSeq()).isEqualTo(in.seq(at));
                at += p.count();
                assertThat(p.lastChatKey()).isEqualTo(in.chatKey(at - 1));
                assertThat(p.lastSeq()).isEqualTo(in.seq(at - 1));
                SearchPostings.decode(p.bytes(), out);
                assertThat(out.size()).isEqualTo(at);
            }
            assertThat(model(out)).isEqualTo(model(in));
        }
    }

    @Test
    void aRoleplayMessagesPostingTakesFourBytes() {
        PostingList list = new PostingList();
        for (int chat = 1; chat <= 10; chat++) {
            for (int seq = 0; seq < 1000; seq += 3) {
                list.add(chat, seq, 1200 + seq % 500);
            }
        }
        long bytes = SearchPostings.encode(list).stream().mapToLong(p -> p.bytes().length).sum();
        assertThat(bytes / (double) list.size()).isLessThanOrEqualTo(4.1);
    }

    @Test
    void damagedPartsAreRefused() {
        PostingList list = random(new Random(3), 100, 1);
        byte[] bytes = SearchPostings.encode(list).get(0).bytes();
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> SearchPostings.decode(cut, new PostingList()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends inside a number");
        byte[] endless = new byte[12];
        java.util.Arrays.fill(endless, (byte) 0xFF);
        assertThatThrownBy(() -> SearchPostings.decode(endless, new PostingList()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 bits");
        assertThatThrownBy(() -> list.add(0, 0, 5)).as("out of order").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMergeIsTheUnionInOrderWithTheNewerPostingAndOnlyWhatIsKept() {
        Random random = new Random(5);
        for (int round = 0; round < 50; round++) {
            PostingList a = random(random, random.nextInt(300), 0.5);
            PostingList b = random(random, random.nextInt(300), 0.5);
            PostingList.Keep keep = (chatKey, seq) -> (chatKey + seq) % 7 != 0;
            TreeMap<String, Integer> expected = new TreeMap<>();
            for (PostingList l : List.of(a, b)) {
                for (int i = 0; i < l.size(); i++) {
                    if (keep.test(l.chatKey(i), l.seq(i))) {
                        expected.put(String.format("%020d.%020d", l.chatKey(i), l.seq(i)), l.weight(i));
                    }
                }
            }
            assertThat(model(PostingList.merge(a, b, keep))).isEqualTo(expected);
        }
    }

    @Test
    void theMergePolicyMergesTheOldestEightOfTheLowestFullTier() {
        List<MergePolicy.Segment> segments = new ArrayList<>();
        for (long id = 1; id <= 7; id++) {
            segments.add(new MergePolicy.Segment(id, 300, 3_000));
        }
        segments.add(new MergePolicy.Segment(8, 50_000, 500_000));
        assertThat(MergePolicy.nextMerge(segments)).isEmpty();
        segments.add(new MergePolicy.Segment(9, 10, 100));
        segments.add(new MergePolicy.Segment(10, 20, 200));
        assertThat(MergePolicy.nextMerge(segments)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 9L);
        assertThat(MergePolicy.tier(MergePolicy.BASE * MergePolicy.FAN_IN - 1)).isZero();
        assertThat(MergePolicy.tier(MergePolicy.BASE * MergePolicy.FAN_IN)).isEqualTo(1);
        assertThat(MergePolicy.tier(Long.MAX_VALUE)).isLessThanOrEqualTo(20);
    }

    @Test
    void aSegmentOfManyPostingsIsLeftOutOfMergesSoThatNoMergeMakesMoreThanTheBound() {
        long most = MergePolicy.MOST_POSTINGS / MergePolicy.FAN_IN;
        List<MergePolicy.Segment> segments = new ArrayList<>();
        // Eight segments of 300 long messages: one of them more postings than an eighth of the bound.
        for (long id = 1; id <= 8; id++) {
            segments.add(new MergePolicy.Segment(id, 300, id == 3 ? most + 1 : most));
        }
        assertThat(MergePolicy.nextMerge(segments)).isEmpty();
        segments.add(new MergePolicy.Segment(9, 300, 10));
        List<Long> merge = MergePolicy.nextMerge(segments);
        assertThat(merge).containsExactly(1L, 2L, 4L, 5L, 6L, 7L, 8L, 9L);
        long postings = segments.stream().filter(s -> merge.contains(s.id())).mapToLong(MergePolicy.Segment::postings).sum();
        assertThat(postings).isLessThanOrEqualTo(MergePolicy.MOST_POSTINGS);
    }

    @Test
    void aBlockGivesBackEachOfItsWordsAndOnlyThose() {
        Random random = new Random(11);
        List<SearchBlocks.Entry> entries = new ArrayList<>();
        TreeMap<String, TreeMap<String, Integer>> expected = new TreeMap<>();
        for (String word : new String[] {"7", "bäume", "elara", "k", "wald", "zwölf", "🐉"}) {
            PostingList list = random(random, 1 + random.nextInt(40), 0.5);
            entries.add(new SearchBlocks.Entry(word, SearchPostings.encode(list).get(0)));
            expected.put(word, model(list));
        }
        byte[] block = SearchBlocks.encode(entries);

        TreeMap<String, TreeMap<String, Integer>> decoded = new TreeMap<>();
        for (SearchBlocks.Entry e : SearchBlocks.decode(block, WordOrder.UTF16)) {
            PostingList list = new PostingList();
            SearchPostings.decode(e.part().bytes(), list);
            decoded.put(e.word(), model(list));
            assertThat(e.part().count()).isEqualTo(list.size());
        }
        assertThat(decoded).isEqualTo(expected);
        for (String word : expected.keySet()) {
            PostingList found = new PostingList();
            SearchPostings.decode(SearchBlocks.find(block, word).bytes(), found);
            assertThat(model(found)).as(word).isEqualTo(expected.get(word));
        }
        for (String absent : new String[] {"", "6", "bäum", "bäumen", "wal", "🐲"}) {
            assertThat(SearchBlocks.find(block, absent)).as(absent).isNull();
        }
    }

    @Test
    void aBlocksSummaryCoversAllItsPostings() {
        PostingList late = new PostingList();
        late.add(9, 4, 2);
        late.add(12, 0, 1);
        PostingList early = new PostingList();
        early.add(3, 7, 5);
        early.add(9, 5, 1);
        List<SearchBlocks.Entry> entries = List.of(new SearchBlocks.Entry("a", SearchPostings.encode(late).get(0)),
                new SearchBlocks.Entry("b", SearchPostings.encode(early).get(0)));
        SearchPostings.Part summary = SearchBlocks.summary(entries, SearchBlocks.encode(entries));
        assertThat(summary).extracting(SearchPostings.Part::count, SearchPostings.Part::firstChatKey,
                        SearchPostings.Part::firstSeq, SearchPostings.Part::lastChatKey, SearchPostings.Part::lastSeq,
                        SearchPostings.Part::maxWeight)
                .containsExactly(4, 3L, 7L, 12L, 0L, 5);
    }

    @Test
    void damagedBlocksAreRefused() {
        PostingList list = random(new Random(2), 10, 1);
        SearchPostings.Part part = SearchPostings.encode(list).get(0);
        byte[] block = SearchBlocks.encode(List.of(new SearchBlocks.Entry("a", part), new SearchBlocks.Entry("b", part)));
        byte[] cut = java.util.Arrays.copyOf(block, block.length - 3);
        assertThatThrownBy(() -> SearchBlocks.decode(cut, WordOrder.UTF16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs past its end");
        assertThatThrownBy(() -> SearchBlocks.find(cut, "b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs past its end");
        byte[] unordered = SearchBlocks.encode(List.of(new SearchBlocks.Entry("b", part), new SearchBlocks.Entry("a", part)));
        assertThatThrownBy(() -> SearchBlocks.decode(unordered, WordOrder.UTF16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"a\" does not follow \"b\"");
        byte[] empty = SearchBlocks.encode(List.of(new SearchBlocks.Entry("a", new SearchPostings.Part(0, 0, 0, 0, 0, 0,
                new byte[0]))));
        assertThatThrownBy(() -> SearchBlocks.decode(empty, WordOrder.UTF16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no posting");
    }
}
