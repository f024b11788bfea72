package io.cardshark.worlds.internal.engine;

import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Live inspection of a store this process holds: H2's TCP server, listening on the loopback address only,
 * on a port the system picks, and serving exactly one database, the store's, under a random key. Another
 * process of the data folder's owner finds the port and the key in {@code worlds.inspect} and the
 * passwords in {@code worlds.credentials}; it then reads (and, as the writer, writes) the live store
 * through this process's database, so its writes meet the world locks of this process's writers.
 *
 * <p>Why not H2's {@code AUTO_SERVER}: it serves on every interface and to other hosts. Here H2 refuses
 * every peer that is not this machine, the key maps no other database name (a probe for another file or an
 * in-memory database is refused before anything is opened), {@code -ifExists} stops it from creating
 * databases, and the listening socket is bound to 127.0.0.1 through {@code h2.bindAddress}, which H2 reads
 * once: {@link #prepareBindAddress} sets it before H2's classes load, unless the application set it. When H2
 * was loaded earlier with another bind address, the store does not serve and says why.
 */
final class InspectionServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InspectionServer.class);

    static final String LOOPBACK = "127.0.0.1";
    private static final String BIND_ADDRESS = "h2.bindAddress";

    private final Server server;

    private InspectionServer(Server server) {
        this.server = server;
    }

    /**
     * Sets {@code h2.bindAddress} to the loopback address when nothing set it, so that H2's servers in this
     * JVM listen on this machine only. Called before the store touches any H2 class.
     */
    static void prepareBindAddress() {
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, LOOPBACK);
        }
    }

    /** Why H2 cannot serve on the loopback address only in this JVM, or {@code null} when it can. */
    static String bindProblem() {
        String bound = org.h2.engine.SysProperties.BIND_ADDRESS;
        if (bound == null || bound.isEmpty()) {
            return "H2 was loaded before cardshark-worlds without h2.bindAddress, so its servers would listen on every "
                    + "interface; start the JVM with -Dh2.bindAddress=127.0.0.1";
        }
        try {
            return InetAddress.getByName(bound).isLoopbackAddress() ? null
                    : "h2.bindAddress is " + bound + ", not a loopback address";
        } catch (UnknownHostException e) {
            return "h2.bindAddress " + bound + " is not an address";
        }
    }

    /** Starts serving the database this process opened in {@code dataDir} and writes its address file. */
    static InspectionServer start(Path dataDir, String holder) throws SQLException, IOException {
        String key = RandomIds.hex(32);
        Server server = Server.createTcpServer("-tcpPort", "0", "-tcpPassword", RandomIds.hex(32), "-ifExists",
                "-tcpDaemon", "-key", key, H2Urls.databasePath(H2Urls.database(dataDir))).start();
        InspectionAddress address = InspectionAddress.serving(server.getPort(), key, holder);
        try {
            address.write(dataDir);
        } catch (IOException e) {
            server.stop();
            throw e;
        }
        log.info("store at {}: live inspection served on {}:{}", dataDir, LOOPBACK, server.getPort());
        return new InspectionServer(server);
    }

    /** Stops serving: every connection of another process ends. The holder rewrites or removes the address. */
    @Override
    public void close() {
        server.stop();
    }
}
