package io.cardshark.worlds.internal.rows;

import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Copies a world's rows of one table from one store's database into another's, as they are: the way a store
 * moves between engines ({@code copy}), where no {@code INSERT ... SELECT} reaches across. Rows are read
 * through a cursor in the source's transaction and written in JDBC batches in the target's, so a world of a
 * million messages passes in a flat heap. Each table's writer calls it for its own table ({@code copyAcross}),
 * so a table keeps its one writer; the rows were its writer's when the source store wrote them.
 */
final class Across {

    private static final int BATCH = 1000;

    private Across() {
    }

    /**
     * Copies the rows of {@code table} that {@code which} selects in {@code from}, in {@code order}, into the same
     * table of {@code to}; a column of {@code replaced} gets the value its function gives for the row, and the
     * columns of {@code omitted} are left to their defaults (an identity). Returns how many rows it copied.
     */
    static long copy(DSLContext from, DSLContext to, Table<?> table, Condition which, List<SortField<?>> order,
                     Map<Field<?>, java.util.function.Function<Record, Object>> replaced, List<Field<?>> omitted) {
        List<Field<?>> columns = new ArrayList<>();
        for (Field<?> f : table.fields()) {
            if (!omitted.contains(f)) {
                columns.add(f);
            }
        }
        String insert = to.render(DSL.insertInto(table).columns(columns)
                .values(columns.stream().map(f -> (Field<?>) DSL.param(f.getName(), f.getDataType())).toList()));
        long n = 0;
        try (Cursor<? extends Record> rows = from.select(columns).from(table).where(which).orderBy(order)
                .fetchSize(BATCH).fetchLazy();
             StatementBatch batch = new StatementBatch(to, insert, "copying " + table.getName().toLowerCase(), BATCH)) {
            for (Record row : rows) {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    var change = replaced.get(columns.get(i));
                    values[i] = change != null ? change.apply(row) : row.get(i);
                }
                batch.add(values);
                n++;
            }
            batch.send();
        }
        return n;
    }

    /**
     * {@link #copy} of the rows of one world, every column as it is but the world's key ({@code worldColumn}): the
     * target's world row, copied first, has a key of its own there.
     */
    static long copyWorld(DSLContext from, DSLContext to, Table<?> table, Field<Long> worldColumn, String worldId,
                          List<SortField<?>> order) {
        long keyThere = WorldKeys.of(to, worldId);
        return copy(from, to, table, worldColumn.eq(WorldKeys.of(from, worldId)), order,
                Map.of(worldColumn, row -> keyThere), List.of());
    }
}
