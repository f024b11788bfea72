package io.cardshark.worlds;

/**
 * An event that happened, to record ({@code events/{eventId}.json}).
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
}
