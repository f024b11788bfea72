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
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server of the tests' own: made with the machine's {@code initdb} (as the unprivileged
 * {@code postgres} user when the tests run as root, since PostgreSQL refuses root) in a temporary folder, with a
 * password its superuser must give, listening on a free loopback port; started and stopped with {@code pg_ctl},
 * and killable the hard way for the crash tests. Closing it stops it and deletes its folder; so does the end of
 * the JVM.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path bin;
    private final boolean asPostgres;
    private final Path home;
    private final Path data;
    private final int port;
    private final String options;
    private final String password;
    private final Path passwordFile;
    private final Thread onExit = new Thread(this::close, "test-postgres-stop");

    private PostgresServer(Path bin, boolean asPostgres, Path home, int port, String options, String password,
                           Path passwordFile) {
        this.bin = bin;
        this.asPostgres = asPostgres;
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
        this.options = options;
        this.password = password;
        this.passwordFile = passwordFile;
    }

    /**
     * Makes and starts a server. {@code durable} keeps PostgreSQL's {@code fsync} on; without it the server
     * is faster and loses nothing to a killed process, only to a lost machine, which no test makes.
     */
    public static PostgresServer start(boolean durable) {
        try {
            Path bin = binaries();
            boolean root = "root".equals(System.getProperty("user.name"));
            Path home = Files.createTempDirectory("cardshark-pg-");
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            Path serverPassword = ownerOnly(home.resolve("initdb.pw"), password);
            Path clientPassword = ownerOnly(Files.createTempFile("cardshark-pg-", ".pw"), password);
            if (root) {
                run(List.of("chown", "-R", "postgres", home.toString()), false);
            }
            run(List.of(bin.resolve("initdb").toString(), "-D", home.resolve("data").toString(), "-U", "postgres",
                    "-A", "scram-sha-256", "--pwfile=" + serverPassword, "-E", "UTF8", "--locale=C.UTF-8"), root);
            String options = "-p " + freePort() + " -c listen_addresses=127.0.0.1 -k " + home
                    + " -c max_connections=200" + (durable ? "" : " -c fsync=off -c full_page_writes=off");
            int port = Integer.parseInt(options.split(" ")[1]);
            PostgresServer server = new PostgresServer(bin, root, home, port, options, password, clientPassword);
            Runtime.getRuntime().addShutdownHook(server.onExit);
            server.startAgain();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("the test PostgreSQL server could not start", e);
        }
    }

    /** {@code postgresql://127.0.0.1:<port>/postgres}. */
    public String baseUrl() {
        return "postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    /** An owner-only file holding the superuser's password. */
    public Path passwordFile() {
        return passwordFile;
    }

    /** A new schema {@code name} and the database of a store in it. */
    public PostgresDatabase newStore(String name) {
        execute("CREATE SCHEMA " + name);
        return store(name);
    }

    /** The database of the store in schema {@code name}, which exists (here, or on the primary of a standby). */
    public PostgresDatabase store(String name) {
        return PostgresDatabase.of(baseUrl() + "?currentSchema=" + name, user()).withPasswordFile(passwordFile);
    }

    /** Runs one statement as the superuser. */
    public void execute(String sql) {
        Properties p = new Properties();
        p.setProperty("user", user());
        p.setProperty("password", password);
        try (Connection c = DriverManager.getConnection("jdbc:" + baseUrl(), p); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("the test server refused " + sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * A hot standby of this server: a base backup streamed from it ({@code pg_basebackup -R}, which also writes the
     * standby's connection to this one), started on a port of its own. It shows this server's commits shortly after
     * they are made and refuses every write. Closing it stops it and deletes its folder.
     */
    public PostgresServer standby() {
        try {
            Path standbyHome = Files.createTempDirectory("cardshark-pg-standby-");
            if (asPostgres) {
                run(List.of("chown", "-R", "postgres", standbyHome.toString()), false);
            }
            Path standbyData = standbyHome.resolve("data");
            // The password by environment, never on a command line; the standby's own connection to this server
            // gets it in its configuration file, which only the server's user may read.
            run(List.of(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                    "-U", "postgres", "-D", standbyData.toString(), "-R", "-X", "stream"), asPostgres,
                    java.util.Map.of("PGPASSWORD", password));
            Path autoConf = standbyData.resolve("postgresql.auto.conf");
            Files.writeString(autoConf, "primary_conninfo = 'host=127.0.0.1 port=" + port + " user=postgres password="
                    + password + "'\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            int standbyPort = freePort();
            String standbyOptions = "-p " + standbyPort + " -c listen_addresses=127.0.0.1 -k " + standbyHome
                    + " -c max_connections=200 -c hot_standby=on";
            Path clientPassword = ownerOnly(Files.createTempFile("cardshark-pg-", ".pw"), password);
            PostgresServer standby = new PostgresServer(bin, asPostgres, standbyHome, standbyPort, standbyOptions,
                    password, clientPassword);
            Runtime.getRuntime().addShutdownHook(standby.onExit);
            standby.startAgain();
            return standby;
        } catch (IOException e) {
            throw new UncheckedIOException("the standby could not be made", e);
        }
    }

    /** Starts the server (again, after {@link #killPostmaster}), waiting until it accepts connections. */
    public void startAgain() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options, "-l",
                home.resolve("server.log").toString(), "-w", "-t", "120", "start"), asPostgres);
    }

    /**
     * SIGKILL to the postmaster, as a crash of the server would: its backends notice and end, shared memory and
     * every WAL record not yet written go with them. Returns once no process of the server is left.
     */
    public void killPostmaster() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> children = postmaster.children().toList();
        run(List.of("kill", "-9", Long.toString(pid)), false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((postmaster.isAlive() || children.stream().anyMatch(ProcessHandle::isAlive))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"),
                    asPostgres);
        } catch (RuntimeException e) {
            // Not running, or gone with the JVM's end: the folder goes anyway.
        }
        deleteQuietly(home);
        deleteQuietly(passwordFile);
        if (Thread.currentThread() != onExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException e) {
                // The JVM is ending.
            }
        }
    }

    private static Path ownerOnly(Path file, String content) throws IOException {
        Files.setPosixFilePermissions(Files.exists(file) ? file : Files.createFile(file),
                PosixFilePermissions.fromString("rw-------"));
        Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** The folder of {@code initdb} and {@code pg_ctl}: on the PATH, else the newest of Debian's. */
    private static Path binaries() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb")) && Files.isExecutable(Path.of(dir, "pg_ctl"))) {
                // The folder the programs really live in (a PATH entry may hold links to a few of them only).
                return Path.of(dir, "initdb").toRealPath().getParent();
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
        run(command, asPostgres, java.util.Map.of());
    }

    private static void run(List<String> command, boolean asPostgres, java.util.Map<String, String> environment) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(Arrays.asList("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
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
