package io.cardshark.worlds;

/** Something with the same key, or the same key ignoring case, already exists; nothing was changed. */
public class AlreadyExistsException extends WorldStoreException {
    private static final long serialVersionUID = 1L;

    public AlreadyExistsException(String worldId, String message) {
        super(ErrorCode.ALREADY_EXISTS, worldId, message);
    }

    public AlreadyExistsException(String worldId, String message, Throwable cause) {
        super(ErrorCode.ALREADY_EXISTS, worldId, message, cause);
    }
}
