package io.cardshark.worlds.internal.merge;

import io.cardshark.worlds.PlayerState;
import io.cardshark.worlds.internal.db.tables.records.PlayerStateRecord;
import io.cardshark.worlds.internal.doc.KeyOrders;
import io.cardshark.worlds.internal.doc.ModelFields;
import io.cardshark.worlds.internal.doc.Residual;

/**
 * What an API update makes of the player's stats: a pure function of the row as stored (or none) and the new
 * stats. Only the stats the update changes are written (format §3.4): a changed one keeps its key's position,
 * or goes last when its key was absent; an unchanged one keeps its key (or its absence) and its exact token;
 * unknown keys stay where they were.
 */
public final class PlayerMerge {

    private PlayerMerge() {
    }

    /** The stats as the API shows them: the stored ones, CardShark's defaults where a stat is absent. */
    public static PlayerState state(PlayerStateRecord p) {
        PlayerState d = PlayerState.DEFAULT;
        return p == null ? d : new PlayerState(orDefault(p.getHealth(), d.health()), orDefault(p.getStamina(), d.stamina()),
                orDefault(p.getLevel(), d.level()), orDefault(p.getExperience(), d.experience()));
    }

    /** The row to store for {@code after}, given the stored one ({@code null}: the world has none yet). */
    public static PlayerStateRecord merge(PlayerStateRecord before, PlayerState after) {
        PlayerStateRecord p = new PlayerStateRecord();
        if (before == null) {
            p.setKeyOrder(KeyOrders.keyOrder(ModelFields.PLAYER));
            p.setHealth(after.health());
            p.setStamina(after.stamina());
            p.setLevel(after.level());
            p.setExperience(after.experience());
            return p;
        }
        PlayerState was = state(before);
        PlayerState d = PlayerState.DEFAULT;
        Residual residual = Residual.of(before.getKeyOrder(), before.getExtras());
        residual.field("health", was.health() != after.health(), after.health() == d.health());
        residual.field("stamina", was.stamina() != after.stamina(), after.stamina() == d.stamina());
        residual.field("level", was.level() != after.level(), after.level() == d.level());
        residual.field("experience", was.experience() != after.experience(), after.experience() == d.experience());
        p.setHealth(was.health() != after.health() ? Long.valueOf(after.health()) : before.getHealth());
        p.setStamina(was.stamina() != after.stamina() ? Long.valueOf(after.stamina()) : before.getStamina());
        p.setLevel(was.level() != after.level() ? Long.valueOf(after.level()) : before.getLevel());
        p.setExperience(was.experience() != after.experience() ? Long.valueOf(after.experience()) : before.getExperience());
        p.setKeyOrder(residual.keyOrder());
        p.setExtras(residual.extras());
        return p;
    }

    private static long orDefault(Long value, long fallback) {
        return value == null ? fallback : value;
    }
}
