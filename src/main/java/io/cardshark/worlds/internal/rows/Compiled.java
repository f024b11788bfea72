package io.cardshark.worlds.internal.rows;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import io.cardshark.worlds.internal.engine.Engine;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A statement of a hot path whose SQL jOOQ renders once, from the typed query over the generated schema,
 * instead of on every call. Rendering a query's tree cost more than H2 took to run it: in a profile of a
 * point read (one location with its exits, NPCs and events) jOOQ's rendering was most of the time and
 * H2's execution a few percent. Each call binds its values in the order of the query's {@link #bind}
 * placeholders and runs the fixed SQL, which H2 finds in its per-session statement cache.
 */
public final class Compiled {

    /** Marks the placeholders in the rendered text; nothing else in a query is named like this. */
    private static final String MARK = "compiled_bind_";
    private static final Pattern MARKED = Pattern.compile(":" + MARK + "\\d+");
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** The typed query, for rendering on an engine other than H2; null for SQL rendered for one call. */
    private final Query query;
    /** The SQL that runs on H2 (the embedded default, rendered at once), with one {@code ?} per placeholder. */
    private final String sql;
    /** The SQL that runs on PostgreSQL, rendered when a store there first runs it. */
    private volatile String postgresSql;
    /** What a query returns, so that its rows map without the result's metadata; empty for a statement. */
    private final Field<?>[] fields;

    private Compiled(Query query, Field<?>[] fields) {
        this.query = query;
        this.sql = render(Engine.H2, query);
        this.fields = fields;
    }

    private Compiled(String sql, Field<?>[] fields) {
        this.query = null;
        this.sql = sql;
        this.postgresSql = sql;
        this.fields = fields;
    }

    /** The SQL that runs on the engine of {@code dsl}, for statements run another way (a batch of its own). */
    public String sql(DSLContext dsl) {
        return sql(Engine.of(dsl));
    }

    private String sql(Engine engine) {
        if (engine == Engine.H2) {
            return sql;
        }
        String rendered = postgresSql;
        if (rendered == null) {
            rendered = render(engine, query);
            postgresSql = rendered;
        }
        return rendered;
    }

    /** A placeholder for a value bound at each call, typed like {@code column}. */
    public static <T> Param<T> bind(Field<T> column) {
        return DSL.param(MARK + NAMES.incrementAndGet(), column.getDataType());
    }

    /** A query whose rows are {@code table}'s records; it must select exactly that table's fields. */
    public static Compiled select(Table<?> table, ResultQuery<?> query) {
        return new Compiled(query, table.fields());
    }

    /** A query whose rows hold {@code fields}, in that order. */
    public static Compiled select(ResultQuery<?> query, Field<?>... fields) {
        return new Compiled(query, fields);
    }

    /** An INSERT, UPDATE or DELETE. */
    public static Compiled statement(Query query) {
        return new Compiled(query, new Field<?>[0]);
    }

    /**
     * Constants of the query (a {@code + 1}, a {@code LIMIT 1}) are inlined and only {@link #bind} placeholders
     * become {@code ?}, numbered in the order they appear in the text.
     */
    private static String render(Engine engine, Query query) {
        String named = engine.renderer().renderNamedOrInlinedParams(query);
        String sql = MARKED.matcher(named).replaceAll("?");
        if (sql.contains(MARK)) {
            throw new IllegalStateException("a placeholder was not rendered as a parameter: " + named);
        }
        return sql;
    }

    /** The rows, as records of the fields it was compiled with (get values with {@code record.get(field)}). */
    public List<Record> fetch(DSLContext dsl, Object... values) {
        return rows(dsl, values, () -> dsl.newRecord(fields));
    }

    /** The rows as {@code table}'s records; {@code table} must be the one it was compiled with. */
    public <R extends Record> List<R> fetchInto(DSLContext dsl, Table<R> table, Object... values) {
        return rows(dsl, values, () -> dsl.newRecord(table));
    }

    private <R extends Record> List<R> rows(DSLContext dsl, Object[] values, Supplier<R> newRecord) {
        return run(dsl, ps -> {
            bind(ps, values);
            List<R> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    R r = newRecord.get();
                    for (int i = 0; i < fields.length; i++) {
                        set(r, fields[i], rs.getObject(i + 1, fields[i].getType()));
                    }
                    r.changed(false);
                    rows.add(r);
                }
            }
            return rows;
        });
    }

    /** Takes one row of a JDBC result, read by column index. */
    public interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Hands each row to {@code reader} straight from JDBC, with no jOOQ record: for reads of many rows, or hot
     * ones, that go to the API's records (a record per row was 40 % of loading a world of 10,000 locations).
     */
    public void forEachRow(DSLContext dsl, RowReader reader, Object... values) {
        run(dsl, ps -> {
            bind(ps, values);
            readAll(ps, reader);
            return null;
        });
    }

    /**
     * {@link #forEachRow} for a query built for this one call (its condition varies), rendered now with its
     * values bound.
     */
    public static void forEachRow(DSLContext dsl, ResultQuery<?> query, RowReader reader) {
        new Compiled(dsl.render(query), new Field<?>[0]).forEachRow(dsl, reader, dsl.extractBindValues(query).toArray());
    }

    private static void readAll(PreparedStatement ps, RowReader reader) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }

    /** Runs the statement; returns how many rows it changed. */
    public int execute(DSLContext dsl, Object... values) {
        return run(dsl, ps -> {
            bind(ps, values);
            return ps.executeUpdate();
        });
    }

    /** Runs the statement once for each row of values, as one JDBC batch. */
    public void executeAll(DSLContext dsl, List<Object[]> rows) {
        if (rows.size() == 1) {
            execute(dsl, rows.get(0));
            return;
        }
        run(dsl, ps -> {
            for (Object[] values : rows) {
                bind(ps, values);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(Record r, Field<T> field, Object value) {
        r.set(field, (T) value);
    }

    private interface Work<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    /**
     * Straight through JDBC, on the connection of the caller's transaction: jOOQ's plain-SQL path still parsed
     * the text and built an execute context on every call, a fifth of an append's time.
     */
    private <T> T run(DSLContext dsl, Work<T> work) {
        String text = sql(Engine.of(dsl));
        return dsl.connectionResult(c -> {
            try (PreparedStatement ps = c.prepareStatement(text)) {
                return work.run(ps);
            } catch (SQLException e) {
                throw new DataAccessException("SQL [" + text + "]; " + e.getMessage(), e);
            }
        });
    }
}
