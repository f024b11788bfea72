package io.cardshark.worlds.internal.ops;

import org.jooq.DSLContext;

/**
 * Called inside the transaction of a step that destroys a world's data (deleting it, replacing it by
 * import), before the data goes, with that transaction's view of the world. A failure aborts the step.
 */
@FunctionalInterface
public interface BeforeDestroy {

    BeforeDestroy NOTHING = (dsl, worldId, reason) -> {
    };

    void run(DSLContext dsl, String worldId, String reason);
}
