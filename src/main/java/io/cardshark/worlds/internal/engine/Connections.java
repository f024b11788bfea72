package io.cardshark.worlds.internal.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The connections of one open store, by database user: a pool of the writer's (or, read-only, the
 * inspector's) for every call of the API that writes, a pool of the same user's for reads (each a transaction
 * that sees one moment of the store: see {@link #reader()}), a small pool of the admin's for syncs and backups,
 * and single connections for people inspecting the store. Closing it releases the store: pools, then the lock.
 */
final class Connections implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Connections.class);

    private final HikariDataSource members;
    private final HikariDataSource readers;
    /** The writer's connection for shared commits, which never waits for a held row: see {@link #noWait()}. */
    private final HikariDataSource noWait;
    private final HikariDataSource admin;
    private final Engine engine;
    private final boolean attached;
    private final PersonConnector persons;
    private final StoreLock lock;

    private Connections(HikariDataSource members, HikariDataSource readers, HikariDataSource noWait,
                        HikariDataSource admin, Engine engine, boolean attached, PersonConnector persons,
                        StoreLock lock) {
        this.members = members;
        this.readers = readers;
        this.noWait = noWait;
        this.admin = admin;
        this.engine = engine;
        this.attached = attached;
        this.persons = persons;
        this.lock = lock;
    }

    /** Opens a connection of its own for a person inspecting the store. */
    interface PersonConnector {
        Connection open(boolean writable) throws SQLException;
    }

    private static PersonConnector h2Persons(String url, Credentials credentials) {
        return writable -> writable ? DriverManager.getConnection(url, Credentials.WRITER, credentials.writer())
                : DriverManager.getConnection(url, Credentials.INSPECTOR, credentials.inspector());
    }

    /**
     * The connections of a store this process holds ({@code lock}): the admin pool is already open (it opened
     * the database); the members' pool joins it.
     */
    static Connections local(HikariDataSource admin, String memberUrl, String noWaitUrl, Credentials credentials,
                             boolean readOnly, int poolSize, StoreLock lock) {
        HikariDataSource members = pool("cardshark-worlds", memberUrl, readOnly ? Credentials.INSPECTOR : Credentials.WRITER,
                readOnly ? credentials.inspector() : credentials.writer(), poolSize, 1);
        return new Connections(members, readerPool(memberUrl, credentials, readOnly, poolSize),
                noWaitPool(noWaitUrl, credentials), admin, Engine.H2, false, h2Persons(memberUrl, credentials), lock);
    }

    /** The connections of a store another process holds, through its inspection server; nothing is opened yet. */
    static Connections remote(String remoteUrl, String noWaitUrl, Credentials credentials, boolean readOnly,
                              int poolSize) {
        HikariDataSource members = pool("cardshark-worlds", remoteUrl, readOnly ? Credentials.INSPECTOR : Credentials.WRITER,
                readOnly ? credentials.inspector() : credentials.writer(), poolSize, 0);
        HikariDataSource admin = pool("cardshark-worlds-admin", remoteUrl, Credentials.ADMIN, credentials.admin(), 2, 0);
        return new Connections(members, readerPool(remoteUrl, credentials, readOnly, poolSize),
                noWaitPool(noWaitUrl, credentials), admin, Engine.H2, true, h2Persons(remoteUrl, credentials), null);
    }

    /** The H2 readers' pool: the members' user, each connection in a snapshot transaction ({@link #reader()}). */
    private static HikariDataSource readerPool(String url, Credentials credentials, boolean readOnly, int poolSize) {
        HikariConfig h = config("cardshark-worlds-readers", url, readOnly ? Credentials.INSPECTOR : Credentials.WRITER,
                readOnly ? credentials.inspector() : credentials.writer(), poolSize, 0);
        Engine.H2.readInSnapshots(h);
        return new HikariDataSource(h);
    }

    /**
     * One writer's connection whose session never waits for a row another transaction holds (its URL says
     * {@code LOCK_TIMEOUT=0}): only the leader of a shared commit uses it, one at a time. Opened when first
     * needed, so a read-only store never opens it. A session setting changed per commit would cost a commit of
     * its own, as H2 commits before such a statement.
     */
    private static HikariDataSource noWaitPool(String url, Credentials credentials) {
        return pool("cardshark-worlds-shared", url, Credentials.WRITER, credentials.writer(), 1, 0);
    }

    /** The admin pool of a local store, which opens the database and keeps it open while the store is. */
    static HikariDataSource adminPool(String adminUrl, Credentials credentials) {
        return pool("cardshark-worlds-admin", adminUrl, Credentials.ADMIN, credentials.admin(), 2, 1);
    }

    /**
     * The connections of a store in a PostgreSQL database: the pools are made by {@link PostgresOpener}, which
     * gives each its session settings; a person's connection is one more of the members' kind.
     */
    static Connections postgres(HikariDataSource members, HikariDataSource readers, HikariDataSource noWait,
                                HikariDataSource admin, PersonConnector persons) {
        return new Connections(members, readers, noWait, admin, Engine.POSTGRES, false, persons, null);
    }

    private static HikariDataSource pool(String name, String url, String user, String password, int size, int minIdle) {
        return new HikariDataSource(config(name, url, user, password, size, minIdle));
    }

    private static HikariConfig config(String name, String url, String user, String password, int size, int minIdle) {
        HikariConfig h = new HikariConfig();
        h.setPoolName(name);
        h.setJdbcUrl(url);
        h.setUsername(user);
        h.setPassword(password);
        h.setMaximumPoolSize(size);
        h.setMinimumIdle(minIdle);
        // A local pool must open the database now, so a failure surfaces from open(); a remote one connects lazily.
        h.setInitializationFailTimeout(minIdle > 0 ? 1 : -1);
        h.setAutoCommit(true);
        h.setExceptionOverride(H2Sessions.EVICT_CLOSED);
        return h;
    }

    boolean attached() {
        return attached;
    }

    Engine engine() {
        return engine;
    }

    Connection member() throws SQLException {
        return members.getConnection();
    }

    /**
     * A connection for reading, in a transaction that sees the store as of its first statement however many
     * statements follow ({@link Engine#snapshotIsolation}), so that a read of several tables never mixes two writes;
     * the caller ends it. The pool keeps the isolation, so a read does not set it and set it back.
     */
    Connection reader() throws SQLException {
        return readers.getConnection();
    }

    Connection noWait() throws SQLException {
        return noWait.getConnection();
    }

    Connection admin() throws SQLException {
        return admin.getConnection();
    }

    /** A connection of its own for a person: the inspector's, or the writer's when {@code writable}. */
    Connection person(boolean writable) throws SQLException {
        return persons.open(writable);
    }

    @Override
    public void close() {
        try {
            noWait.close();
            readers.close();
            members.close();
        } finally {
            try {
                admin.close();
            } finally {
                if (lock != null) {
                    try {
                        lock.close();
                    } catch (IOException e) {
                        log.warn("the store's lock could not be released: {}", e.getMessage());
                    }
                }
            }
        }
    }
}
