package io.cardshark.worlds.testing;

import io.cardshark.worlds.WorldStore;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Numbers a test reads from a store's tables with SQL, through the store's read-only inspection connection. */
public final class StoreSql {

    private StoreSql() {
    }

    /** The first column of the first row of {@code sql} as a number (0 for NULL). */
    public static long count(WorldStore store, String sql) throws SQLException {
        try (Connection c = store.sqlConnection(false)) {
            return count(c, sql);
        }
    }

    /** The first column of every row of {@code sql}, as numbers, in the rows' order. */
    public static List<Long> longs(WorldStore store, String sql) throws SQLException {
        try (Connection c = store.sqlConnection(false); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<Long> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
            return values;
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
