package io.cardshark.worlds.internal.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store's database users other than the admin ({@link Credentials}): the writer, which may read and
 * change rows and nothing else, and the inspector, which may only read. H2 refuses both every statement
 * that needs admin rights: {@code CREATE ALIAS}, {@code CREATE TRIGGER}, {@code CREATE LINKED TABLE},
 * DDL, {@code SET} of database settings, {@code SCRIPT}, {@code RUNSCRIPT} and the file functions.
 */
final class Roles {

    private Roles() {
    }

    /**
     * Makes sure both users exist with their rights, and with the passwords in {@code credentials} when they are
     * new or {@code resetPasswords} (the credentials file had no line for them yet: a store from before 0.2, whose
     * inspector's password was made anew on every open). An ordinary open writes nothing. (Not a trial login to
     * tell: H2 answers every failed login after a growing delay, a quarter of a second at first.)
     */
    static void ensure(Connection admin, Credentials credentials, boolean resetPasswords) throws SQLException {
        ensureUser(admin, Credentials.WRITER, credentials.writer(), "SELECT, INSERT, UPDATE, DELETE", resetPasswords);
        ensureUser(admin, Credentials.INSPECTOR, credentials.inspector(), "SELECT", resetPasswords);
    }

    private static void ensureUser(Connection admin, String user, String password, String rights, boolean reset)
            throws SQLException {
        if (exists(admin, user) && !reset) {
            return;
        }
        // Bound, not spliced: a failing statement's text (which H2 puts in its message) holds no password.
        // One after the other: H2 looks the user up when it prepares the ALTER.
        try (PreparedStatement create = admin.prepareStatement("CREATE USER IF NOT EXISTS " + user + " PASSWORD ?")) {
            create.setString(1, password);
            create.execute();
        }
        try (PreparedStatement alter = admin.prepareStatement("ALTER USER " + user + " SET PASSWORD ?")) {
            alter.setString(1, password);
            alter.execute();
        }
        try (Statement grant = admin.createStatement()) {
            grant.execute("GRANT " + rights + " ON SCHEMA PUBLIC TO " + user);
        }
    }

    private static boolean exists(Connection admin, String user) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = ?")) {
            ps.setString(1, user);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
