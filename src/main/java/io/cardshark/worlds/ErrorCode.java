package io.cardshark.worlds;

/**
 * What kind of failure a {@link WorldStoreException} reports. The command line maps each code to an
 * exit status, so callers and scripts can react without parsing messages.
 */
public enum ErrorCode {
    /** A world, location, chat, event or file that was asked for does not exist. */
    NOT_FOUND,
    /** Something with the same key (or the same key ignoring case) already exists. */
    ALREADY_EXISTS,
    /** Another writer changed the data first; re-read and try again. */
    CONCURRENT_MODIFICATION,
    /** The caller passed a value the store refuses; nothing was changed. */
    INVALID_INPUT,
    /** Another process has the store open. */
    STORE_LOCKED,
    /** The store cannot be used: its schema is newer than this code, its files are damaged, or it is closed. */
    STORE_UNAVAILABLE,
    /** Reading or writing files outside the database failed. */
    IO_FAILURE
}
