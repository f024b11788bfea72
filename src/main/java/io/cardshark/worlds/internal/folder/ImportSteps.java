package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.internal.engine.StoreEngine;

/**
 * An import's world key and the steps its chats are committed in (schema V11). On H2 a transaction's commit
 * rewrites every row it wrote: bare H2 imports a million messages in 10.3-11.9 s as one transaction and in 4.6 s
 * committing every 2,000; steps of 20,000 or more cost as much as one transaction (README, "The import and H2's
 * commit"). Steps end mid-chat too: a chat may hold a hundred thousand messages. On PostgreSQL a step commits
 * nothing ({@link StoreEngine.Tx#commitStep}).
 */
final class ImportSteps {

    /** Messages per step. */
    static final int MESSAGES = 2_000;

    private final StoreEngine.Tx tx;
    private final long worldKey;
    private int sinceStep;
    private boolean committed;

    ImportSteps(StoreEngine.Tx tx, long worldKey) {
        this.tx = tx;
        this.worldKey = worldKey;
    }

    long worldKey() {
        return worldKey;
    }

    /** Counts a message written; ends a step after every {@link #MESSAGES}. */
    void message() {
        if (++sinceStep == MESSAGES) {
            sinceStep = 0;
            committed |= tx.commitStep();
        }
    }

    /** Whether a step has committed: after a failure, the import's rows under its key are then its own to delete. */
    boolean committed() {
        return committed;
    }
}
