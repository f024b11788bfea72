package io.cardshark.worlds;

/**
 * The store cannot be used: its schema is newer than this code, its files are damaged, or it was closed (a
 * closed session too). Code {@link ErrorCode#STORE_UNAVAILABLE}. Also thrown by every write to a store
 * opened read-only, and by every write after a write to the store's file failed (a full disk, say): the file
 * may then not hold what H2 believes, so the store refuses writes until it is reopened.
 */
public class StoreUnavailableException extends WorldStoreException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports an unusable store.
     *
     * @param worldId the world concerned, or {@code null} when it concerns the store as a whole
     * @param message what happened, naming the world and the field or file
     */
    public StoreUnavailableException(String worldId, String message) {
        super(ErrorCode.STORE_UNAVAILABLE, worldId, message);
    }

    /**
     * Reports an unusable store that another failure caused.
     *
     * @param worldId the world concerned, or {@code null} when it concerns the store as a whole
     * @param message what happened, naming the world and the field or file
     * @param cause   the failure underneath, such as H2's {@link java.sql.SQLException}, or {@code null}
     */
    public StoreUnavailableException(String worldId, String message, Throwable cause) {
        super(ErrorCode.STORE_UNAVAILABLE, worldId, message, cause);
    }
}
