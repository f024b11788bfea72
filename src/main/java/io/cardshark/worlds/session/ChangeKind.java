package io.cardshark.worlds.session;

/** What a buffered change does; {@link SessionConfig#flushAtOnce()} names the kinds that are saved at once. */
public enum ChangeKind {
    /** The player enters a location (a move): significant by default. */
    MOVE,
    /** The player's stats tick. */
    PLAYER,
    /** A location is added or edited. */
    LOCATION,
    /** A chat message: significant by default. */
    CHAT_MESSAGE,
    /** An event with its outcome: significant by default. */
    EVENT,
    /** The world's display name. */
    METADATA
}
