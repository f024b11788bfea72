package io.cardshark.worlds;

import java.time.Instant;
import java.util.Optional;

/**
 * A recorded event.
 *
 * @param worldId      the world it happened in
 * @param eventId      its id (the name of {@code events/{eventId}.json})
 * @param definitionId the definition it fired from, or {@code null}
 * @param locationId   where it happened, or {@code null}
 * @param trigger      what triggered it, or {@code null}
 * @param timestamp    epoch milliseconds when the record has an integer {@code timestamp}, else {@code null}
 * @param outcome      the {@code outcome} value as JSON text, or {@code null} when absent
 * @param document     the whole record as JSON, every key in its order
 */
public record WorldEvent(String worldId, String eventId, String definitionId, String locationId, String trigger,
                         Long timestamp, String outcome, String document) {

    /**
     * When it happened.
     *
     * @return the instant of {@link #timestamp()}; empty when the record has no integer timestamp
     */
    public Optional<Instant> occurredAt() {
        return timestamp == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(timestamp));
    }
}
