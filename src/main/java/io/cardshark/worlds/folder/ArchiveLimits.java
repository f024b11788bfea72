package io.cardshark.worlds.folder;

/**
 * How much a world archive may hold before its import is refused unread: an archive comes from anywhere, and these
 * bounds keep a hostile one (a zip bomb, a million empty entries, a path a thousand folders deep) from filling the
 * disk or the heap. Every bound is checked on the archive's central directory before any entry is extracted, and
 * each entry's data is held to the size it declares. Immutable; change a bound with its wither:
 *
 * <pre>{@code
 * ArchiveLimits limits = ArchiveLimits.DEFAULT.maxEntries(50_000).maxTotalBytes(8L << 30);
 * }</pre>
 *
 * @param maxArchiveBytes the largest archive file opened
 * @param maxEntries      the most entries, directories included
 * @param maxEntryBytes   the largest uncompressed entry
 * @param maxTotalBytes   the most uncompressed bytes over all entries
 * @param maxRatio        the highest uncompressed-to-compressed ratio of an entry larger than 1 MiB (deflate
 *                        reaches about 1000:1 only on data made to be a bomb; chats and images stay far below 100:1)
 * @param maxDepth        the most path segments in an entry name, the world's folder included
 */
public record ArchiveLimits(long maxArchiveBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes,
                            int maxRatio, int maxDepth) {

    private static final long GiB = 1L << 30;

    /**
     * Room for a world of a million messages and thousands of files (64 GiB in all, 4 GiB an entry, a million
     * entries, 200:1, 64 deep), far below what would exhaust a machine.
     */
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(64 * GiB, 1_000_000, 4 * GiB, 64 * GiB, 200, 64);

    /**
     * Checks that every bound is positive.
     *
     * @param maxArchiveBytes the largest archive file opened
     * @param maxEntries      the most entries
     * @param maxEntryBytes   the largest uncompressed entry
     * @param maxTotalBytes   the most uncompressed bytes in all
     * @param maxRatio        the highest compression ratio of an entry above 1 MiB
     * @param maxDepth        the most path segments in an entry name
     * @throws io.cardshark.worlds.InvalidInputException when a bound is zero or negative
     */
    public ArchiveLimits {
        if (maxArchiveBytes <= 0 || maxEntries <= 0 || maxEntryBytes <= 0 || maxTotalBytes <= 0 || maxRatio <= 0
                || maxDepth <= 0) {
            throw new io.cardshark.worlds.InvalidInputException(null, "every archive limit must be positive, were "
                    + this);
        }
    }

    /**
     * These limits with another largest archive.
     *
     * @param bytes the largest archive file opened
     * @return the new limits
     */
    public ArchiveLimits maxArchiveBytes(long bytes) {
        return new ArchiveLimits(bytes, maxEntries, maxEntryBytes, maxTotalBytes, maxRatio, maxDepth);
    }

    /**
     * These limits with another most entries.
     *
     * @param entries the most entries, directories included
     * @return the new limits
     */
    public ArchiveLimits maxEntries(int entries) {
        return new ArchiveLimits(maxArchiveBytes, entries, maxEntryBytes, maxTotalBytes, maxRatio, maxDepth);
    }

    /**
     * These limits with another largest entry.
     *
     * @param bytes the largest uncompressed entry
     * @return the new limits
     */
    public ArchiveLimits maxEntryBytes(long bytes) {
        return new ArchiveLimits(maxArchiveBytes, maxEntries, bytes, maxTotalBytes, maxRatio, maxDepth);
    }

    /**
     * These limits with another total.
     *
     * @param bytes the most uncompressed bytes over all entries
     * @return the new limits
     */
    public ArchiveLimits maxTotalBytes(long bytes) {
        return new ArchiveLimits(maxArchiveBytes, maxEntries, maxEntryBytes, bytes, maxRatio, maxDepth);
    }

    /**
     * These limits with another highest compression ratio.
     *
     * @param ratio the highest uncompressed-to-compressed ratio of an entry above 1 MiB
     * @return the new limits
     */
    public ArchiveLimits maxRatio(int ratio) {
        return new ArchiveLimits(maxArchiveBytes, maxEntries, maxEntryBytes, maxTotalBytes, ratio, maxDepth);
    }

    /**
     * These limits with another deepest path.
     *
     * @param depth the most path segments in an entry name
     * @return the new limits
     */
    public ArchiveLimits maxDepth(int depth) {
        return new ArchiveLimits(maxArchiveBytes, maxEntries, maxEntryBytes, maxTotalBytes, maxRatio, depth);
    }
}
