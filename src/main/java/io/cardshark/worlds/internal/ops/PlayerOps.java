package io.cardshark.worlds.internal.ops;

import io.cardshark.worlds.internal.engine.Access;
import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.PlayerState;
import io.cardshark.worlds.Players;
import io.cardshark.worlds.Visit;
import io.cardshark.worlds.internal.db.tables.records.PlayerStateRecord;

import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.cardshark.worlds.internal.db.Tables.PLAYER_STATE;
import static io.cardshark.worlds.internal.db.Tables.VISIT;
import static io.cardshark.worlds.internal.db.Tables.WORLD;

/** {@link Players} over the world, visit and player_state tables. */
public final class PlayerOps implements Players {

    /** Locks the world and sets its position, in one statement. */
    private static final Compiled MOVE = WorldLocks.lockSetting(WORLD.CURRENT_POSITION);
    /**
     * The world's last visit. Not MAX(seq): H2 computes that by reading every visit of the world, while this
     * walks the primary key backwards from the world's end and stops at the first row, so a move costs the
     * same after a million visits as after ten.
     */
    private static final Compiled LAST_VISIT = Compiled.select(DSL.select(VISIT.SEQ).from(VISIT)
            .where(VISIT.WORLD_ID.eq(Compiled.bind(VISIT.WORLD_ID)))
            .orderBy(VISIT.WORLD_ID.desc(), VISIT.SEQ.desc()).limit(1), VISIT.SEQ);
    private static final Compiled ADD_VISIT = Compiled.statement(DSL.insertInto(VISIT, VISIT.WORLD_ID, VISIT.SEQ, VISIT.POSITION)
            .values(Compiled.bind(VISIT.WORLD_ID), Compiled.bind(VISIT.SEQ), Compiled.bind(VISIT.POSITION)));

    private final Access access;

    public PlayerOps(Access access) {
        this.access = access;
    }

    @Override
    public void move(String worldId, Coordinates to) {
        if (to == null) {
            throw new InvalidInputException(worldId, "world " + worldId + ": move: coordinates must be set");
        }
        moveAll(worldId, List.of(to));
    }

    @Override
    public void moveAll(String worldId, List<Coordinates> path) {
        Checks.worldId(worldId);
        if (path == null || path.isEmpty() || path.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException(worldId, "world " + worldId + ": move: expected one or more coordinates");
        }
        access.write(worldId, dsl -> {
            WorldLocks.requireLocked(MOVE.execute(dsl, WorldLocks.now(), path.get(path.size() - 1).key(), worldId), worldId);
            // The world lock is held, so no other writer can take the same sequence numbers.
            Integer last = LAST_VISIT.fetch(dsl, worldId).stream().findFirst().map(r -> r.get(VISIT.SEQ)).orElse(null);
            int seq = last == null ? 0 : last + 1;
            List<Object[]> visits = new ArrayList<>(path.size());
            for (Coordinates c : path) {
                visits.add(new Object[] {worldId, seq++, c.key()});
            }
            ADD_VISIT.executeAll(dsl, visits);
            WorldOps.ensureStateKeys(dsl, worldId, "current_position", "visited_positions");
            return null;
        });
    }

    @Override
    public Optional<Coordinates> position(String worldId) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> {
            var row = dsl.select(WORLD.CURRENT_POSITION).from(WORLD).where(WORLD.ID.eq(worldId)).fetchOptional();
            if (row.isEmpty()) {
                WorldLocks.requireWorld(dsl, worldId);
            }
            String position = row.get().value1();
            return Coordinates.parse(position == null ? "0,0,0" : position);
        });
    }

    @Override
    public List<Visit> visits(String worldId) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> {
            WorldLocks.requireWorld(dsl, worldId);
            return dsl.select(VISIT.SEQ, VISIT.POSITION).from(VISIT).where(VISIT.WORLD_ID.eq(worldId))
                    .orderBy(VISIT.SEQ).fetch(r -> new Visit(r.value1(), r.value2()));
        });
    }

    @Override
    public PlayerState state(String worldId) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> {
            WorldLocks.requireWorld(dsl, worldId);
            PlayerStateRecord p = dsl.selectFrom(PLAYER_STATE).where(PLAYER_STATE.WORLD_ID.eq(worldId)).fetchOne();
            if (p == null) {
                return PlayerState.DEFAULT;
            }
            PlayerState d = PlayerState.DEFAULT;
            return new PlayerState(orDefault(p.getHealth(), d.health()), orDefault(p.getStamina(), d.stamina()),
                    orDefault(p.getLevel(), d.level()), orDefault(p.getExperience(), d.experience()));
        });
    }

    @Override
    public void update(String worldId, PlayerState state) {
        Checks.worldId(worldId);
        if (state == null) {
            throw new InvalidInputException(worldId, "world " + worldId + ": player: expected a player state, found null");
        }
        access.write(worldId, dsl -> {
            WorldLocks.lockForWrite(dsl, worldId);
            PlayerStateRecord p = dsl.selectFrom(PLAYER_STATE).where(PLAYER_STATE.WORLD_ID.eq(worldId)).fetchOne();
            if (p == null) {
                p = dsl.newRecord(PLAYER_STATE);
                p.setWorldId(worldId);
                p.setKeyOrder(Documents.keyOrder(ModelFields.PLAYER));
                WorldOps.ensureStateKeys(dsl, worldId, "player");
                p.setHealth(state.health());
                p.setStamina(state.stamina());
                p.setLevel(state.level());
                p.setExperience(state.experience());
            } else {
                // Only the stats this call changes are written (format spec §3.4): a changed one keeps its key's
                // position, or goes last when its key was absent; an unchanged one keeps its key (or its absence)
                // and its exact token; unknown keys stay where they were.
                PlayerState d = PlayerState.DEFAULT;
                Residual residual = Residual.of(p.getKeyOrder(), p.getExtras());
                long health = orDefault(p.getHealth(), d.health());
                if (health != state.health()) {
                    residual.field("health", true, state.health() == d.health());
                    p.setHealth(state.health());
                }
                long stamina = orDefault(p.getStamina(), d.stamina());
                if (stamina != state.stamina()) {
                    residual.field("stamina", true, state.stamina() == d.stamina());
                    p.setStamina(state.stamina());
                }
                long level = orDefault(p.getLevel(), d.level());
                if (level != state.level()) {
                    residual.field("level", true, state.level() == d.level());
                    p.setLevel(state.level());
                }
                long experience = orDefault(p.getExperience(), d.experience());
                if (experience != state.experience()) {
                    residual.field("experience", true, state.experience() == d.experience());
                    p.setExperience(state.experience());
                }
                p.setKeyOrder(residual.keyOrder());
                p.setExtras(residual.extras());
            }
            p.store();
            return null;
        });
    }

    private static long orDefault(Long value, long fallback) {
        return value == null ? fallback : value;
    }
}
