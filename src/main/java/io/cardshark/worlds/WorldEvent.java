package io.cardshark.worlds;

/**
 * A recorded event.
 *
 * @param timestamp epoch milliseconds when the record has an integer {@code timestamp}, else {@code null}
 * @param outcome   the {@code outcome} value as JSON text, or {@code null} when absent
 * @param document  the whole record as JSON, every key in its order
 */
public record WorldEvent(String worldId, String eventId, String definitionId, String locationId, String trigger,
                         Long timestamp, String outcome, String document) {
}
