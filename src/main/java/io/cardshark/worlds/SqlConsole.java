package io.cardshark.worlds;

import java.net.URI;

/** A running web console on a store ({@link Inspection#console}); closing it stops it. */
public interface SqlConsole extends AutoCloseable {

    /** Where it answers: {@code http://127.0.0.1:<port>/<token>/}. Whoever has this address gets in. */
    URI address();

    /** Whether it still serves. */
    boolean isOpen();

    /** Stops serving and closes its connection. */
    @Override
    void close();
}
