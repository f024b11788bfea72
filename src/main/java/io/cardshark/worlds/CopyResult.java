package io.cardshark.worlds;

/**
 * What {@link WorldStore#copyWorldsTo} did with one world.
 *
 * @param worldId  the world
 * @param copied   whether it is in the target now, whole
 * @param replaced whether it replaced a world of the same id there
 * @param messages how many chat messages came with it
 * @param rows     how many rows it took, all tables together
 * @param error    why it was not copied (the target left as it was), or {@code null}
 */
public record CopyResult(String worldId, boolean copied, boolean replaced, long messages, long rows, String error) {
}
