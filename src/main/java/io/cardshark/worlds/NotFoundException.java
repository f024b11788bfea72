package io.cardshark.worlds;

/** A world, location, chat, event or file that was asked for does not exist. */
public class NotFoundException extends WorldStoreException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String worldId, String message) {
        super(ErrorCode.NOT_FOUND, worldId, message);
    }

    public NotFoundException(String worldId, String message, Throwable cause) {
        super(ErrorCode.NOT_FOUND, worldId, message, cause);
    }
}
