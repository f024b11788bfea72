package io.cardshark.worlds;

/**
 * Another process has the store open. H2 allows one process per store file. Code
 * {@link ErrorCode#STORE_LOCKED}. Thrown when opening, or restoring a backup over, a store that another
 * process, or another {@link WorldStore} of this JVM, holds; {@link StoreConfig#attachIfHeld()} reaches such
 * a store through its holder instead.
 */
public class StoreLockedException extends WorldStoreException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports a held store.
     *
     * @param worldId the world concerned, or {@code null} when it concerns the store as a whole
     * @param message what happened, naming the world and the field or file
     */
    public StoreLockedException(String worldId, String message) {
        super(ErrorCode.STORE_LOCKED, worldId, message);
    }

    /**
     * Reports a held store that another failure caused.
     *
     * @param worldId the world concerned, or {@code null} when it concerns the store as a whole
     * @param message what happened, naming the world and the field or file
     * @param cause   the failure underneath, such as H2's {@link java.sql.SQLException}, or {@code null}
     */
    public StoreLockedException(String worldId, String message, Throwable cause) {
        super(ErrorCode.STORE_LOCKED, worldId, message, cause);
    }
}
