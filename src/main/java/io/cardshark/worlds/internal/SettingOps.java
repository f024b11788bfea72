package io.cardshark.worlds.internal;

import io.cardshark.worlds.StoreSettings;

import java.util.Optional;

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
        return access.read(null, dsl -> dsl.select(STORE_SETTING.SETTING).from(STORE_SETTING)
                .where(STORE_SETTING.NAME.eq(name)).fetchOptional(STORE_SETTING.SETTING));
    }

    @Override
    public void put(String name, String value) {
        Checks.nonEmpty(null, "setting name", name, 400);
        Checks.required(null, "setting " + name, value, 4000);
        access.write(null, dsl -> {
            StoreEngine.putSetting(dsl, name, value);
            return null;
        });
    }
}
