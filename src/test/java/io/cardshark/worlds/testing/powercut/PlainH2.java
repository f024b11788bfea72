package io.cardshark.worlds.testing.powercut;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain H2 on a power-cut file system, for the tests that show what H2 itself does there. */
public final class PlainH2 {

    private PlainH2() {
    }

    /**
     * A new connection to database {@code name} on {@code fs}, with {@code WRITE_DELAY=0} as the store has it: no
     * background writer that could meet a cut before the statement a test cuts under.
     */
    public static Connection connect(PowerCutFileSystem fs, String name) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:" + fs.h2Path(name) + ";WRITE_DELAY=0", "sa", "");
    }

    public static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
