package io.cardshark.worlds.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which segments the indexer merges: segments fall into tiers by how many messages they index (tier 0 below
 * {@value #BASE} x {@value #FAN_IN}, each tier {@value #FAN_IN} times the one below), and when a tier below
 * {@link #UNMERGED_TIER} holds {@value #FAN_IN} segments its oldest {@value #FAN_IN} become one. A search then reads at most some
 * {@value #FAN_IN} segments per tier, a handful of tiers for millions of messages, and each posting is
 * rewritten once per tier it climbs.
 */
public final class MergePolicy {

    /** Messages of the smallest segment the indexer writes from pending messages. */
    public static final int BASE = 1024;
    /** Segments of a tier that are merged into one. */
    public static final int FAN_IN = 8;
    /**
     * The first tier whose segments are not merged further (those of {@value #BASE} x 64 messages and more):
     * a merge builds its segment in memory before writing it, so that the writers' commits meanwhile do not
     * write its pages again and again (H2 writes every changed page at each commit), and this bounds that
     * memory to some 10 MB. A store of millions of messages then has a segment per 65,536 of them or so.
     */
    public static final int UNMERGED_TIER = 2;
    /** The most messages a segment written at once (by an import or a flush) holds: one of the unmerged tier. */
    public static final int LARGEST = BASE * FAN_IN * FAN_IN;
    /**
     * The most postings a segment written at once (by an import or a flush) holds, and the most a merge makes: the
     * heap a segment takes while it is built grows with its postings (12 bytes each, twice that while a list
     * grows), and long messages hold hundreds of words each. 65,536 messages of 300 words ran an import out of
     * a 256 MB heap; the benchmark's world of short messages has some 1,300,000 postings per 65,536 messages.
     */
    public static final long MOST_POSTINGS = 1L << 21;

    private MergePolicy() {
    }

    /** A segment as the policy sees it. */
    public record Segment(long id, long messages, long postings) {
    }

    /** The tier of a segment of {@code messages} messages. */
    public static int tier(long messages) {
        int tier = 0;
        for (long size = (long) BASE * FAN_IN; messages >= size && tier < 20; size *= FAN_IN) {
            tier++;
        }
        return tier;
    }

    /**
     * The segments to merge next, the oldest {@value #FAN_IN} of the lowest full tier; empty when no tier is
     * full. {@code segments} in the order they were written (by id). A segment of more than
     * {@link #MOST_POSTINGS} / {@value #FAN_IN} postings is not merged further, as one of the unmerged tier, so
     * that no merge makes more than {@link #MOST_POSTINGS}.
     */
    public static List<Long> nextMerge(List<Segment> segments) {
        Map<Integer, List<Long>> tiers = new TreeMap<>();
        for (Segment s : segments) {
            if (s.postings() <= MOST_POSTINGS / FAN_IN) {
                tiers.computeIfAbsent(tier(s.messages()), t -> new ArrayList<>()).add(s.id());
            }
        }
        for (Map.Entry<Integer, List<Long>> tier : tiers.entrySet()) {
            if (tier.getKey() < UNMERGED_TIER && tier.getValue().size() >= FAN_IN) {
                return List.copyOf(tier.getValue().subList(0, FAN_IN));
            }
        }
        return List.of();
    }
}
