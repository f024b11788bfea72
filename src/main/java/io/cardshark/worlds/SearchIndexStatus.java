package io.cardshark.worlds;

/**
 * The state of the search index ({@link WorldStore#updateSearchIndex()}).
 *
 * @param pendingMessages messages written but not yet in a segment; a search reads them one by one, so many
 *                        of them (after an upgrade from schema 3, or a large branch) make it slower, never wrong
 * @param segments        segments of the index
 * @param postings        postings the segments hold (one per distinct word of a message), including those of
 *                        messages deleted since, which a merge drops
 * @param steps           the steps (flushes and merges) the call ran
 */
public record SearchIndexStatus(long pendingMessages, long segments, long postings, int steps) {
}
