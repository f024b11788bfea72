package io.cardshark.worlds.testing;

import io.cardshark.worlds.PostgresDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real, throwaway PostgreSQL server for the suites that run on both engines: started once per test JVM from the
 * machine's own {@code initdb} and {@code pg_ctl} (as the unprivileged {@code postgres} user when the tests run
 * as root, since PostgreSQL refuses to run as root), on a free loopback port, in a temporary folder, with a
 * password its superuser must give; stopped, and its folder deleted, when the JVM ends. Each store gets a
 * schema of its own in one database ({@code currentSchema} in its URL). {@code CARDSHARK_TEST_PG_URL} (a
 * {@code postgresql://host:port/database} URL) with {@code CARDSHARK_TEST_PG_USER} and, for its password,
 * {@code PGPASSWORD}, uses a server that is already running instead.
 *
 * <p>The suite's own server runs with {@code fsync=off}: what it proves is the store's SQL, not the disk.
 */
public final class TestPostgres {

    /** The system property that runs the suites which read it on PostgreSQL ({@code postgresql}). */
    public static final String ENGINE_PROPERTY = "cardshark.test.engine";

    private static final Map<Path, String> SCHEMAS = new HashMap<>();
    private static Server server;

    private TestPostgres() {
    }

    /** Whether this test JVM runs its engine-neutral suites on PostgreSQL. */
    public static boolean selected() {
        return "postgresql".equals(System.getProperty(ENGINE_PROPERTY));
    }

    /**
     * The store of a test's data folder on the suite's server: a schema of its own, empty when first asked for,
     * the same one each time after (so that a test can close and reopen its store). Its URL names the schema.
     */
    public static synchronized PostgresDatabase storeFor(Path dataDir) {
        Server s = server();
        String schema = SCHEMAS.computeIfAbsent(dataDir.toAbsolutePath().normalize(), d -> {
            String name = "store_" + ProcessHandle.current().pid() + "_" + (SCHEMAS.size() + 1);
            s.execute("CREATE SCHEMA " + name);
            return name;
        });
        PostgresDatabase db = PostgresDatabase.of(s.baseUrl() + "?currentSchema=" + schema, s.user());
        return s.passwordFile() == null ? db : db.withPasswordFile(s.passwordFile());
    }

    private static Server server() {
        if (server == null) {
            String url = System.getenv("CARDSHARK_TEST_PG_URL");
            server = url != null ? new Server(url, System.getenv().getOrDefault("CARDSHARK_TEST_PG_USER", "postgres"),
                    null, System.getenv("PGPASSWORD"), null) : start();
        }
        return server;
    }

    /** One server: where it listens, who its superuser is, and how it is stopped. */
    private record Server(String baseUrl, String user, Path passwordFile, String password, Runnable stop) {
        void execute(String sql) {
            Properties p = new Properties();
            p.setProperty("user", user);
            if (password != null) {
                p.setProperty("password", password);
            }
            try (Connection c = DriverManager.getConnection("jdbc:" + baseUrl, p); Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("the test server refused " + sql + ": " + e.getMessage(), e);
            }
        }
    }

    private static Server start() {
        try {
            Path bin = binaries();
            boolean root = "root".equals(System.getProperty("user.name"));
            Path home = Files.createTempDirectory("cardshark-pg-");
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            Path serverPassword = home.resolve("initdb.pw");
            Files.writeString(serverPassword, password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(serverPassword, PosixFilePermissions.fromString("rw-------"));
            Path clientPassword = Files.createTempFile("cardshark-pg-", ".pw");
            Files.setPosixFilePermissions(clientPassword, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(clientPassword, password + "\n", StandardCharsets.UTF_8);
            if (root) {
                run(List.of("chown", "-R", "postgres", home.toString()), false);
            }
            Path data = home.resolve("data");
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A",
                    "scram-sha-256", "--pwfile=" + serverPassword, "-E", "UTF8", "--locale=C.UTF-8"), root);
            int port = freePort();
            String options = "-p " + port + " -c listen_addresses=127.0.0.1 -k " + home + " -c fsync=off"
                    + " -c full_page_writes=off -c max_connections=200";
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options, "-l",
                    home.resolve("server.log").toString(), "-w", "-t", "60", "start"), root);
            Runnable stop = () -> {
                try {
                    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                            "stop"), root);
                } catch (RuntimeException e) {
                    System.err.println("the test PostgreSQL server did not stop: " + e.getMessage());
                }
                deleteQuietly(home);
                deleteQuietly(clientPassword);
            };
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "test-postgres-stop"));
            return new Server("postgresql://127.0.0.1:" + port + "/postgres", "postgres", clientPassword, password, stop);
        } catch (IOException e) {
            throw new UncheckedIOException("the test PostgreSQL server could not start", e);
        }
    }

    /** The folder of {@code initdb} and {@code pg_ctl}: on the PATH, else the newest of Debian's. */
    private static Path binaries() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb")) && Files.isExecutable(Path.of(dir, "pg_ctl"))) {
                return Path.of(dir);
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString()
                                .replaceAll("\\D", "0"))));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalStateException("the PostgreSQL suites need initdb and pg_ctl (PostgreSQL 15 or later) on the "
                + "PATH or in /usr/lib/postgresql/*/bin, or CARDSHARK_TEST_PG_URL naming a running server");
    }

    private static void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(Arrays.asList("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteQuietly(Path path) {
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Left in the temporary folder.
        }
    }
}
