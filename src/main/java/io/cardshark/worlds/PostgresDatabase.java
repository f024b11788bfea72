package io.cardshark.worlds;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A PostgreSQL database that holds a store, instead of the embedded H2 file of a data folder: what
 * {@link WorldStoreBuilder#postgres(PostgresDatabase)} takes. Immutable, and validated when made.
 *
 * <p>The password is never part of it, nor of a URL, a command line or a log. It comes, in this order, from
 * {@code passwordFile} (a file holding the password on its first line, readable by its owner only), from the
 * environment variable {@code PGPASSWORD}, or from PostgreSQL's own password file ({@code PGPASSFILE}, else
 * {@code ~/.pgpass}), which the driver reads as libpq does; a server that asks for none needs none.
 *
 * <pre>{@code
 * WorldStore.configure().postgres(PostgresDatabase.of("postgresql://db.example:5432/worlds", "cardshark")).open();
 * }</pre>
 *
 * @param url          {@code postgresql://host[:port][,host2[:port2]...]/database} (a {@code jdbc:} prefix is
 *                     accepted; several hosts are tried in turn, as pgjdbc does), with
 *                     no user or password in it; query parameters other than {@code user} and {@code password}
 *                     are passed to the driver (for example {@code sslmode=require})
 * @param user         the database user; it must own the store's tables (it makes them on first open)
 * @param passwordFile a file that holds the password, or {@code null}
 */
public record PostgresDatabase(String url, String user, Path passwordFile) {

    private static final String SCHEME = "postgresql://";

    /**
     * Validates the URL and the user.
     *
     * @param url          {@code postgresql://host[:port]/database}, with or without {@code jdbc:}
     * @param user         the database user
     * @param passwordFile a file that holds the password, or {@code null}
     * @throws InvalidInputException when the URL is not a {@code postgresql://} URL naming a host and a database,
     *                               carries a user or a password, or the user is blank
     */
    public PostgresDatabase {
        Objects.requireNonNull(url, "url must be set");
        Objects.requireNonNull(user, "user must be set");
        url = url.strip();
        if (url.regionMatches(true, 0, "jdbc:", 0, 5)) {
            url = url.substring(5);
        }
        if (!url.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new InvalidInputException(null, "a PostgreSQL store is named by a URL of the form "
                    + "postgresql://host[:port]/database; the one given does not start with postgresql://");
        }
        URI uri = parse(url);
        boolean userInfo = uri.getRawAuthority() != null && uri.getRawAuthority().contains("@");
        if (userInfo || parameter(uri, "password") != null || parameter(uri, "user") != null
                || parameter(uri, "sslpassword") != null) {
            // Said without the URL: it may hold a password, which must reach no message.
            throw new InvalidInputException(null, "the PostgreSQL URL carries a user or a password; give the user "
                    + "on its own and the password by PGPASSWORD, a password file or ~/.pgpass, never in the URL");
        }
        // The authority, not the host: pgjdbc takes several hosts for failover (postgresql://a:5432,b:5432/db),
        // which java.net.URI does not parse as one server.
        if (uri.getRawAuthority() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new InvalidInputException(null, "the PostgreSQL URL " + url + " must name a host and a database: "
                    + "postgresql://host[:port]/database");
        }
        if (user.isBlank() || user.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(null, "the PostgreSQL user must be a non-blank name on one line");
        }
        passwordFile = passwordFile == null ? null : passwordFile.toAbsolutePath().normalize();
    }

    /**
     * A database reached with {@code user}; the password from {@code PGPASSWORD} or {@code ~/.pgpass}.
     *
     * @param url  {@code postgresql://host[:port]/database}
     * @param user the database user
     * @return the database
     */
    public static PostgresDatabase of(String url, String user) {
        return new PostgresDatabase(url, user, null);
    }

    /**
     * The same database, its password read from {@code file}.
     *
     * @param file a file that holds the password on its first line, readable by its owner only
     * @return a copy with the password file set
     */
    public PostgresDatabase withPasswordFile(Path file) {
        return new PostgresDatabase(url, user, Objects.requireNonNull(file, "file"));
    }

    /**
     * The URL for the JDBC driver.
     *
     * @return {@code jdbc:postgresql://...}
     */
    public String jdbcUrl() {
        return "jdbc:" + url;
    }

    /**
     * What messages call this store: {@code postgresql://host:port/database}, with the schema when the URL names
     * one ({@code ?currentSchema=...}); no other parameter.
     */
    @Override
    public String toString() {
        int query = url.indexOf('?');
        String schema = parameter(parse(url), "currentschema");
        return (query < 0 ? url : url.substring(0, query)) + (schema == null ? "" : "?currentSchema=" + schema);
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(null, "the PostgreSQL URL is not a valid URL: " + e.getReason());
        }
    }

    /** The raw value of the query parameter {@code name} (in lower case), or {@code null} when absent. */
    private static String parameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.toLowerCase(Locale.ROOT).equals(name)) {
                return eq < 0 ? "" : pair.substring(eq + 1);
            }
        }
        return null;
    }
}
