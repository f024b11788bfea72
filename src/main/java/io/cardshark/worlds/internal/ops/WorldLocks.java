package io.cardshark.worlds.internal.ops;

import io.cardshark.worlds.ConcurrentUpdateException;
import io.cardshark.worlds.NotFoundException;
import io.cardshark.worlds.internal.db.tables.records.WorldRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static io.cardshark.worlds.internal.db.Tables.WORLD;

/**
 * Serialises the writers of one world. Every write first bumps the world's row version; the row lock
 * that update takes is held until commit, so a second writer of the same world waits for the first and
 * then sees its changes (no lost update), while writers of other worlds never wait.
 */
final class WorldLocks {

    private WorldLocks() {
    }

    private static final Compiled LOCK = Compiled.statement(lockingUpdate().where(WORLD.ID.eq(Compiled.bind(WORLD.ID))));
    private static final Compiled EXISTS = Compiled.select(DSL.selectOne().from(WORLD)
            .where(WORLD.ID.eq(Compiled.bind(WORLD.ID))));

    /** Locks the world for this transaction and records the change. @throws NotFoundException when absent */
    static void lockForWrite(DSLContext dsl, String worldId) {
        requireLocked(LOCK.execute(dsl, now(), worldId), worldId);
    }

    /** The update every lock of the world makes: a new row version and modification time. */
    private static UpdateSetMoreStep<WorldRecord> lockingUpdate() {
        return DSL.update(WORLD)
                .set(WORLD.ROW_VERSION, WORLD.ROW_VERSION.plus(1))
                .set(WORLD.MODIFIED_AT, Compiled.bind(WORLD.MODIFIED_AT));
    }

    /**
     * A statement that locks the world as {@link #lockForWrite} does and sets {@code column} of the world row
     * too. Run it with the time ({@link #now}), the value and the world id; check it with {@link #requireLocked}.
     */
    static <T> Compiled lockSetting(Field<T> column) {
        return Compiled.statement(lockingUpdate().set(column, Compiled.bind(column))
                .where(WORLD.ID.eq(Compiled.bind(WORLD.ID))));
    }

    /**
     * Checks the row count of a {@link #lockSetting} statement. @throws NotFoundException when it changed nothing
     */
    static void requireLocked(int updated, String worldId) {
        if (updated == 0) {
            throw new NotFoundException(worldId, "world " + worldId + " does not exist");
        }
    }

    /** Like {@link #lockForWrite}, but only if the world is still at the version the caller read. */
    static void lockForWrite(DSLContext dsl, String worldId, long expectedRowVersion) {
        int updated = dsl.update(WORLD)
                .set(WORLD.ROW_VERSION, WORLD.ROW_VERSION.plus(1))
                .set(WORLD.MODIFIED_AT, now())
                .where(WORLD.ID.eq(worldId).and(WORLD.ROW_VERSION.eq(expectedRowVersion)))
                .execute();
        if (updated == 0) {
            Long actual = dsl.select(WORLD.ROW_VERSION).from(WORLD).where(WORLD.ID.eq(worldId)).fetchOne(WORLD.ROW_VERSION);
            if (actual == null) {
                throw new NotFoundException(worldId, "world " + worldId + " does not exist");
            }
            throw new ConcurrentUpdateException(worldId, "world " + worldId + ": expected row version "
                    + expectedRowVersion + " but it is " + actual + "; another writer changed it, re-read and retry");
        }
    }

    /** Fails unless the world exists; for reads. */
    static void requireWorld(DSLContext dsl, String worldId) {
        if (EXISTS.fetch(dsl, worldId).isEmpty()) {
            throw new NotFoundException(worldId, "world " + worldId + " does not exist");
        }
    }

    static OffsetDateTime now() {
        // Millisecond precision, as the columns store it, so a returned World equals the one read back.
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
