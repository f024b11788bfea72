package io.cardshark.worlds;

/** The store cannot be used: its schema is newer than this code, its files are damaged, or it was closed. */
public class StoreUnavailableException extends WorldStoreException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String worldId, String message) {
        super(ErrorCode.STORE_UNAVAILABLE, worldId, message);
    }

    public StoreUnavailableException(String worldId, String message, Throwable cause) {
        super(ErrorCode.STORE_UNAVAILABLE, worldId, message, cause);
    }
}
