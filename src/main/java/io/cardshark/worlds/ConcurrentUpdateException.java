package io.cardshark.worlds;

/** Another writer changed the world first (its row version moved on, or a lock could not be had in time); nothing was changed. */
public class ConcurrentUpdateException extends WorldStoreException {
    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(String worldId, String message) {
        super(ErrorCode.CONCURRENT_MODIFICATION, worldId, message);
    }

    public ConcurrentUpdateException(String worldId, String message, Throwable cause) {
        super(ErrorCode.CONCURRENT_MODIFICATION, worldId, message, cause);
    }
}
