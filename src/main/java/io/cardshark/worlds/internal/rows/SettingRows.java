package io.cardshark.worlds.internal.rows;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Optional;

import static io.cardshark.worlds.internal.db.Tables.STORE_SETTING;

/**
 * The one writer of {@code STORE_SETTING}: the store's own named settings (the versions that wrote it, the
 * active world, session figures, the markers of pending snapshots), for the API, the opener and the snapshots.
 */
public final class SettingRows {

    private SettingRows() {
    }

    public static Optional<String> get(DSLContext dsl, String name) {
        return dsl.select(STORE_SETTING.SETTING).from(STORE_SETTING).where(STORE_SETTING.NAME.eq(name))
                .fetchOptional(STORE_SETTING.SETTING);
    }

    /** The names of the settings that start with {@code prefix}. */
    public static List<String> names(DSLContext dsl, String prefix) {
        return dsl.select(STORE_SETTING.NAME).from(STORE_SETTING).where(STORE_SETTING.NAME.startsWith(prefix))
                .fetch(STORE_SETTING.NAME);
    }

    public static void put(DSLContext dsl, String name, String value) {
        dsl.mergeInto(STORE_SETTING)
                .using(DSL.selectOne())
                .on(STORE_SETTING.NAME.eq(name))
                .whenMatchedThenUpdate().set(STORE_SETTING.SETTING, value)
                .whenNotMatchedThenInsert(STORE_SETTING.NAME, STORE_SETTING.SETTING).values(name, value)
                .execute();
    }

    /** Sets the setting unless it holds {@code value} already, so that an open writes nothing when nothing changed. */
    public static void putIfChanged(DSLContext dsl, String name, String value) {
        if (!get(dsl, name).filter(value::equals).isPresent()) {
            put(dsl, name, value);
        }
    }

    public static void delete(DSLContext dsl, String name) {
        dsl.deleteFrom(STORE_SETTING).where(STORE_SETTING.NAME.eq(name)).execute();
    }

    public static void deleteStartingWith(DSLContext dsl, String prefix) {
        dsl.deleteFrom(STORE_SETTING).where(STORE_SETTING.NAME.startsWith(prefix)).execute();
    }
}
