package io.cardshark.worlds;

import java.util.List;

/**
 * An event a location can raise ({@code Location.events}): a definition, not a record of it happening.
 *
 * @param conditions {@code null} when the definition has none
 * @param cooldown   seconds, or {@code null}
 */
public record EventDefinition(String id, String trigger, String description, List<String> conditions, Long cooldown) {
    public EventDefinition {
        conditions = conditions == null ? null : List.copyOf(conditions);
    }
}
