package io.cardshark.worlds.testing;

import io.cardshark.worlds.WorldStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of every row of every table but the search index's: equal digests mean the store holds exactly the
 * same data. The index ({@code SEARCH_*}) is left out because it is derived from the messages and the store's
 * indexer rewrites it in the background (pending messages into segments, segments merged) without changing
 * what it says; {@code verify FULL} checks it against the messages.
 */
public final class StoreDigest {

    private StoreDigest() {
    }

    public static String of(WorldStore store) {
        try (Connection c = store.sqlConnection(false); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME NOT LIKE 'SEARCH\\_%' "
                    + "ORDER BY TABLE_NAME")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String table : tables) {
                digest.update(table.getBytes(StandardCharsets.UTF_8));
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1, 2")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            int type = rs.getMetaData().getColumnType(i);
                            boolean binary = type == java.sql.Types.BLOB || type == java.sql.Types.BINARY
                                    || type == java.sql.Types.VARBINARY || type == java.sql.Types.LONGVARBINARY;
                            String text = binary ? null : rs.getString(i);
                            byte[] value = binary ? rs.getBytes(i) : text == null ? null : text.getBytes(StandardCharsets.UTF_8);
                            digest.update(value == null ? new byte[]{0} : value);
                            digest.update((byte) 0x1F);
                        }
                        digest.update((byte) 0x1E);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (SQLException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest the store", e);
        }
    }
}
