package io.cardshark.worlds;

/**
 * The store refused a value passed to it; nothing was changed. The message names the world and the field.
 * Code {@link ErrorCode#INVALID_INPUT}. Most values are checked before the store is touched, the rest inside
 * the call's transaction, which then rolls back. {@link io.cardshark.worlds.folder.FolderFormatException} is
 * the kind for world folders.
 */
public class InvalidInputException extends WorldStoreException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports a refused value.
     *
     * @param worldId the world concerned, or {@code null} when it concerns the store as a whole
     * @param message what happened, naming the world and the field or file
     */
    public InvalidInputException(String worldId, String message) {
        super(ErrorCode.INVALID_INPUT, worldId, message);
    }

    /**
     * Reports a refused value that another failure caused.
     *
     * @param worldId the world concerned, or {@code null} when it concerns the store as a whole
     * @param message what happened, naming the world and the field or file
     * @param cause   the failure underneath, such as H2's {@link java.sql.SQLException}, or {@code null}
     */
    public InvalidInputException(String worldId, String message, Throwable cause) {
        super(ErrorCode.INVALID_INPUT, worldId, message, cause);
    }
}
