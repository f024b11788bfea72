package io.cardshark.worlds.internal.ops;

import io.cardshark.worlds.internal.rows.SettingRows;
import io.cardshark.worlds.internal.engine.Access;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.StoreSettings;

import org.jooq.impl.DSL;

import java.util.Optional;
import java.util.Set;

import static io.cardshark.worlds.internal.db.Tables.STORE_SETTING;

/** {@link StoreSettings} over the store_setting table. */
public final class SettingOps implements StoreSettings {

    private final Access access;

    public SettingOps(Access access) {
        this.access = access;
    }

    @Override
    public Optional<String> get(String name) {
        Checks.nonEmpty(null, "setting name", name, 400);
        return access.read(null, dsl -> SettingRows.get(dsl, name));
    }

    /**
     * Settings the store writes itself when it opens ({@code StoreOpener}): they say which
     * schema and H2 wrote the file, for {@code info} and for people reading a store they did not make. A
     * caller's value would be a lie until the next open, so they are read-only here.
     */
    static final Set<String> RESERVED = Set.of("schema.version", "h2.version", "postgresql.version");

    @Override
    public void put(String name, String value) {
        Checks.nonEmpty(null, "setting name", name, 400);
        if (RESERVED.contains(name)) {
            throw new InvalidInputException(null, "setting " + name + ": the store keeps this setting itself; "
                    + "choose another name");
        }
        Checks.required(null, "setting " + name, value, 4000);
        access.write(null, dsl -> {
            SettingRows.put(dsl, name, value);
            return null;
        });
    }
}
