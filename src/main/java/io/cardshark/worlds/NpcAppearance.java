package io.cardshark.worlds;

/**
 * Where a character card appears as an NPC ({@link Locations#whereNpcAppears}).
 *
 * @param worldId      the world of the location
 * @param locationId   the location whose NPCs name the card
 * @param locationName the location's name, for showing without another read
 */
public record NpcAppearance(String worldId, String locationId, String locationName) {
}
