package io.cardshark.worlds;

import java.util.List;

/**
 * An event a location can raise ({@code Location.events}): a definition, not a record of it happening
 * (that is a {@link WorldEvent}).
 *
 * @param id          its id, which a {@link NewEvent#definitionId()} names when it fires
 * @param trigger     what raises it: {@code enter}, {@code look}, {@code timer}, ...
 * @param description what happens
 * @param conditions  the conditions it needs, in order; {@code null} when the definition has none
 * @param cooldown    seconds, or {@code null}
 */
public record EventDefinition(String id, String trigger, String description, List<String> conditions, Long cooldown) {

    /**
     * Makes a definition; the conditions are copied, and {@code null} stays apart from an empty list.
     *
     * @param id          its id
     * @param trigger     what raises it
     * @param description what happens
     * @param conditions  the conditions it needs, or {@code null} for none
     * @param cooldown    seconds, or {@code null}
     */
    public EventDefinition {
        conditions = conditions == null ? null : List.copyOf(conditions);
    }
}
