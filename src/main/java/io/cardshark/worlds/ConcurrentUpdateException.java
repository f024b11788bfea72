package io.cardshark.worlds;

/**
 * Another writer changed the world first (its row version moved on, or a lock could not be had in time);
 * nothing was changed. Code {@link ErrorCode#CONCURRENT_MODIFICATION}. The store does not retry: re-read
 * what the change depends on and try again. The lock wait is {@link StoreConfig#lockTimeout()}.
 */
public class ConcurrentUpdateException extends WorldStoreException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports a lost race.
     *
     * @param worldId the world concerned, or {@code null} when it concerns the store as a whole
     * @param message what happened, naming the world and the field or file
     */
    public ConcurrentUpdateException(String worldId, String message) {
        super(ErrorCode.CONCURRENT_MODIFICATION, worldId, message);
    }

    /**
     * Reports a lost race that another failure caused.
     *
     * @param worldId the world concerned, or {@code null} when it concerns the store as a whole
     * @param message what happened, naming the world and the field or file
     * @param cause   the failure underneath, such as H2's {@link java.sql.SQLException}, or {@code null}
     */
    public ConcurrentUpdateException(String worldId, String message, Throwable cause) {
        super(ErrorCode.CONCURRENT_MODIFICATION, worldId, message, cause);
    }
}
