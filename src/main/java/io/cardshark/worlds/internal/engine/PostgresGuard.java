package io.cardshark.worlds.internal.engine;

import io.cardshark.worlds.internal.db.DefaultSchema;
import org.jooq.Identity;
import org.jooq.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a store's PostgreSQL schema holds that its migrations did not make: the counterpart of H2's
 * {@link SchemaGuard#checkOpen}. Triggers, rules, functions and procedures run code when the store writes, a
 * foreign table reaches another server, and any other table, view or sequence is someone else's; the store's own
 * (its tables, its views, their identity sequences, Flyway's history) are not reported. Only the store's schema
 * ({@code current_schema}) is looked at: the rest of the database is its administrators'.
 */
final class PostgresGuard {

    private static final String[][] QUERIES = {
        {"trigger", "SELECT t.tgname || ' on ' || c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                + "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"},
        {"rule", "SELECT rulename || ' on ' || tablename FROM pg_rules WHERE schemaname = current_schema()"},
        {"function", "SELECT p.proname FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace"},
        {"relation", "SELECT c.relname || ' (' || c.relkind::text || ')' FROM pg_class c "
                + "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v', 'm', 'f', 'p', 'S') "
                + "AND NOT (c.relname = ANY (?))"},
    };

    private PostgresGuard() {
    }

    /** What {@code connection}'s current schema holds that the store's migrations did not make. */
    static List<String> foreignObjects(Connection connection) throws SQLException {
        List<String> own = new ArrayList<>();
        for (String name : SchemaGuard.ownTables()) {
            own.add(name.toLowerCase(Locale.ROOT));
        }
        own.add(Migrations.TABLE);
        for (String sequence : SchemaGuard.ownSequences()) {
            own.add(sequence.toLowerCase(Locale.ROOT));
        }
        // The identity columns' sequences, named by PostgreSQL as table_column_seq.
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            Identity<?, ?> identity = table.getIdentity();
            if (identity != null) {
                own.add((table.getName() + "_" + identity.getField().getName() + "_seq").toLowerCase(Locale.ROOT));
            }
        }
        List<String> found = new ArrayList<>();
        for (String[] query : QUERIES) {
            try (PreparedStatement st = connection.prepareStatement(query[1])) {
                if (query[1].contains("?")) {
                    st.setArray(1, connection.createArrayOf("text", own.toArray()));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.add(query[0] + " " + rs.getString(1));
                    }
                }
            }
        }
        return found;
    }
}
