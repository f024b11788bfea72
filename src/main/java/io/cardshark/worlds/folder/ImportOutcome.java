package io.cardshark.worlds.folder;

/** What became of one world folder. */
public enum ImportOutcome {
    /** Imported from its {@code world_state.json}. */
    IMPORTED,
    /** Imported, with the state recovered from a backup because {@code world_state.json} was unusable. */
    RECOVERED,
    /** Not imported; the store is unchanged. */
    REJECTED
}
