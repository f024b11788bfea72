package io.cardshark.worlds;

import java.util.List;

/** Records of events that happened in a world, with their outcomes. */
public interface Events {

    /** Records an event. @throws AlreadyExistsException when the world has an event with that id */
    WorldEvent record(String worldId, NewEvent event);

    WorldEvent get(String worldId, String eventId);

    /** Events at a location, oldest first. */
    List<WorldEvent> atLocation(String worldId, String locationId);

    /** Events with a trigger, oldest first. */
    List<WorldEvent> withTrigger(String worldId, String trigger);

    /** Events whose timestamp lies in {@code [fromMillis, toMillis)}, oldest first. */
    List<WorldEvent> between(String worldId, long fromMillis, long toMillis);
}
