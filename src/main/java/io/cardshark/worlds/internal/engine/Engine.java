package io.cardshark.worlds.internal.engine;

import com.zaxxer.hikari.HikariConfig;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.sql.Connection;

/**
 * The database engine a store runs on, and the few things that differ between them: how jOOQ renders for it,
 * which isolation gives a read one moment, and who makes a commit durable. Everything else is the same code.
 */
public enum Engine {
    /** The embedded default: one H2 file in the data folder. */
    H2(SQLDialect.H2, false, Connection.TRANSACTION_SERIALIZABLE),
    /**
     * A PostgreSQL database. The generated classes name tables and columns in H2's upper case; PostgreSQL's
     * scripts made them unquoted, so in lower case, which is how they are rendered here.
     */
    POSTGRES(SQLDialect.POSTGRES, true, Connection.TRANSACTION_REPEATABLE_READ);

    private final int snapshotIsolation;
    private final DSLContext renderer;

    Engine(SQLDialect dialect, boolean lowerCaseNames, int snapshotIsolation) {
        this.snapshotIsolation = snapshotIsolation;
        this.renderer = renderer(dialect, lowerCaseNames);
    }

    /**
     * jOOQ's settings are named inside this method only, not imported: javadoc of the public packages resolves
     * the imports of what they reach, and jOOQ's {@code Settings} carries JAXB annotations whose classes are not on
     * the path (a warning, which fails the build).
     */
    private static DSLContext renderer(SQLDialect dialect, boolean lowerCaseNames) {
        var settings = new org.jooq.conf.Settings();
        if (lowerCaseNames) {
            settings.setRenderNameCase(org.jooq.conf.RenderNameCase.LOWER);
        }
        return DSL.using(dialect, settings);
    }

    /** The engine of a jOOQ context made by {@link #dsl}. */
    public static Engine of(DSLContext dsl) {
        return dsl.dialect().family() == SQLDialect.POSTGRES ? POSTGRES : H2;
    }

    /**
     * A jOOQ context on {@code connection}, rendering for this engine: one per transaction, with data of its own
     * (what {@code WorldKeys} has read in it), not shared with the renderer's or another transaction's.
     */
    public DSLContext dsl(Connection connection) {
        return DSL.using(connection, renderer.dialect(), renderer.settings());
    }

    /** A jOOQ context without a connection, for rendering SQL once. */
    public DSLContext renderer() {
        return renderer;
    }

    /**
     * The isolation in which every read of a transaction sees the store as of its first statement. H2's
     * REPEATABLE READ takes each table's snapshot when the transaction first reads it, so only its SERIALIZABLE
     * does; PostgreSQL's REPEATABLE READ does, without SERIALIZABLE's predicate locks.
     */
    int snapshotIsolation() {
        return snapshotIsolation;
    }

    /** Makes a pool's connections read in snapshot transactions: {@link #snapshotIsolation}, no auto-commit. */
    void readInSnapshots(HikariConfig pool) {
        pool.setAutoCommit(false);
        pool.setTransactionIsolation(snapshotIsolation == Connection.TRANSACTION_SERIALIZABLE
                ? "TRANSACTION_SERIALIZABLE" : "TRANSACTION_REPEATABLE_READ");
    }

    /**
     * Whether the store itself must force a commit to disk at {@code POWER_LOSS} (H2's CHECKPOINT SYNC);
     * PostgreSQL does it in the commit, with {@code synchronous_commit} on.
     */
    boolean syncsCommitsItself() {
        return this == H2;
    }

    /**
     * Whether writers that commit at the same moment share one transaction ({@link CommitQueue}). On H2 each
     * commit writes a chunk under the store's one lock, so sharing it is what lets writers scale. PostgreSQL
     * commits each transaction's WAL on its own connection, in parallel, and groups the flushes itself; sharing
     * would put every writer's statements, each a round trip, through one connection (8 writers made 3,578
     * messages/s that way, fewer than one writer alone).
     */
    boolean sharesCommits() {
        return this == H2;
    }

    /**
     * Whether a large write commits in steps ({@link StoreEngine.Tx#commitStep}). H2 rewrites every row a
     * transaction wrote at its commit, so a million rows cost twice as much in one transaction as in steps of
     * 2,000 (schema V11). PostgreSQL's commit rewrites nothing: one transaction costs no more there.
     */
    boolean commitsInSteps() {
        return this == H2;
    }

    /** The order of text in the search index's word columns, which the index's Java side must follow. */
    public io.cardshark.worlds.internal.search.WordOrder wordOrder() {
        return this == H2 ? io.cardshark.worlds.internal.search.WordOrder.UTF16
                : io.cardshark.worlds.internal.search.WordOrder.CODE_POINT;
    }
}
