package io.cardshark.worlds.folder;

/**
 * Hears how far an import or export of one world has come: for an import in bytes read, for an export in
 * messages and files written. Called on the working thread, often: keep it cheap.
 */
@FunctionalInterface
public interface Progress {

    /** No one is listening. */
    Progress NONE = (worldId, done, total) -> { };

    void update(String worldId, long done, long total);
}
