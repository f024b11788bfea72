package io.cardshark.worlds.internal.ops;

import io.cardshark.worlds.AlreadyExistsException;
import io.cardshark.worlds.CopyResult;
import io.cardshark.worlds.WorldStoreException;
import io.cardshark.worlds.internal.engine.StoreEngine;
import io.cardshark.worlds.internal.rows.BranchRows;
import io.cardshark.worlds.internal.rows.ChatRows;
import io.cardshark.worlds.internal.rows.EventRows;
import io.cardshark.worlds.internal.rows.FileRows;
import io.cardshark.worlds.internal.rows.LocationRows;
import io.cardshark.worlds.internal.rows.MessageRows;
import io.cardshark.worlds.internal.rows.MetadataRows;
import io.cardshark.worlds.internal.rows.PlayerRows;
import io.cardshark.worlds.internal.rows.VisitRows;
import io.cardshark.worlds.internal.rows.WorldRows;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

import static io.cardshark.worlds.internal.db.Tables.WORLD;

/**
 * Copies worlds from one store into another, on the same engine or another: each world's rows as they are, read
 * in one snapshot of the source and written in one transaction of the target, so that a world arrives whole or
 * not at all and its export from either store is the same bytes. Worlds go one at a time, in the order of their
 * ids; one refused does not stop the others.
 */
public final class StoreCopier {

    private static final Logger log = LoggerFactory.getLogger(StoreCopier.class);

    private final StoreEngine source;
    private final StoreEngine target;
    private final BeforeDestroy beforeReplacing;

    /**
     * @param beforeReplacing what the target does before a world of it is destroyed (its snapshot), run
     *                        in the replacing transaction
     */
    public StoreCopier(StoreEngine source, StoreEngine target, BeforeDestroy beforeReplacing) {
        this.source = source;
        this.target = target;
        this.beforeReplacing = beforeReplacing;
    }

    /** Copies every world of the source; {@code replace} replaces a world the target has, else it is refused. */
    public List<CopyResult> copyAll(boolean replace) {
        List<String> ids = source.transaction(null, tx -> tx.read(null,
                dsl -> dsl.select(WORLD.ID).from(WORLD).orderBy(WORLD.ID).fetch(WORLD.ID)));
        List<CopyResult> results = new ArrayList<>();
        for (String id : ids) {
            try {
                results.add(copy(id, replace));
            } catch (WorldStoreException e) {
                log.warn("world {}: not copied: {}", id, e.getMessage());
                results.add(new CopyResult(id, false, false, 0, 0, e.getMessage()));
            }
        }
        return results;
    }

    private CopyResult copy(String worldId, boolean replace) {
        return source.snapshot(worldId, read -> target.ownTransactions().writeAlone(worldId,
                write -> copyRows(read.dsl(), write, worldId, replace)));
    }

    private CopyResult copyRows(DSLContext from, DSLContext to, String worldId, boolean replace) {
        boolean replacing = to.fetchExists(WORLD, WORLD.ID.eq(worldId));
        if (replacing) {
            if (!replace) {
                throw new AlreadyExistsException(worldId, "world " + worldId + " is in the target store already; "
                        + "copy with replace to replace it");
            }
            WorldRows.lock(to, worldId);
            beforeReplacing.run(to, worldId, "pre-copy");
            BranchRows.worldDeleted(to, worldId);
            WorldRows.delete(to, worldId);
        }
        long rows = WorldRows.copyAcross(from, to, worldId) + MetadataRows.copyAcross(from, to, worldId)
                + LocationRows.copyAcross(from, to, worldId) + VisitRows.copyAcross(from, to, worldId)
                + PlayerRows.copyAcross(from, to, worldId) + ChatRows.copyAcross(from, to, worldId);
        long messages = MessageRows.copyAcross(from, to, worldId);
        rows += messages + EventRows.copyAcross(from, to, worldId) + FileRows.copyAcross(from, to, worldId)
                + BranchRows.copyAcross(from, to, worldId);
        log.info("world {}: copied, {} rows of which {} messages{}", worldId, rows, messages,
                replacing ? ", replacing the one there" : "");
        return new CopyResult(worldId, true, replacing, messages, rows, null);
    }
}
