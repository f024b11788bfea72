package io.cardshark.worlds;

/** The store refused a value passed to it; nothing was changed. The message names the world and the field. */
public class InvalidInputException extends WorldStoreException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String worldId, String message) {
        super(ErrorCode.INVALID_INPUT, worldId, message);
    }

    public InvalidInputException(String worldId, String message, Throwable cause) {
        super(ErrorCode.INVALID_INPUT, worldId, message, cause);
    }
}
