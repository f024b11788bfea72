package io.cardshark.worlds;

/**
 * Something with the same key, or the same key ignoring case, already exists; nothing was changed. Code
 * {@link ErrorCode#ALREADY_EXISTS}. Thrown when a new world's id clashes with a stored one (world ids that
 * differ only in case clash, as folder names do on Windows), when a chat or event id is taken, when a
 * location's coordinates are taken, and by an import, without replace, of a world the store holds.
 */
public class AlreadyExistsException extends WorldStoreException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports a clash.
     *
     * @param worldId the world concerned, or {@code null} when it concerns the store as a whole
     * @param message what happened, naming the world and the field or file
     */
    public AlreadyExistsException(String worldId, String message) {
        super(ErrorCode.ALREADY_EXISTS, worldId, message);
    }

    /**
     * Reports a clash that another failure caused.
     *
     * @param worldId the world concerned, or {@code null} when it concerns the store as a whole
     * @param message what happened, naming the world and the field or file
     * @param cause   the failure underneath, such as H2's {@link java.sql.SQLException}, or {@code null}
     */
    public AlreadyExistsException(String worldId, String message, Throwable cause) {
        super(ErrorCode.ALREADY_EXISTS, worldId, message, cause);
    }
}
