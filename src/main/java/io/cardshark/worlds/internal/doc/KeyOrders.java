package io.cardshark.worlds.internal.doc;

import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The key lists the tables keep ({@code KEY_ORDER}: every key of an object as read) and the extras they keep
 * beside them ({@code EXTRAS}), in their stored forms.
 */
public final class KeyOrders {

    private KeyOrders() {
    }

    public static String keyOrder(List<String> keys) {
        List<Json> items = new ArrayList<>(keys.size());
        for (String k : keys) {
            items.add(new JsonString(k));
        }
        return StoredJson.compact(new JsonArray(items));
    }

    public static List<String> keyOrder(String stored) {
        return StoredJson.stringList(stored);
    }

    /** {@code order} with each of {@code keys} it lacks appended, in the order given. */
    public static List<String> appendKeys(List<String> order, List<String> keys) {
        LinkedHashSet<String> all = new LinkedHashSet<>(order);
        all.addAll(keys);
        return List.copyOf(all);
    }

    /** The extras object without {@code keys}; {@code null} when nothing is left. */
    public static String withoutKeys(String extras, List<String> keys) {
        if (extras == null) {
            return null;
        }
        JsonObject o = StoredJson.parseObject(extras);
        for (String k : keys) {
            o = o.without(k);
        }
        return o.isEmpty() ? null : StoredJson.compact(o);
    }
}
