package io.cardshark.worlds;

import java.util.Optional;

/**
 * The store's own named settings ({@code STORE_SETTING}): which world is active, the versions that wrote
 * the store. Names are at most 400 characters, values at most 4000.
 */
public interface StoreSettings {

    Optional<String> get(String name);

    void put(String name, String value);
}
