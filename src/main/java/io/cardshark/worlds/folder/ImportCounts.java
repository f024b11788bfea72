package io.cardshark.worlds.folder;

/** What one world folder held, by kind. */
public record ImportCounts(int locations, int unconnectedLocations, int chats, long messages, int events,
                           int files, int backups, long bytes) {
    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0, 0, 0);
}
