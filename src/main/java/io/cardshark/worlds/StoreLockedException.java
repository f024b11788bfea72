package io.cardshark.worlds;

/** Another process has the store open. H2 allows one process per store file. */
public class StoreLockedException extends WorldStoreException {
    private static final long serialVersionUID = 1L;

    public StoreLockedException(String worldId, String message) {
        super(ErrorCode.STORE_LOCKED, worldId, message);
    }

    public StoreLockedException(String worldId, String message, Throwable cause) {
        super(ErrorCode.STORE_LOCKED, worldId, message, cause);
    }
}
