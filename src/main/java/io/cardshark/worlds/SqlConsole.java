package io.cardshark.worlds;

import java.net.URI;

/** A running web console on a store ({@link Inspection#console}); closing it stops it. */
public interface SqlConsole extends AutoCloseable {

    /**
     * Where it answers. Whoever has this address gets in, so give it only to whom it is meant for.
     *
     * @return {@code http://127.0.0.1:<port>/<token>/}
     */
    URI address();

    /**
     * Whether it still serves.
     *
     * @return {@code false} once it was closed, or its store was
     */
    boolean isOpen();

    /** Stops serving and closes its connection. */
    @Override
    void close();
}
