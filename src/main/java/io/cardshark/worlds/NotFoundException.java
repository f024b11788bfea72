package io.cardshark.worlds;

/**
 * A world, location, chat, event, file, backup or snapshot that was asked for does not exist. Code
 * {@link ErrorCode#NOT_FOUND}. Calls that may find nothing say so in their return type ({@code find},
 * {@code Optional}) and throw this only for what they need to exist, such as the world.
 */
public class NotFoundException extends WorldStoreException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports something missing.
     *
     * @param worldId the world concerned, or {@code null} when it concerns the store as a whole
     * @param message what happened, naming the world and the field or file
     */
    public NotFoundException(String worldId, String message) {
        super(ErrorCode.NOT_FOUND, worldId, message);
    }

    /**
     * Reports something missing that another failure caused.
     *
     * @param worldId the world concerned, or {@code null} when it concerns the store as a whole
     * @param message what happened, naming the world and the field or file
     * @param cause   the failure underneath, such as H2's {@link java.sql.SQLException}, or {@code null}
     */
    public NotFoundException(String worldId, String message, Throwable cause) {
        super(ErrorCode.NOT_FOUND, worldId, message, cause);
    }
}
