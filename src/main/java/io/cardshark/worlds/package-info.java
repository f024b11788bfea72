/**
 * An embedded, transactional store for CardShark worlds: every world, with its locations, player, chats,
 * events and files, in real tables of one H2 database file, changed in transactions and queried without
 * reading a world whole.
 *
 * <h2>The front door</h2>
 * {@link io.cardshark.worlds.WorldStore} is the store; open it with
 * {@link io.cardshark.worlds.WorldStore#configure()} or {@link io.cardshark.worlds.WorldStore#open}, from a
 * {@link io.cardshark.worlds.StoreConfig}, which is immutable and validated when built, so a wrong setting
 * fails before any file is touched.
 *
 * <pre>{@code
 * try (WorldStore store = WorldStore.configure().dataDir(Path.of("data")).open()) {
 *     World w = store.worlds().create("Tiny World");
 *     store.useTransaction(tx -> tx.players().move(w.id(), Coordinates.of(0, 1, 0)));
 * }
 * }</pre>
 *
 * <p>What can be read and changed is grouped by capability ({@link io.cardshark.worlds.WorldOperations}):
 * {@link io.cardshark.worlds.Worlds}, {@link io.cardshark.worlds.Locations},
 * {@link io.cardshark.worlds.Players}, {@link io.cardshark.worlds.Chats}, {@link io.cardshark.worlds.Events},
 * {@link io.cardshark.worlds.WorldFiles} and {@link io.cardshark.worlds.StoreSettings}. On the store each
 * call runs in a transaction of its own; on the {@link io.cardshark.worlds.WorldTransaction} that
 * {@link io.cardshark.worlds.WorldStore#inTransaction} hands its callback, every call joins one transaction,
 * all or nothing. Values going in and out are immutable records ({@link io.cardshark.worlds.World},
 * {@link io.cardshark.worlds.Location}, {@link io.cardshark.worlds.Chat}, ...), changed by copying with their
 * {@code with...} methods. Looking inside a store in use, from another process or through a web console,
 * goes through {@link io.cardshark.worlds.Inspection}; {@link io.cardshark.worlds.WorldStore#sqlConnection}
 * gives a JDBC connection for SQL of one's own.
 *
 * <h2>Failures</h2>
 * Every failure is an unchecked {@link io.cardshark.worlds.WorldStoreException} with an
 * {@link io.cardshark.worlds.ErrorCode}, or one of its subclasses:
 * {@link io.cardshark.worlds.NotFoundException}, {@link io.cardshark.worlds.AlreadyExistsException},
 * {@link io.cardshark.worlds.InvalidInputException}, {@link io.cardshark.worlds.ConcurrentUpdateException},
 * {@link io.cardshark.worlds.StoreLockedException} and {@link io.cardshark.worlds.StoreUnavailableException}.
 * A refused call changes nothing. Each method names the failures particular to it; these apply to every
 * call and are not repeated there:
 * <ul>
 * <li>{@link io.cardshark.worlds.InvalidInputException} for a missing argument, a text over its length, or a
 *     world id that is not a path-safe name ({@link io.cardshark.worlds.WorldIds#requireValidId});</li>
 * <li>{@link io.cardshark.worlds.StoreUnavailableException} when the store is closed, and for a write when
 *     it was opened read-only or refuses writes after a failed write to its file;</li>
 * <li>{@link io.cardshark.worlds.ConcurrentUpdateException} when another writer of the same world holds it
 *     longer than {@link io.cardshark.worlds.StoreConfig#lockTimeout()}.</li>
 * </ul>
 *
 * <h2>Threads, and who closes what</h2>
 * A {@code WorldStore} is thread-safe: share one instance. So are the capability objects it hands out, and
 * the records are immutable. A {@code WorldTransaction} belongs to its callback's thread and ends with the
 * callback. Writers of one world are serialised by a lock on the world, so no update is lost; writers of
 * different worlds do not wait for each other. One process at a time holds a store.
 *
 * <p>Whoever opens a store closes it, best with try-with-resources; its close saves and closes its sessions,
 * stops its consoles and inspection, closes the database and releases the store's lock. A shutdown hook
 * closes a store the JVM leaves open. A JDBC connection from
 * {@link io.cardshark.worlds.WorldStore#sqlConnection} is the caller's to close; an
 * {@link io.cardshark.worlds.SqlConsole} is the caller's too, and the store's close stops it as well.
 *
 * <p>Backups, snapshots and verification are in {@link io.cardshark.worlds.backup}, world folders in
 * {@link io.cardshark.worlds.folder}, sessions with autosave in {@link io.cardshark.worlds.session}.
 * Everything under {@code io.cardshark.worlds.internal} is not API and never appears in a public signature.
 */
package io.cardshark.worlds;
