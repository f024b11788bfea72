package io.cardshark.worlds.internal.engine;

import org.jooq.DSLContext;

import java.util.function.Function;

/**
 * How an operation reaches the database: in a transaction of its own (calls on the store) or inside the
 * caller's transaction (calls on a {@code WorldTransaction}). The operations are written once against
 * this and serve both.
 */
public interface Access {

    /** Runs work that only reads. {@code worldId} (may be null) names the world in error messages. */
    <T> T read(String worldId, Function<DSLContext, T> work);

    /**
     * {@link #read} whose statements all see one moment of the store, for work that reads one thing in several
     * statements (a search: the pending messages, then each word's postings, which a step of the indexer moves
     * between segments). Inside the caller's transaction it sees what that transaction's isolation gives.
     */
    default <T> T readSnapshot(String worldId, Function<DSLContext, T> work) {
        return read(worldId, work);
    }

    /**
     * {@link #read} in which each statement sees the store as last committed when it starts, with no snapshot
     * held across statements: for work of one statement, which sees one moment by itself (a point read,
     * {@code LocationRows.view}). On H2 it costs less than a snapshot, whose first statement takes the root of
     * every map of every table. Inside the caller's transaction it sees what that transaction's isolation gives.
     */
    default <T> T readLatest(String worldId, Function<DSLContext, T> work) {
        return read(worldId, work);
    }

    /** Runs work that writes. */
    <T> T write(String worldId, Function<DSLContext, T> work);

    /**
     * Runs work that writes much, or for long (a delete that first snapshots the whole world): never in a
     * commit shared with other calls, which would all wait for it.
     */
    default <T> T writeAlone(String worldId, Function<DSLContext, T> work) {
        return write(worldId, work);
    }
}
