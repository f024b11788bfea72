package io.cardshark.worlds;

/** Where a character card appears as an NPC. */
public record NpcAppearance(String worldId, String locationId, String locationName) {
}
