package io.cardshark.worlds.internal.ops;

import io.cardshark.worlds.internal.rows.WorldKeys;
import io.cardshark.worlds.internal.doc.Residual;
import io.cardshark.worlds.internal.doc.ModelFields;
import io.cardshark.worlds.internal.doc.KeyOrders;
import io.cardshark.worlds.internal.engine.Access;
import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.PlayerState;
import io.cardshark.worlds.Players;
import io.cardshark.worlds.Visit;
import io.cardshark.worlds.internal.db.tables.records.PlayerStateRecord;
import io.cardshark.worlds.internal.merge.PlayerMerge;
import io.cardshark.worlds.internal.rows.PlayerRows;
import io.cardshark.worlds.internal.rows.VisitRows;
import io.cardshark.worlds.internal.rows.WorldRows;

import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.cardshark.worlds.internal.db.Tables.PLAYER_STATE;
import static io.cardshark.worlds.internal.db.Tables.VISIT;
import static io.cardshark.worlds.internal.db.Tables.WORLD;

/** {@link Players} over the world, visit and player_state tables. */
public final class PlayerOps implements Players {

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
            WorldRows.lockAndMove(dsl, worldId, path.get(path.size() - 1).key());
            VisitRows.append(dsl, worldId, path.stream().map(Coordinates::key).toList());
            WorldRows.addStateKeys(dsl, worldId, "current_position", "visited_positions");
            return null;
        });
    }

    @Override
    public Optional<Coordinates> position(String worldId) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> {
            var row = dsl.select(WORLD.CURRENT_POSITION).from(WORLD).where(WORLD.ID.eq(worldId)).fetchOptional();
            if (row.isEmpty()) {
                WorldRows.requireWorld(dsl, worldId);
            }
            String position = row.get().value1();
            return Coordinates.parse(position == null ? "0,0,0" : position);
        });
    }

    @Override
    public List<Visit> visits(String worldId) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> {
            WorldRows.requireWorld(dsl, worldId);
            return dsl.select(VISIT.SEQ, VISIT.POSITION).from(VISIT).where(VISIT.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)))
                    .orderBy(VISIT.SEQ).fetch(r -> new Visit(r.value1(), r.value2()));
        });
    }

    @Override
    public PlayerState state(String worldId) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> {
            WorldRows.requireWorld(dsl, worldId);
            return PlayerMerge.state(PlayerRows.read(dsl, worldId).orElse(null));
        });
    }

    @Override
    public void update(String worldId, PlayerState state) {
        Checks.worldId(worldId);
        if (state == null) {
            throw new InvalidInputException(worldId, "world " + worldId + ": player: expected a player state, found null");
        }
        access.write(worldId, dsl -> {
            WorldRows.lock(dsl, worldId);
            Optional<PlayerStateRecord> stored = PlayerRows.read(dsl, worldId);
            PlayerStateRecord row = PlayerMerge.merge(stored.orElse(null), state);
            if (stored.isPresent()) {
                PlayerRows.update(dsl, worldId, row);
            } else {
                PlayerRows.insert(dsl, worldId, row);
                WorldRows.addStateKeys(dsl, worldId, "player");
            }
            return null;
        });
    }
}
