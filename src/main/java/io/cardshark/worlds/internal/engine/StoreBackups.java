package io.cardshark.worlds.internal.engine;

import java.sql.Connection;

/**
 * What the opener asks of the backup service before it changes a store: given to {@link StoreOpener}, so
 * that the engine does not depend on the package that takes backups.
 */
public interface StoreBackups {

    /** Backs up the open database through {@code admin} ({@code BACKUP TO}), before a schema migration. */
    void online(Connection admin, String reason) throws Exception;

    /**
     * Backs up the store's files as they are, before the opener removes objects from a database file it
     * must not open (see {@link SchemaGuard}). The store's lock is held; no process has the file open.
     */
    void offline(String reason) throws Exception;

    StoreBackups NONE = new StoreBackups() {
        @Override
        public void online(Connection admin, String reason) {
        }

        @Override
        public void offline(String reason) {
        }
    };
}
