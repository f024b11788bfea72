/**
 * Sessions with autosave: a game's view of a world while it is played, which collects changes in memory and
 * saves them together, so that a world can change many times a second without a commit each time.
 *
 * <p>The front door is {@link io.cardshark.worlds.session.WorldSessions}, reached through
 * {@link io.cardshark.worlds.WorldStore#sessions()}: it opens one
 * {@link io.cardshark.worlds.session.WorldSession} per world and remembers the active world across restarts.
 * How sessions save is a {@link io.cardshark.worlds.session.SessionConfig}, given to the store with
 * {@link io.cardshark.worlds.WorldStoreBuilder#sessions}: the autosave interval, the
 * {@link io.cardshark.worlds.session.ChangeKind}s saved at once, and the
 * {@link io.cardshark.worlds.session.SessionTimer} autosave runs on.
 *
 * <pre>{@code
 * WorldSession session = store.sessions().activate("Emberfall_Keep");
 * session.updatePlayer(new PlayerState(90, 100, 1, 0));   // buffered
 * session.move(Coordinates.of(0, 1, 0));                  // significant: saved, with what waited, before it returns
 * session.close();                                        // saves what is left
 * }</pre>
 *
 * <p>Every save takes all sessions with waiting changes into one transaction (group commit), and a burst of
 * moves is saved as one batch of visits. Sessions and direct API writes lock the same world, so none is lost.
 * A {@code kill -9} can lose at most the non-significant changes made since the last save; never anything
 * saved, nor a significant change whose call returned.
 *
 * <p>{@code WorldSessions} and {@code WorldSession} are thread-safe: one session per world is shared by every
 * thread that opens the world. The store owns its {@code WorldSessions} and, through it, every session: a
 * session may be closed by its user, and the store's close (or the JVM's shutdown) saves and closes those
 * left open. {@link io.cardshark.worlds.session.SessionTimers#system()} runs on one daemon thread shared by
 * the JVM and needs no closing.
 */
package io.cardshark.worlds.session;
