package io.cardshark.worlds;

import java.util.Optional;

/**
 * The store's own named settings ({@code STORE_SETTING}): which world is active, the versions that wrote
 * the store. Names are at most 400 characters, values at most 4000. Reach it through
 * {@link WorldOperations#settings()}.
 */
public interface StoreSettings {

    /**
     * The value of a setting.
     *
     * @param name the setting's name
     * @return the value, or empty when the setting was never set
     * @throws InvalidInputException when the name is blank or longer than 400 characters
     */
    Optional<String> get(String name);

    /**
     * Sets a setting, replacing its value. {@code schema.version} and {@code h2.version} are the store's
     * own: it writes them on every open, so a caller's value would be a lie until the next one.
     *
     * @param name  the setting's name
     * @param value its new value
     * @throws InvalidInputException when the name is blank, longer than 400 characters or one the store keeps
     *                               itself, or the value is missing or longer than 4000 characters
     */
    void put(String name, String value);
}
