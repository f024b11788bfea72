package io.cardshark.worlds.internal.merge;

import io.cardshark.worlds.PlayerState;
import io.cardshark.worlds.internal.db.tables.records.PlayerStateRecord;
import io.cardshark.worlds.internal.doc.KeyOrders;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge of an update of the player's stats with the stored row, without a store (format §3.4). */
class PlayerMergeTest {

    @Test
    void aNewRowHasTheFourStatsInTheModelsOrder() {
        PlayerStateRecord p = PlayerMerge.merge(null, new PlayerState(90, 100, 1, 0));
        assertThat(KeyOrders.keyOrder(p.getKeyOrder())).containsExactly("health", "stamina", "level", "experience");
        assertThat(List.of(p.getHealth(), p.getStamina(), p.getLevel(), p.getExperience())).containsExactly(90L, 100L, 1L, 0L);
    }

    @Test
    void onlyChangedStatsAreWrittenAndAnAbsentOneAppearsOnlyWhenItDiffersFromItsDefault() {
        PlayerStateRecord stored = new PlayerStateRecord();
        stored.setHealth(null);           // absent: reads as 100
        stored.setStamina(55L);
        stored.setLevel(null);
        stored.setExperience(null);
        stored.setKeyOrder(KeyOrders.keyOrder(List.of("mood", "stamina")));
        stored.setExtras("{\"mood\": \"calm\", \"stamina\": 55.0}");

        PlayerStateRecord same = PlayerMerge.merge(stored, new PlayerState(100, 55, 1, 0));
        assertThat(KeyOrders.keyOrder(same.getKeyOrder())).containsExactly("mood", "stamina");
        assertThat(same.getExtras()).as("an unchanged stat keeps its exact token").isEqualTo("{\"mood\": \"calm\", \"stamina\": 55.0}");
        assertThat(same.getHealth()).isNull();

        PlayerStateRecord changed = PlayerMerge.merge(stored, new PlayerState(40, 60, 1, 0));
        assertThat(KeyOrders.keyOrder(changed.getKeyOrder())).containsExactly("mood", "stamina", "health");
        assertThat(changed.getExtras()).as("a changed stat drops its stored token").isEqualTo("{\"mood\": \"calm\"}");
        assertThat(List.of(changed.getHealth(), changed.getStamina())).containsExactly(40L, 60L);
        assertThat(changed.getLevel()).isNull();
    }

    @Test
    void theStateReadsDefaultsForAbsentStats() {
        PlayerStateRecord stored = new PlayerStateRecord();
        stored.setLevel(4L);
        assertThat(PlayerMerge.state(stored)).isEqualTo(new PlayerState(100, 100, 4, 0));
        assertThat(PlayerMerge.state(null)).isEqualTo(PlayerState.DEFAULT);
    }
}
