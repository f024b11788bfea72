package io.cardshark.worlds.testing;

import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.internal.engine.StoreEngine;

import java.lang.reflect.Field;

/** What a test of the internals reaches behind a store's front door. */
public final class Internals {

    private Internals() {
    }

    /** The store's engine, for tests that drive its transactions or the indexer directly. */
    public static StoreEngine engine(WorldStore store) {
        try {
            Field engine = WorldStore.class.getDeclaredField("engine");
            engine.setAccessible(true);
            return (StoreEngine) engine.get(store);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
