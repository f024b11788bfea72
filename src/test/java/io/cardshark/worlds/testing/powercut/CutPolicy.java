package io.cardshark.worlds.testing.powercut;

/**
 * Which of the operations that were not yet synced when the power failed reached the disk.
 * {@link PowerCutFileSystem} picks one per cut (seeded) unless the test names one.
 *
 * <p>"Operations" are data writes, truncations and metadata changes (create, delete, rename, mkdir), in the
 * order the program issued them. Metadata goes through an ordered journal: whatever the policy, the metadata
 * changes that survive are a prefix of those issued (see {@link PowerCutFileSystem}).
 */
public enum CutPolicy {

    /** Everything reached the disk: the cache was written out just before the power failed. */
    KEEP,

    /** Nothing reached the disk: every unsynced operation was still in the page cache. */
    DROP,

    /**
     * A disk without a write cache, writing in order: every operation before one chosen at random reached the
     * disk, and nothing after it. If the chosen one is a write, a prefix of it reached the disk, cut at a
     * 512-byte sector boundary of the file (possibly none of it): the write is torn.
     */
    TEAR,

    /**
     * A disk with a write cache that writes back in its own order: each unsynced write or truncation reached
     * the disk or not, independently (a coin flip each). Where two writes overlap, the later one wins if both
     * landed, as the cache holds only the newest content of a sector. Metadata keeps a random prefix.
     */
    REORDER
}
