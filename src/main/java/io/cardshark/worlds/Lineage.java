package io.cardshark.worlds;

import java.time.Instant;

/**
 * Where a branch came from ({@link Worlds#branch}): the world it was copied from, when, and with what label.
 *
 * @param worldId       the branch
 * @param parentId      the world it was copied from
 * @param parentName    that world's display name when the branch was made (kept: the parent may be gone)
 * @param parentDeleted whether the parent has been deleted since; its branches stay
 * @param branchedAt    when the copy was made: the branch holds the parent as of that moment
 * @param label         the label given when branching, or {@code null}
 */
public record Lineage(String worldId, String parentId, String parentName, boolean parentDeleted, Instant branchedAt,
                      String label) {
}
