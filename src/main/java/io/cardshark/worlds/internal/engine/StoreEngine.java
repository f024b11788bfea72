package io.cardshark.worlds.internal.engine;

import io.cardshark.worlds.Durability;
import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.StoreUnavailableException;
import io.cardshark.worlds.WorldStoreException;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One open store: its connections, its transactions, its durability level and its failure latch.
 * Made by {@link StoreOpener}. Thread-safe.
 */
public final class StoreEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreEngine.class);
    /** How often a closing holder looks again whether the processes attached to it have ended their sessions. */
    private static final long OTHER_PROCESS_POLL_MILLIS = 25;

    private final StoreConfig config;
    private final Connections connections;
    private final String schemaVersion;
    private final GroupSync groupSync;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The transaction this thread is inside, so a call on the store from a transaction callback can be refused. */
    private final ThreadLocal<Tx> current = new ThreadLocal<>();
    private final Object servingLock = new Object();
    private InspectionServer inspection;
    private volatile WorldStoreException writeFailure;
    private final CommitQueue commits = new CommitQueue(this::commitTogether);
    private volatile Runnable afterWrites = () -> {
    };
    /** How many large writes ({@link Access#writeAlone}: a branch, a delete) are under way. */
    private final AtomicInteger largeWrites = new AtomicInteger();

    StoreEngine(StoreConfig config, Connections connections, String schemaVersion) {
        this.config = config;
        this.connections = connections;
        this.schemaVersion = schemaVersion;
        // H2 has written every commit to the file already (WRITE_DELAY=0); CHECKPOINT SYNC forces the file to
        // the disk, once for every group of commits that finished together. It needs admin rights.
        this.groupSync = new GroupSync(this::checkpointSync);
    }

    public StoreConfig config() {
        return config;
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    /** Whether this engine reaches a store another process holds, through its inspection server. */
    public boolean isAttached() {
        return connections.attached();
    }

    /** How many disk syncs the power-loss level has made. */
    public long syncCount() {
        return groupSync.syncCount();
    }

    /**
     * Sets what runs after every committed transaction that wrote, on the committing thread (the search
     * indexer's nudge): it must return at once and not throw.
     */
    public void afterEveryWrite(Runnable action) {
        this.afterWrites = action;
    }

    /** Work on one transaction's jOOQ context. */
    public <T> T transaction(String worldId, Function<Tx, T> work) {
        return transaction(worldId, false, work);
    }

    /**
     * Like {@link #transaction}, but every read sees the store as of the transaction's first statement, whatever
     * commits meanwhile ({@link Connections#reader}): a read of a location with its exits, an export, a snapshot
     * or verify's check of the search index sees one moment, never part of a write. For reading only.
     */
    public <T> T snapshot(String worldId, Function<Tx, T> work) {
        return transaction(worldId, true, work);
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. Failures
     * come out as the store's own exceptions. At {@link Durability#POWER_LOSS} a transaction that wrote
     * returns only after its commit is on disk; then its {@link Tx#afterCommit} actions run.
     */
    private <T> T transaction(String worldId, boolean snapshot, Function<Tx, T> work) {
        ensureOpen();
        refuseInsideTransaction();
        Tx tx;
        T result;
        try (Connection c = snapshot ? connections.reader() : connections.member()) {
            if (!snapshot) {
                c.setAutoCommit(false);
            }
            tx = new Tx(connections.engine().dsl(c), !snapshot);
            current.set(tx);
            try {
                result = work.apply(tx);
                c.commit();
            } catch (RuntimeException | Error | SQLException e) {
                endFailedTransaction(c, e);
                tx.runAfterRollback();
                throw e;
            } finally {
                tx.end();
                current.remove();
            }
            // Only after a commit: after a failure the connection may be unusable, and its own error must not
            // hide the one that matters (the pool discards a broken connection). A reader stays as its pool made it.
            if (!snapshot) {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(worldId, new org.jooq.exception.DataAccessException(e.getMessage(), e));
        } catch (RuntimeException e) {
            throw failed(worldId, e);
        }
        if (tx.wrote() && syncsAfterCommit()) {
            awaitDurable(worldId);
        }
        if (tx.wrote()) {
            afterWrites.run();
        }
        tx.runAfterCommit();
        return result;
    }

    /** Runs reading work on a connection in auto-commit: each statement sees the latest commit ({@link Access#readLatest}). */
    private <T> T latest(String worldId, Function<DSLContext, T> work) {
        ensureOpen();
        refuseInsideTransaction();
        try (Connection c = connections.member()) {
            return work.apply(connections.engine().dsl(c));
        } catch (SQLException e) {
            throw failed(worldId, new org.jooq.exception.DataAccessException(e.getMessage(), e));
        } catch (RuntimeException e) {
            throw failed(worldId, e);
        }
    }

    /** At {@link Durability#POWER_LOSS} on H2 a commit is forced to disk by the store; PostgreSQL's commit does it. */
    private boolean syncsAfterCommit() {
        return config.durability() == Durability.POWER_LOSS && connections.engine().syncsCommitsItself();
    }

    /** The database engine the store runs on. */
    public Engine databaseEngine() {
        return connections.engine();
    }

    /**
     * Ends the failed transaction on {@code c}: rolls it back, except on H2 after its file may have failed, when
     * the connection may not be sent another statement ({@link H2Sessions}) and its session is closed instead (and
     * when the rollback itself fails, since it may have been the statement that broke H2's count). Returns whether
     * the connection is still usable.
     */
    private boolean endFailedTransaction(Connection c, Throwable cause) {
        boolean h2 = connections.engine() == Engine.H2;
        if (!h2 || !fileMayHaveFailed(c, cause)) {
            try {
                c.rollback();
                return true;
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
        if (h2) {
            H2Sessions.close(c, cause);
        }
        return false;
    }

    /**
     * Whether the H2 store behind {@code c} may have met a storage failure: this failure says so, an earlier one
     * latched the store, or H2 holds one that no caller has reported yet (another thread's, a moment ago).
     */
    private boolean fileMayHaveFailed(Connection c, Throwable failure) {
        return writeFailure != null || storageFailureIn(failure) != null || H2Sessions.storeFailed(c);
    }

    private RuntimeException failed(String worldId, RuntimeException e) {
        RuntimeException translated = Failures.translate(worldId, e);
        if (translated instanceof WorldStoreException w) {
            latchIfStorageFailed(w);
        }
        return translated;
    }

    private void awaitDurable(String worldId) {
        try {
            groupSync.awaitDurable();
        } catch (RuntimeException e) {
            WorldStoreException failure = new StoreUnavailableException(worldId,
                    (worldId == null ? "" : "world " + worldId + ": ") + "disk sync after commit failed"
                            + Failures.osReason(e) + "; the store refuses writes until reopened", e);
            writeFailure = failure;
            throw failure;
        }
    }

    /**
     * After a failed write or sync the store's file may not hold what H2 believes it holds, so, as
     * PostgreSQL does after a failed fsync, the store refuses further writes until it is reopened.
     */
    private void latchIfStorageFailed(WorldStoreException e) {
        SQLException sql = storageFailureIn(e);
        if (sql != null) {
            writeFailure = new StoreUnavailableException(e.worldId(),
                    "a write to the store failed" + Failures.osReason(e) + " ("
                            + Failures.withoutStatement(Failures.firstLine(sql.getMessage()))
                            + "); the store refuses writes until reopened", e);
            log.error("store at {} refuses writes after a storage failure", config.location(), e);
        }
    }

    /** The SQL failure in {@code failure}'s causes when it is a failure of the store's file, else null. */
    private SQLException storageFailureIn(Throwable failure) {
        SQLException sql = Failures.sqlCause(failure);
        return sql != null && isStorageFailure(sql.getErrorCode()) ? sql : null;
    }

    /**
     * A database that H2 closed while this store is open has met a failure of its file (H2 closes it then); the
     * connection that first hears of it may see only that it was closed, not the I/O error behind it.
     */
    private boolean isStorageFailure(int code) {
        return code == org.h2.api.ErrorCode.IO_EXCEPTION_1
                || code == org.h2.api.ErrorCode.IO_EXCEPTION_2
                || code == org.h2.api.ErrorCode.FILE_CORRUPTED_1
                || code == org.h2.api.ErrorCode.GENERAL_ERROR_1
                || (code == org.h2.api.ErrorCode.DATABASE_IS_CLOSED && !closed.get());
    }

    /** Fails when the store is closed, opened read-only, or has refused writes since a storage failure. */
    void ensureWritable() {
        ensureOpen();
        if (config.readOnly()) {
            throw new StoreUnavailableException(null, "store at " + config.location() + " was opened read-only");
        }
        WorldStoreException failure = writeFailure;
        if (failure != null) {
            throw new StoreUnavailableException(null, failure.getMessage(), failure);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new StoreUnavailableException(null, "store at " + config.location() + " is closed");
        }
    }

    /**
     * An {@link Access} that gives each call a transaction of its own. A call from inside a transaction
     * callback on this thread is refused: its own transaction would wait for the world lock that the
     * callback's transaction holds, and time out.
     */
    public Access ownTransactions() {
        return new Access() {
            @Override
            public <T> T read(String worldId, Function<DSLContext, T> work) {
                return snapshot(worldId, tx -> work.apply(tx.dsl()));
            }

            @Override
            public <T> T readSnapshot(String worldId, Function<DSLContext, T> work) {
                return snapshot(worldId, tx -> work.apply(tx.dsl()));
            }

            @Override
            public <T> T readLatest(String worldId, Function<DSLContext, T> work) {
                return latest(worldId, work);
            }

            @Override
            public <T> T write(String worldId, Function<DSLContext, T> work) {
                ensureWritable();
                refuseInsideTransaction();
                if (!connections.engine().sharesCommits()) {
                    return writeInOwnTransaction(worldId, work);
                }
                return commits.submit(worldId, work, () -> writeInOwnTransaction(worldId, work));
            }

            @Override
            public <T> T writeAlone(String worldId, Function<DSLContext, T> work) {
                ensureWritable();
                largeWrites.incrementAndGet();
                try {
                    return writeInOwnTransaction(worldId, work);
                } finally {
                    largeWrites.decrementAndGet();
                }
            }
        };
    }

    private <T> T writeInOwnTransaction(String worldId, Function<DSLContext, T> work) {
        return transaction(worldId, tx -> {
            tx.markWrite();
            return work.apply(tx.dsl());
        });
    }

    /**
     * Whether a large write ({@link Access#writeAlone} of {@link #ownTransactions}: a branch copying a world, a
     * delete) is under way: the search indexer starts no step meanwhile, so that the two do not share the CPU
     * (a branch of a million messages right after their import took 0.70 of the import's time beside the
     * indexer's catch-up, 0.41 without it). Its transaction is unaffected: the indexer only waits.
     */
    public boolean largeWriteUnderWay() {
        return largeWrites.get() > 0;
    }

    /**
     * The calls of one shared commit ({@link CommitQueue}): each in a savepoint of its own, with no waiting
     * for a world another transaction holds (such a call is sent back to run alone), then one commit and, at
     * {@link Durability#POWER_LOSS}, one sync. Each call is settled before this returns.
     */
    private void commitTogether(List<CommitQueue.Call<?>> calls) {
        List<Ran> ran = new ArrayList<>();
        boolean committed = false;
        RuntimeException failure = null;
        try {
            failure = runAndCommit(calls, ran);
            if (failure == null && !ran.isEmpty() && syncsAfterCommit()) {
                awaitDurable(ran.get(0).call().worldId());
            }
            committed = failure == null;
            if (committed) {
                afterWrites.run();
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            // Whatever happened, no caller may leave without an answer (an Error included).
            settle(calls, ran, committed, failure != null ? failure
                    : new StoreUnavailableException(null, "store at " + config.location() + ": a shared commit ended early"));
        }
    }

    /** Runs each call in its savepoint and commits; returns why the whole transaction failed, or null. */
    private RuntimeException runAndCommit(List<CommitQueue.Call<?>> calls, List<Ran> ran) {
        Connection c;
        try {
            c = connections.noWait();
        } catch (SQLException e) {
            return new org.jooq.exception.DataAccessException(e.getMessage(), e);
        }
        RuntimeException failure = runAndCommit(c, calls, ran);
        try {
            c.close();
        } catch (SQLException e) {
            // Neither in place of the failure (the pool's own rollback of a connection ended without a statement
            // fails, as it should) nor in place of a commit that was made.
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                log.warn("store at {}: a connection could not be closed after a shared commit: {}", config.location(),
                        e.getMessage());
            }
        }
        return failure;
    }

    private RuntimeException runAndCommit(Connection c, List<CommitQueue.Call<?>> calls, List<Ran> ran) {
        boolean usable = true;
        try {
            c.setAutoCommit(false);
            for (CommitQueue.Call<?> call : calls) {
                // A context per call: what one call read of the store (WorldKeys) dies with its savepoint.
                runInSavepoint(c, connections.engine().dsl(c), call, calls.size() > 1, ran);
                if (writeFailure != null) {
                    throw writeFailure;
                }
            }
            c.commit();
            return null;
        } catch (SQLException | RuntimeException e) {
            usable = endFailedTransaction(c, e);
            return e instanceof RuntimeException r ? r : new org.jooq.exception.DataAccessException(e.getMessage(), e);
        } finally {
            if (usable) {
                restore(c);
            }
        }
    }

    /**
     * Gives the connection back to the pool as it was lent. A failure here must not turn a commit that was made
     * into one reported as failed: the connection is broken then, and the pool's check on lending drops it.
     */
    private void restore(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            log.warn("store at {}: a connection could not be reset after a shared commit: {}", config.location(),
                    e.getMessage());
        }
    }

    /** A call that ran to its end inside the shared transaction, with its result and its own after-actions. */
    private record Ran(CommitQueue.Call<?> call, Tx tx, Object result) {
    }

    private void runInSavepoint(Connection c, DSLContext dsl, CommitQueue.Call<?> call, boolean shared, List<Ran> ran)
            throws SQLException {
        Tx tx = new Tx(dsl, false);
        tx.markWrite();
        current.set(tx);
        // A call alone needs no savepoint: its failure rolls back all there is.
        java.sql.Savepoint savepoint = shared ? c.setSavepoint() : null;
        try {
            ran.add(new Ran(call, tx, call.run(dsl)));
        } catch (RuntimeException e) {
            RuntimeException translated = Failures.translate(call.worldId(), e);
            if (Failures.isHeldLock(translated)) {
                call.runAlone();
            } else {
                call.failed(translated instanceof WorldStoreException w ? failed(call.worldId(), w) : translated);
            }
            tx.runAfterRollback();
            if (writeFailure != null) {
                // Latched by call.failed: the whole transaction ends in runAndCommit, without a statement.
                return;
            }
            // Undoes this call's statements only; when that fails, the whole transaction goes.
            if (savepoint != null) {
                c.rollback(savepoint);
            } else {
                endFailedTransaction(c, translated); // a connection it ends fails the commit that follows, statement-free
            }
        } finally {
            tx.end();
            current.remove();
        }
    }

    /**
     * Every call hears the commit's outcome; after-actions run as for a transaction of its own. The calls that
     * ran hear {@code failure} when the shared transaction did not commit; so does any call it never reached.
     */
    private void settle(List<CommitQueue.Call<?>> calls, List<Ran> ran, boolean committed, RuntimeException failure) {
        for (Ran r : ran) {
            if (committed) {
                r.call().succeeded(r.result());
                r.tx().runAfterCommit();
            } else {
                r.call().failed(failed(r.call().worldId(), failure));
                r.tx().runAfterRollback();
            }
        }
        for (CommitQueue.Call<?> call : calls) {
            if (!call.settled()) {
                call.failed(failed(call.worldId(), failure));
            }
        }
    }

    private void refuseInsideTransaction() {
        if (current.get() != null) {
            throw new IllegalStateException("a call on the store from inside one of its transactions: use the "
                    + "transaction's handle (tx.worlds(), tx.chats(), ...) so that the call joins the transaction");
        }
    }

    /**
     * Runs {@code action} after the transaction this thread is inside has committed (see {@link Tx#afterCommit}).
     *
     * @throws IllegalStateException outside a transaction
     */
    public void afterCommit(Runnable action) {
        currentTx().afterCommit(action);
    }

    /** Runs {@code action} if the transaction this thread is inside rolls back. */
    public void afterRollback(Runnable action) {
        currentTx().afterRollback(action);
    }

    private Tx currentTx() {
        Tx tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("not inside a transaction of this store");
        }
        return tx;
    }

    /** Work on one JDBC connection of the store's own, outside any transaction. */
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    /**
     * Runs {@code work} on a connection of the admin user, for H2's own tools ({@code BACKUP TO},
     * {@code SCRIPT}) that run outside the store's transactions and need admin rights.
     */
    public <T> T withAdminConnection(ConnectionWork<T> work) throws IOException {
        ensureOpen();
        try (Connection c = connections.admin()) {
            return work.run(c);
        } catch (SQLException e) {
            WorldStoreException failure = Failures.during(null, new org.jooq.exception.DataAccessException(e.getMessage(), e));
            latchIfStorageFailed(failure); // a CHECKPOINT that failed to write leaves H2's store open with the failure pending
            throw failure;
        }
    }

    /**
     * What the store's database holds that its migrations did not make (aliases, triggers, functions, other
     * tables, ...), described one per entry: H2's catalogue, or the store's PostgreSQL schema.
     */
    public java.util.List<String> foreignObjects() throws IOException {
        return withAdminConnection(c -> connections.engine() == Engine.H2 ? SchemaGuard.checkOpen(c)
                : PostgresGuard.foreignObjects(c));
    }

    /** A JDBC connection for a person inspecting the store: the inspector's, or the writer's when {@code writable}. */
    public Connection inspectionConnection(boolean writable) throws SQLException {
        ensureOpen();
        if (writable) {
            ensureWritable();
        }
        return connections.person(writable);
    }

    /** Starts serving live inspection to other processes of the data folder's owner; a no-op when it does. */
    public void startServing() {
        ensureOpen();
        ensureHeldH2();
        synchronized (servingLock) {
            if (inspection != null) {
                return;
            }
            String problem = InspectionServer.bindProblem();
            if (problem != null) {
                log.warn("store at {}: live inspection not served: {}", config.dataDir(), problem);
                publishNotServing(problem);
                return;
            }
            try {
                inspection = InspectionServer.start(config.dataDir(), config.applicationName());
            } catch (SQLException | IOException e) {
                throw new StoreUnavailableException(null, "store at " + config.location()
                        + ": live inspection could not start: " + Failures.firstLine(String.valueOf(e.getMessage())), e);
            }
        }
    }

    /**
     * Says in {@code worlds.inspect} that this process does not serve live inspection, and why, so that another
     * process that waits for this one's open to finish refuses at once with that reason.
     */
    public void publishNotServing(String reason) {
        ensureHeldH2();
        try {
            InspectionAddress.notServing(config.applicationName(), reason).write(config.dataDir());
        } catch (IOException e) {
            throw new StoreUnavailableException(null, "store at " + config.location() + ": " + StoreFiles.INSPECTION
                    + " could not be written: " + Failures.firstLine(String.valueOf(e.getMessage())), e);
        }
    }

    private void ensureHeldH2() {
        if (connections.attached()) {
            throw new IllegalStateException("this store is reached through another process, which serves it");
        }
        if (connections.engine() != Engine.H2) {
            throw new IllegalStateException("a store in PostgreSQL is served by its server: other processes connect "
                    + "to it directly");
        }
    }

    /** Stops serving live inspection; connections of other processes end. */
    public void stopServing() {
        synchronized (servingLock) {
            if (inspection != null) {
                stopServer();
                publishNotServing("its application stopped serving live inspection");
            }
        }
    }

    private void stopServer() {
        inspection.close();
        inspection = null;
    }

    public boolean isServing() {
        synchronized (servingLock) {
            return inspection != null;
        }
    }

    /**
     * Removes {@code worlds.inspect} and stops serving, while this process still holds the store's lock. The
     * address goes first, so that a process arriving now waits for the lock instead of attaching; one attached
     * already gets up to the lock timeout to finish (a command line's {@code create} beside another's must not
     * cut it off mid-command), then its connections end.
     */
    private void withdrawAddress() {
        if (connections.attached() || connections.engine() != Engine.H2) {
            return;
        }
        try {
            InspectionAddress.remove(config.dataDir());
        } catch (IOException e) {
            log.warn("store at {}: {} could not be removed: {}", config.dataDir(), StoreFiles.INSPECTION, e.getMessage());
        }
        synchronized (servingLock) {
            if (inspection != null) {
                awaitOtherProcesses();
                stopServer();
            }
        }
    }

    private void awaitOtherProcesses() {
        long deadline = System.nanoTime() + config.lockTimeout().toNanos();
        try (Connection c = connections.admin(); Statement st = c.createStatement()) {
            int open = otherProcessSessions(st);
            if (open > 0) {
                log.info("store at {}: closing; waiting up to {} ms for {} connections of other processes to end",
                        config.dataDir(), config.lockTimeout().toMillis(), open);
            }
            while (open > 0 && System.nanoTime() - deadline < 0) {
                Thread.sleep(OTHER_PROCESS_POLL_MILLIS);
                open = otherProcessSessions(st);
            }
            if (open > 0) {
                log.warn("store at {}: closing with {} connections of other processes still open; they end now",
                        config.dataDir(), open);
            }
        } catch (SQLException e) {
            // A database that failed cannot serve them either: stop serving.
            log.debug("store at {}: could not count other processes' connections: {}", config.dataDir(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sessions that came through the inspection server: H2 names the server of those only. */
    private static int otherProcessSessions(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SERVER IS NOT NULL")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void checkpointSync() {
        try (Connection c = connections.admin(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("CHECKPOINT SYNC failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                withdrawAddress();
                syncBeforeClosing();
            } finally {
                connections.close();
            }
            log.info("closed store at {}", config.location());
        }
    }

    /**
     * Forces everything written so far to the disk, and writes what is changed but not yet in a chunk (a step of
     * the search indexer rolled back as the store closes), before H2 closes the file. H2's close writes its last
     * chunks and then the header that marks the file closed cleanly, with no sync between them. In the power-cut
     * harness (seed 3175900668, cut 1461, a close) the close wrote two chunks and the header; the disk kept the
     * header and the second chunk but not the first, and the file did not open ("File corrupted in chunk 302,
     * expected page length 4..8192, got 0"): under a clean header H2 took the newest chunk without finding that
     * one it builds on was missing. After this sync the close has only its own changes to write, one chunk in
     * every close traced; a close that writes only one chunk and the header opens whichever of the two is lost.
     */
    private void syncBeforeClosing() {
        if (config.readOnly() || isAttached() || writeFailure != null || !connections.engine().syncsCommitsItself()) {
            return;
        }
        try {
            checkpointSync();
        } catch (RuntimeException e) {
            log.warn("store at {}: the sync before closing failed: {}", config.dataDir(), e.getMessage());
        }
    }

    /** One transaction in progress: its jOOQ context, whether it wrote, what runs once it has ended. */
    public final class Tx implements Access {
        private final DSLContext dsl;
        /** Whether the transaction has its connection to itself, so that it may commit in steps. */
        private final boolean alone;
        private final Thread owner = Thread.currentThread();
        private final List<Runnable> afterCommit = new ArrayList<>();
        private final List<Runnable> afterRollback = new ArrayList<>();
        private boolean wrote;
        private boolean ended;

        Tx(DSLContext dsl, boolean alone) {
            this.dsl = dsl;
            this.alone = alone;
        }

        public DSLContext dsl() {
            return dsl;
        }

        void markWrite() {
            wrote = true;
        }

        /**
         * Commits what the transaction has written so far, on an engine where a large transaction costs more
         * than its steps (H2, {@link Engine#commitsInSteps}); elsewhere does nothing. For a writer that keeps its
         * rows out of sight until its last step (an import, under a world key with no world row yet): a failure
         * rolls back only the step under way, so the writer must then remove what its earlier steps committed.
         * Only the transaction's end is durable at {@link Durability#POWER_LOSS}; a step is not forced to disk.
         *
         * @return whether a step was committed
         */
        public boolean commitStep() {
            ensureUsable();
            ensureWritable();
            if (!alone) {
                throw new IllegalStateException("a transaction that shares its commit cannot commit in steps");
            }
            if (!connections.engine().commitsInSteps()) {
                return false;
            }
            dsl.connection(Connection::commit);
            return true;
        }

        boolean wrote() {
            return wrote;
        }

        void end() {
            ended = true;
        }

        /**
         * Runs {@code action} once the transaction has committed (and, at the power-loss level, reached the
         * disk); never when it rolls back. An action's failure is logged: the commit stands.
         */
        public void afterCommit(Runnable action) {
            afterCommit.add(action);
        }

        /** Runs {@code action} once the transaction has rolled back; never when it commits. */
        public void afterRollback(Runnable action) {
            afterRollback.add(action);
        }

        void runAfterRollback() {
            run(afterRollback);
        }

        void runAfterCommit() {
            run(afterCommit);
        }

        private void run(List<Runnable> actions) {
            for (Runnable action : actions) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    log.warn("store at {}: an action after a transaction failed: {}", config.location(), e.getMessage(), e);
                }
            }
        }

        private void ensureUsable() {
            if (ended) {
                throw new IllegalStateException("the transaction has ended; use the store, or a new transaction");
            }
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a transaction belongs to the thread that started it");
            }
        }

        @Override
        public <T> T read(String worldId, Function<DSLContext, T> work) {
            ensureUsable();
            try {
                return work.apply(dsl);
            } catch (RuntimeException e) {
                throw Failures.translate(worldId, e);
            }
        }

        @Override
        public <T> T write(String worldId, Function<DSLContext, T> work) {
            ensureUsable();
            ensureWritable();
            wrote = true;
            try {
                return work.apply(dsl);
            } catch (RuntimeException e) {
                throw Failures.translate(worldId, e);
            }
        }
    }
}
