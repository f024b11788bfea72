package io.cardshark.worlds.internal.rows;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One set-based {@code INSERT ... SELECT} that copies a world's rows of one table to another world, inside the
 * database: a branch of a million messages never passes through Java. Each table's writer calls it for its own
 * table, so a table keeps its one writer.
 */
final class WorldCopy {

    private WorldCopy() {
    }

    /**
     * Copies the rows of {@code table} whose {@code worldColumn} (the world's key; in {@code WORLD} its id) is
     * {@code from}, with {@code to} in that column and the values of {@code replaced} in theirs; columns in
     * {@code omitted} are left to their defaults.
     */
    static <T> int copy(DSLContext dsl, Table<?> table, Field<T> worldColumn, T from, T to,
                        Map<Field<?>, Field<?>> replaced, List<Field<?>> omitted) {
        List<Field<?>> columns = new ArrayList<>();
        List<Field<?>> values = new ArrayList<>();
        for (Field<?> f : table.fields()) {
            if (omitted.contains(f)) {
                continue;
            }
            columns.add(f);
            values.add(f.equals(worldColumn) ? DSL.val(to, worldColumn) : replaced.getOrDefault(f, f));
        }
        return dsl.insertInto(table).columns(columns)
                .select(DSL.select(values).from(table).where(worldColumn.eq(from))).execute();
    }

    /** {@link #copy} from one world's key to another's, every other column copied as it is. */
    static int copy(DSLContext dsl, Table<?> table, Field<Long> worldColumn, String from, String to) {
        return copy(dsl, table, worldColumn, WorldKeys.of(dsl, from), WorldKeys.of(dsl, to), Map.of(), List.of());
    }
}
