package io.cardshark.worlds;

import java.util.Objects;

/**
 * The root of every failure the store reports. Unchecked, like jOOQ's and Jdbi's: callers catch the
 * subclass they can handle and let the rest travel. Messages name the world and the field or file.
 *
 * <p>{@link #code()} says what kind of failure it is; each subclass has one code. A failure with no
 * subclass of its own, such as a file system failure during an import, export, backup or snapshot
 * ({@link ErrorCode#IO_FAILURE}), is thrown as this class itself.
 */
public class WorldStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kind of failure; never {@code null}. */
    private final ErrorCode code;
    /** The world the failure concerns, or {@code null} when it concerns the store as a whole. */
    private final String worldId;

    /**
     * Reports a failure that another failure caused.
     *
     * @param code    the kind of failure
     * @param worldId the world concerned, or {@code null} when it concerns the store as a whole
     * @param message what happened, naming the world and the field or file
     * @param cause   the failure underneath, such as an {@link java.io.IOException}, or {@code null}
     * @throws NullPointerException when {@code code} is {@code null}
     */
    public WorldStoreException(ErrorCode code, String worldId, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.worldId = worldId;
    }

    /**
     * Reports a failure.
     *
     * @param code    the kind of failure
     * @param worldId the world concerned, or {@code null} when it concerns the store as a whole
     * @param message what happened, naming the world and the field or file
     * @throws NullPointerException when {@code code} is {@code null}
     */
    public WorldStoreException(ErrorCode code, String worldId, String message) {
        this(code, worldId, message, null);
    }

    /**
     * The kind of failure, for callers and scripts that react without parsing messages.
     *
     * @return the code; never {@code null}
     */
    public ErrorCode code() {
        return code;
    }

    /**
     * The world the failure concerns.
     *
     * @return the world's id, or {@code null} when the failure concerns the store as a whole
     */
    public String worldId() {
        return worldId;
    }
}
