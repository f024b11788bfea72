package io.cardshark.worlds.internal.rows;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;

/**
 * An INSERT of every column of one table, rendered once ({@link Compiled}), for rows held in the table's
 * generated records. Every column is sent, so a column the record leaves unset is NULL, not its default: the
 * writers set every column whose default matters. An identity column the database numbers is left out.
 */
final class TableInsert<R extends TableRecord<R>> {

    private final Compiled insert;
    private final List<Field<?>> fields;

    /** An insert of every column of {@code table} but {@code numbered}, which the database fills. */
    TableInsert(Table<R> table, Field<?>... numbered) {
        this.fields = new ArrayList<>(List.of(table.fields()));
        fields.removeAll(List.of(numbered));
        List<Param<?>> values = new ArrayList<>(fields.size());
        for (Field<?> f : fields) {
            values.add(Compiled.bind(f));
        }
        this.insert = Compiled.statement(DSL.insertInto(table).columns(fields).values(values));
    }

    /** Inserts the rows, as one JDBC batch. */
    void insert(DSLContext dsl, List<R> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> values = new ArrayList<>(rows.size());
        for (R r : rows) {
            Object[] row = new Object[fields.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = r.get(fields.get(i));
            }
            values.add(row);
        }
        insert.executeAll(dsl, values);
    }

    void insert(DSLContext dsl, R row) {
        insert(dsl, List.of(row));
    }
}
