package io.cardshark.worlds;

import java.util.Objects;

/**
 * The root of every failure the store reports. Unchecked, like jOOQ's and Jdbi's: callers catch the
 * subclass they can handle and let the rest travel. Messages name the world and the field or file.
 */
public class WorldStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String worldId;

    public WorldStoreException(ErrorCode code, String worldId, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.worldId = worldId;
    }

    public WorldStoreException(ErrorCode code, String worldId, String message) {
        this(code, worldId, message, null);
    }

    /** The kind of failure. */
    public ErrorCode code() {
        return code;
    }

    /** The world the failure concerns, or {@code null} when it concerns the store as a whole. */
    public String worldId() {
        return worldId;
    }
}
