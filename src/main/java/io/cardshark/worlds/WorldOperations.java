package io.cardshark.worlds;

/**
 * Everything one can read and change, grouped by capability. {@link WorldStore} runs each call in a
 * transaction of its own; a {@link WorldTransaction} runs them all in one. The capability objects hold no
 * state of their own: fetch them once or on every call, as is convenient.
 */
public interface WorldOperations {

    /**
     * Creating, finding, renaming and deleting worlds.
     *
     * @return the worlds capability of this store or transaction
     */
    Worlds worlds();

    /**
     * The locations of worlds, with their exits, NPCs and event definitions.
     *
     * @return the locations capability of this store or transaction
     */
    Locations locations();

    /**
     * The player of each world: position, visit history and stats.
     *
     * @return the players capability of this store or transaction
     */
    Players players();

    /**
     * Chats and their append-only messages.
     *
     * @return the chats capability of this store or transaction
     */
    Chats chats();

    /**
     * Records of events that happened in a world.
     *
     * @return the events capability of this store or transaction
     */
    Events events();

    /**
     * Images and any other files of a world.
     *
     * @return the files capability of this store or transaction
     */
    WorldFiles files();

    /**
     * The store's own settings, such as the active world.
     *
     * @return the settings capability of this store or transaction
     */
    StoreSettings settings();
}
