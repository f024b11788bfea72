package io.cardshark.worlds.testing;

import io.cardshark.worlds.WorldStore;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A number a test reads from a store's tables with SQL, through the store's read-only inspection connection. */
public final class StoreSql {

    private StoreSql() {
    }

    /** The first column of the first row of {@code sql} as a number (0 for NULL). */
    public static long count(WorldStore store, String sql) throws SQLException {
        try (Connection c = store.sqlConnection(false)) {
            return count(c, sql);
        }
    }

    /** The same on a connection of the test's own (to a store no process holds, say). */
    public static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
