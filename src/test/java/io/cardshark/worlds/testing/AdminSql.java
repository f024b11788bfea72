package io.cardshark.worlds.testing;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.internal.engine.Credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A connection of the store's admin user, for tests that must do what no session of the store may (H2's
 * {@code SCRIPT}, planting an alias as someone who shares a store file might): it joins the database the
 * store has open in this JVM, with the password from the store's credentials file.
 */
public final class AdminSql {

    private AdminSql() {
    }

    public static Connection connect(WorldStore store) throws SQLException {
        return connect(store.config().dataDir());
    }

    /** The admin's connection to the store in {@code dataDir}, open in this JVM or (opening it) in none. */
    public static Connection connect(Path dataDir) throws SQLException {
        try {
            return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("worlds") + ";IFEXISTS=TRUE",
                    Credentials.ADMIN, Credentials.read(dataDir).admin());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
