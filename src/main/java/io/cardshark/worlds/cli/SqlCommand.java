package io.cardshark.worlds.cli;

import io.cardshark.worlds.InvalidInputException;

import io.cardshark.worlds.WorldStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import io.cardshark.worlds.internal.console.SqlText;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run one SQL statement against the store and print the result as a table.",
                "Read-only unless --write: the session's database user may only SELECT; with --write it may change",
                "rows, never the schema. Works while another process holds the store (through that process).",
                "Views for inspection: WORLD_SUMMARY, LOCATION_SUMMARY, CHAT_SUMMARY."})
final class SqlCommand extends StoreCommand {

    @Parameters(paramLabel = "QUERY", description = "The statement, e.g. \"SELECT * FROM WORLD_SUMMARY\".")
    String query;

    @Option(names = "--write", description = "Allow statements that change the store (use with care).")
    boolean write;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "1000",
            description = "Print at most N rows (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Override
    boolean writes() {
        return write;
    }

    @Override
    int run(WorldStore s, PrintWriter out) throws SQLException {
        String statement = SqlText.single(query);
        if (s.config().onPostgres() && !SqlText.onlyRows(statement)) {
            throw new InvalidInputException(null, "SQL failed: not run: on PostgreSQL the command line runs "
                    + "statements that read or change rows only (SELECT, WITH, VALUES, TABLE, EXPLAIN, SHOW, INSERT, "
                    + "UPDATE, DELETE, MERGE; no SELECT ... INTO): the writer may change rows, not the schema. The store's user owns its schema "
                    + "there; a change to it belongs to a migration or to the database's administrators");
        }
        try (Connection c = s.sqlConnection(write);
             Statement st = c.createStatement()) {
            st.setMaxRows(maxRows + 1);
            if (st.execute(statement)) {
                try (ResultSet rs = st.getResultSet()) {
                    print(rs, out);
                }
            } else {
                out.println(st.getUpdateCount() + " row(s) changed");
            }
        } catch (SQLException e) {
            String reason = Main.message(e).replaceFirst(";? ?SQL statement:$", "");
            // H2's user rights, or PostgreSQL's read-only transaction (SQLSTATE 25006).
            if (e.getErrorCode() == org.h2.api.ErrorCode.NOT_ENOUGH_RIGHTS_FOR_1
                    || e.getErrorCode() == org.h2.api.ErrorCode.ADMIN_RIGHTS_REQUIRED
                    || (e.getErrorCode() == 0 && "25006".equals(e.getSQLState()))) {
                reason += write ? " (the writer may change rows, not the schema, users, aliases or files)"
                        : " (the session is read-only; add --write to change rows)";
            }
            throw new SQLException("SQL failed: " + reason, e);
        }
        return Main.EXIT_OK;
    }

    private void print(ResultSet rs, PrintWriter out) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> headers = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            headers.add(md.getColumnLabel(i));
        }
        TablePrinter table = new TablePrinter(headers);
        boolean more = false;
        while (rs.next()) {
            if (table.size() == maxRows) {
                more = true;
                break;
            }
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= headers.size(); i++) {
                cells.add(rs.getString(i));
            }
            table.row(cells);
        }
        table.print(out);
        out.println("(" + table.size() + (table.size() == 1 ? " row" : " rows") + (more ? ", more not shown)" : ")"));
    }
}
