package io.cardshark.worlds.internal.doc;

import io.cardshark.worlds.internal.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The key order and extras of one stored object while the API changes it (format spec §3.4): a field the
 * call changes keeps its key's position, or goes last when its key was absent and the new value reads
 * differently from absence; a field the call leaves as it was is not touched, so an absent key stays absent,
 * an explicit {@code null} stays {@code null}, and a value the extras hold verbatim (a token no column can
 * carry, or a field the object's kind does not model) is kept. Unknown keys are kept in place.
 */
public final class Residual {

    private final List<String> order;
    private JsonObject extras;

    private Residual(List<String> order, JsonObject extras) {
        this.order = order;
        this.extras = extras;
    }

    /** The residual of a stored object: its key order and extras in their stored forms. */
    public static Residual of(String keyOrder, String extras) {
        return new Residual(new ArrayList<>(KeyOrders.keyOrder(keyOrder)),
                extras == null ? JsonObject.EMPTY : StoredJson.parseObject(extras));
    }

    /** The residual of a new object with these keys and no extras. */
    public static Residual fresh(List<String> keys) {
        return new Residual(new ArrayList<>(keys), JsonObject.EMPTY);
    }

    public boolean has(String key) {
        return order.contains(key);
    }

    /**
     * Records what the call does to one known field.
     *
     * @param changed        whether the new value differs from the one the store answered before
     * @param readsAsAbsent  whether the new value is what an absent key reads as (its default)
     */
    public void field(String key, boolean changed, boolean readsAsAbsent) {
        if (!changed) {
            return;
        }
        extras = extras.without(key);
        if (!order.contains(key) && !readsAsAbsent) {
            order.add(key);
        }
    }

    public String keyOrder() {
        return KeyOrders.keyOrder(order);
    }

    /** The extras in their stored form, {@code null} when none are left. */
    public String extras() {
        return extras.isEmpty() ? null : StoredJson.compact(extras);
    }
}
