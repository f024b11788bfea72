package io.cardshark.worlds;

/**
 * Looking inside a store while it is in use: by another process of the data folder's owner (the CLI's
 * {@code list}, {@code sql}, {@code export}, ... while an application holds the store), and through a web
 * console. Reach it through {@link WorldStore#inspection()}.
 *
 * <p>How another process gets in: the process that holds the store serves H2's TCP protocol on 127.0.0.1
 * only, on a port the system picks, for this one database only, and writes where it listens to
 * {@code worlds.inspect} in the data folder; the database users' passwords are in {@code worlds.credentials}.
 * Both files are readable by the data folder's owner alone, so a probe by another local user, or without
 * the files, gets nothing. What comes in is read-only unless it opens the store for writing; its writes go
 * through the same world locks as this process's own writers.
 */
public interface Inspection {

    /**
     * Whether this process serves the store to other processes now.
     *
     * @return {@code true} while serving; {@code false} also when serving was asked for but the system did
     *         not allow it (the reason is logged and written to {@code worlds.inspect})
     */
    boolean isServing();

    /**
     * Starts serving (a no-op when serving already). {@link StoreConfig#serveInspection()} starts it on open.
     * Where the system allows no local server, it does not serve and says why in the log and in
     * {@code worlds.inspect}; {@link #isServing()} tells.
     *
     * @throws IllegalStateException     when this store is itself reached through another process
     * @throws StoreUnavailableException when the store is closed, or the server fails to start
     */
    void start();

    /** Stops serving: connections of other processes end, and {@code worlds.inspect} says it does not serve. */
    void stop();

    /**
     * Starts a web console on this store, listening on 127.0.0.1 on a port the system picks, that serves this
     * session only: no login form, no other database; its address holds a random token, so only who was
     * given the address gets in. Read-only unless {@code writable}. Closing the console, or the store, stops it.
     *
     * @param writable whether the console may change rows (never the schema)
     * @return the running console; the caller closes it, or the store's close does
     * @throws StoreUnavailableException when the store is closed, when a writable console is asked of a store
     *                                   that refuses writes, or when no connection can be had for it
     */
    SqlConsole console(boolean writable);
}
