package io.cardshark.worlds;

import java.util.List;

/**
 * Records of events that happened in a world, with their outcomes ({@code events/{id}.json} in a world
 * folder); the events a location can raise are {@link EventDefinition}s of the location instead. Reach it
 * through {@link WorldOperations#events()}. Lists are ordered by time, oldest first, then by id, records
 * without a time last. Every call fails with {@link NotFoundException} when the world does not exist; the
 * failures every call can meet are listed in the {@linkplain io.cardshark.worlds package summary}.
 */
public interface Events {

    /**
     * Records an event.
     *
     * @param worldId the world's id
     * @param event   what happened; its id and time are made by the store when it names none
     * @return the stored record
     * @throws AlreadyExistsException when the world has an event with that id
     * @throws NotFoundException      when there is no such world
     * @throws InvalidInputException  when the event id is not a path-safe name of at most 250 UTF-8 bytes, or
     *                                the outcome is not JSON
     */
    WorldEvent record(String worldId, NewEvent event);

    /**
     * The event with this id.
     *
     * @param worldId the world's id
     * @param eventId the event's id within the world
     * @return the record
     * @throws NotFoundException when the world or the event does not exist
     */
    WorldEvent get(String worldId, String eventId);

    /**
     * Events at a location.
     *
     * @param worldId    the world's id
     * @param locationId the location's id, compared exactly; it need not name an existing location
     * @return the events there; empty when there are none
     * @throws NotFoundException when there is no such world
     */
    List<WorldEvent> atLocation(String worldId, String locationId);

    /**
     * Events with a trigger.
     *
     * @param worldId the world's id
     * @param trigger the trigger ({@code enter}, {@code look}, ...), compared exactly
     * @return the events it triggered; empty when there are none
     * @throws NotFoundException when there is no such world
     */
    List<WorldEvent> withTrigger(String worldId, String trigger);

    /**
     * Events whose timestamp lies in {@code [fromMillis, toMillis)}; records without a timestamp never match.
     *
     * @param worldId    the world's id
     * @param fromMillis the start, epoch milliseconds, included
     * @param toMillis   the end, epoch milliseconds, excluded
     * @return the events in that span; empty when there are none
     * @throws NotFoundException     when there is no such world
     * @throws InvalidInputException when {@code fromMillis} is after {@code toMillis}
     */
    List<WorldEvent> between(String worldId, long fromMillis, long toMillis);
}
