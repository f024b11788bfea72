package io.cardshark.worlds.internal.ops;

import io.cardshark.worlds.internal.search.PostingList;
import io.cardshark.worlds.internal.search.SearchPostings;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages of one segment that hold every word of a query, given to the best candidates so far. The rarest
 * word's parts are taken from the last (the latest messages, which win ties) to the first; each part's best
 * possible score is the sum of the highest weights of it and of the other words' parts it overlaps (block-max,
 * as Lucene's WAND does), and a part that cannot beat the worst candidate kept is skipped undecoded. A part that
 * is taken is decoded and intersected with the other words' overlapping parts, rarest first.
 */
final class SegmentMatches {

    private final List<List<SearchPostings.Part>> others;
    private final Map<SearchPostings.Part, PostingList> decoded = new IdentityHashMap<>();

    private SegmentMatches(List<List<SearchPostings.Part>> others) {
        this.others = others;
    }

    static void collect(List<List<SearchPostings.Part>> words, SearchCandidates top) {
        List<List<SearchPostings.Part>> byCount = words.stream()
                .sorted(Comparator.comparingLong(w -> w.stream().mapToLong(SearchPostings.Part::count).sum())).toList();
        SegmentMatches matches = new SegmentMatches(byCount.subList(1, byCount.size()));
        List<SearchPostings.Part> rarest = byCount.get(0);
        for (int p = rarest.size() - 1; p >= 0; p--) {
            matches.collect(rarest.get(p), top);
        }
    }

    private void collect(SearchPostings.Part part, SearchCandidates top) {
        int bound = part.maxWeight();
        for (List<SearchPostings.Part> word : others) {
            int best = 0;
            for (int i = firstOverlapping(word, part); i < word.size() && word.get(i).overlaps(part); i++) {
                best = Math.max(best, word.get(i).maxWeight());
            }
            if (best == 0) {
                return;
            }
            bound += best;
        }
        if (top.cannotBeat(bound, part.lastChatKey(), part.lastSeq())) {
            return;
        }
        PostingList left = decode(part);
        for (int w = 0; w < others.size() && left.size() > 0; w++) {
            left = intersect(left, others.get(w), part);
        }
        for (int i = 0; i < left.size(); i++) {
            top.add(left.weight(i), left.chatKey(i), left.seq(i));
        }
    }

    /** The first part of {@code word} that may overlap {@code part} (the parts are in order and do not overlap). */
    private static int firstOverlapping(List<SearchPostings.Part> word, SearchPostings.Part part) {
        int low = 0;
        int high = word.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            SearchPostings.Part m = word.get(mid);
            if (PostingList.compare(m.lastChatKey(), m.lastSeq(), part.firstChatKey(), part.firstSeq()) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The postings of {@code left} that the word's parts overlapping {@code range} hold too, weights added. */
    private PostingList intersect(PostingList left, List<SearchPostings.Part> word, SearchPostings.Part range) {
        PostingList out = new PostingList();
        int i = 0;
        for (int p = firstOverlapping(word, range); p < word.size() && word.get(p).overlaps(range) && i < left.size(); p++) {
            PostingList other = decode(word.get(p));
            for (int j = 0; j < other.size() && i < left.size(); j++) {
                while (i < left.size() && PostingList.compare(left.chatKey(i), left.seq(i), other.chatKey(j), other.seq(j)) < 0) {
                    i++;
                }
                if (i < left.size() && left.chatKey(i) == other.chatKey(j) && left.seq(i) == other.seq(j)) {
                    out.add(left.chatKey(i), left.seq(i), left.weight(i) + other.weight(j));
                    i++;
                }
            }
        }
        return out;
    }

    /** A part's postings, decoded once: adjacent parts of the rarest word often overlap the same part. */
    private PostingList decode(SearchPostings.Part part) {
        return decoded.computeIfAbsent(part, p -> {
            PostingList list = new PostingList(p.count());
            SearchPostings.decode(p.bytes(), list);
            return list;
        });
    }
}
