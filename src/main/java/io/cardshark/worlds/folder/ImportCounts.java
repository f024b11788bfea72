package io.cardshark.worlds.folder;

/**
 * What one world folder held, by kind.
 *
 * @param locations            connected locations (the state's {@code locations})
 * @param unconnectedLocations unconnected locations (the state's {@code unconnected_locations})
 * @param chats                chats
 * @param messages             chat messages
 * @param events               event records ({@code events/*.json})
 * @param files                images and other files kept as they are, {@code metadata.json} among them
 *                             when it is no JSON object
 * @param backups              {@code *.backup.*.json} files, kept as history
 * @param bytes                bytes read from the folder
 */
public record ImportCounts(int locations, int unconnectedLocations, int chats, long messages, int events,
                           int files, int backups, long bytes) {

    /** Nothing: what a rejected folder reports. */
    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0, 0, 0);
}
