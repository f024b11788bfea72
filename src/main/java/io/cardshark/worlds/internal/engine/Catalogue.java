package io.cardshark.worlds.internal.engine;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.result.Row;
import org.h2.value.Value;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * H2's own catalogue of a database file (its {@code SYS} table: one {@code CREATE ...} statement per
 * object), read and pruned straight from the file through H2's storage layer, without H2 opening the
 * database.
 *
 * <p>Why not simply open it: opening runs code the file carries. H2 re-creates every object from these
 * statements, and a trigger is loaded (its Java source compiled and run) and a linked table connects to
 * its URL while the database opens, before any query could look. So a store file from elsewhere is read
 * here first ({@link SchemaGuard}). The file must not be open in any process: the store lock is held.
 */
final class Catalogue {

    /** H2's object types ({@code DbObject}), as the catalogue records them. */
    static final int TABLE_OR_VIEW = 0, INDEX = 1, USER = 2, SEQUENCE = 3, TRIGGER = 4, CONSTRAINT = 5,
            SETTING = 6, ROLE = 7, RIGHT = 8, FUNCTION_ALIAS = 9, SCHEMA = 10, CONSTANT = 11, DOMAIN = 12,
            COMMENT = 13, AGGREGATE = 14, SYNONYM = 15;

    /** One catalogue row: the object's id, its type and the statement that re-creates it. */
    record Entry(int id, int type, String sql) {
    }

    private static final String SYS_MAP = "table.0";

    private Catalogue() {
    }

    /** Every entry of the catalogue of {@code databaseFile}. */
    static List<Entry> read(String databaseFile) {
        List<Entry> entries = withMap(databaseFile, true, SYS_MAP, map -> {
            List<Entry> list = new ArrayList<>();
            for (Iterator<Long> keys = map.keyIterator(null); keys.hasNext(); ) {
                Value[] v = map.get(keys.next()).getValueList();
                list.add(new Entry(v[0].getInt(), v[2].getInt(), v[3].getString()));
            }
            return list;
        });
        return entries == null ? List.of() : entries;
    }

    /**
     * The rows of the table whose catalogue id is {@code tableId}, each as its column values in order. For
     * small tables only (the schema history): every row is held in memory.
     */
    static List<Value[]> rows(String databaseFile, int tableId) {
        List<Value[]> rows = withMap(databaseFile, true, "table." + tableId, map -> {
            List<Value[]> list = new ArrayList<>();
            for (Iterator<Long> keys = map.keyIterator(null); keys.hasNext(); ) {
                list.add(map.get(keys.next()).getValueList());
            }
            return list;
        });
        return rows == null ? List.of() : rows;
    }

    /** Removes the entries with these ids from the catalogue, in one commit; their objects are gone when H2 next opens the file. */
    static void remove(String databaseFile, Collection<Integer> ids) {
        withMap(databaseFile, false, SYS_MAP, map -> {
            List<Long> keys = new ArrayList<>();
            for (Iterator<Long> it = map.keyIterator(null); it.hasNext(); ) {
                Long key = it.next();
                if (ids.contains(map.get(key).getValue(0).getInt())) {
                    keys.add(key);
                }
            }
            keys.forEach(map::remove);
            return null;
        });
    }

    private static <T> T withMap(String databaseFile, boolean readOnly, String mapName,
                                 Function<TransactionMap<Long, Row>, T> work) {
        MVStore.Builder builder = new MVStore.Builder().fileName(databaseFile);
        if (readOnly) {
            builder.readOnly();
        }
        try (MVStore mv = builder.open()) {
            TransactionStore store = new TransactionStore(mv, new ValueDataType());
            store.init();
            Transaction tx = store.begin();
            try {
                T result = mv.hasMap(mapName) ? work.apply(tx.openMap(mapName)) : null;
                if (readOnly) {
                    tx.rollback();
                } else {
                    tx.commit();
                }
                return result;
            } catch (RuntimeException e) {
                tx.rollback();
                throw e;
            }
        }
    }
}
