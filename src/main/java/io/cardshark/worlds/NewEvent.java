package io.cardshark.worlds;

import java.time.Instant;

/**
 * An event that happened, to record ({@code events/{eventId}.json}).
 *
 * <pre>{@code
 * NewEvent.of("enter").atLocation("gate").fromDefinition("evt_gate_creak").withOutcome("{\"opened\": true}")
 * }</pre>
 *
 * @param eventId      a safe file-name segment of at most 250 bytes, or {@code null} for a generated one
 * @param definitionId the {@link EventDefinition#id()} it fired from, or {@code null}
 * @param locationId   where it happened, or {@code null}
 * @param trigger      {@code enter}, {@code look}, {@code timer}, ... or {@code null}
 * @param timestamp    epoch milliseconds, or {@code null} for the store's clock
 * @param outcomeJson  the outcome as any JSON value (text), or {@code null} for none
 */
public record NewEvent(String eventId, String definitionId, String locationId, String trigger, Long timestamp,
                       String outcomeJson) {

    /**
     * An event with a trigger, at no location, now, without an outcome; its id is made by the store.
     *
     * @param trigger what triggered it ({@code enter}, {@code look}, {@code timer}, ...), or {@code null}
     * @return the event to record
     */
    public static NewEvent of(String trigger) {
        return new NewEvent(null, null, null, trigger, null, null);
    }

    /**
     * This event with an id of the caller's choosing.
     *
     * @param newEventId the id, a path-safe name of at most 250 UTF-8 bytes, unique in the world: it names
     *                   the file {@code events/{id}.json}
     * @return a copy with the id
     */
    public NewEvent withId(String newEventId) {
        return new NewEvent(newEventId, definitionId, locationId, trigger, timestamp, outcomeJson);
    }

    /**
     * This event, fired from a location's definition.
     *
     * @param newDefinitionId the {@link EventDefinition#id()} it fired from
     * @return a copy naming the definition
     */
    public NewEvent fromDefinition(String newDefinitionId) {
        return new NewEvent(eventId, newDefinitionId, locationId, trigger, timestamp, outcomeJson);
    }

    /**
     * This event, at a location.
     *
     * @param newLocationId where it happened; it need not name an existing location
     * @return a copy at the location
     */
    public NewEvent atLocation(String newLocationId) {
        return new NewEvent(eventId, definitionId, newLocationId, trigger, timestamp, outcomeJson);
    }

    /**
     * This event, at a time of the caller's.
     *
     * @param when when it happened, kept to the millisecond
     * @return a copy with the time
     */
    public NewEvent at(Instant when) {
        return new NewEvent(eventId, definitionId, locationId, trigger, when.toEpochMilli(), outcomeJson);
    }

    /**
     * This event with an outcome.
     *
     * @param json the outcome, any JSON value as text ({@code "{\"opened\": true}"}, {@code "42"}); it
     *             must parse when the event is recorded
     * @return a copy with the outcome
     */
    public NewEvent withOutcome(String json) {
        return new NewEvent(eventId, definitionId, locationId, trigger, timestamp, json);
    }
}
