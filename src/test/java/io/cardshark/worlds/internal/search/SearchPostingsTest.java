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
            segments.add(new MergePolicy.Segment(id, 300));
        }
        segments.add(new MergePolicy.Segment(8, 50_000));
        assertThat(MergePolicy.nextMerge(segments)).isEmpty();
        segments.add(new MergePolicy.Segment(9, 10));
        segments.add(new MergePolicy.Segment(10, 20));
        assertThat(MergePolicy.nextMerge(segments)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 9L);
        assertThat(MergePolicy.tier(MergePolicy.BASE * MergePolicy.FAN_IN - 1)).isZero();
        assertThat(MergePolicy.tier(MergePolicy.BASE * MergePolicy.FAN_IN)).isEqualTo(1);
        assertThat(MergePolicy.tier(Long.MAX_VALUE)).isLessThanOrEqualTo(20);
    }
}
