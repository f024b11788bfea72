package io.cardshark.worlds;

/**
 * Everything one can read and change, grouped by capability. {@link WorldStore} runs each call in a
 * transaction of its own; a {@link WorldTransaction} runs them all in one.
 */
public interface WorldOperations {
    Worlds worlds();

    Locations locations();

    Players players();

    Chats chats();

    Events events();

    WorldFiles files();

    /** The store's own settings, such as the active world. */
    StoreSettings settings();
}
