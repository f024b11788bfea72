package io.cardshark.worlds.internal.doc;

import io.cardshark.worlds.internal.doc.KeyOrders;
import io.cardshark.worlds.internal.doc.StoredJson;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonBool;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Splits an object into what typed columns hold and what they cannot (the lossless rule of the schema),
 * and puts it back together: {@code KEY_ORDER} lists every key as read, {@code EXTRAS} holds unknown keys
 * and known keys whose exact value a column cannot carry (an integer written {@code -0}, say).
 */
public final class ObjectLayout {

    /** Key order and extras, in their stored (text) forms; extras {@code null} when empty. */
    public record Split(String keyOrder, String extras) {
    }

    private ObjectLayout() {
    }

    public static Split split(JsonObject o, Set<String> columnKeys, Predicate<String> columnCarries) {
        List<String> order = new ArrayList<>(o.keys());
        JsonObject extras = JsonObject.EMPTY;
        for (Map.Entry<String, Json> e : o.asMap().entrySet()) {
            if (!columnKeys.contains(e.getKey()) || !columnCarries.test(e.getKey())) {
                extras = extras.with(e.getKey(), e.getValue());
            }
        }
        return new Split(KeyOrders.keyOrder(order), extras.isEmpty() ? null : StoredJson.compact(extras));
    }

    /** Rebuilds the object: each key in order, from extras when there, else from its column. */
    public static JsonObject assemble(String keyOrder, String extras, Function<String, Json> column) {
        return assemble(KeyOrders.keyOrder(keyOrder), extras, column);
    }

    /** {@link #assemble(String, String, Function)} with the key order already read from its stored form. */
    public static JsonObject assemble(List<String> keyOrder, String extras, Function<String, Json> column) {
        JsonObject stored = extras == null ? JsonObject.EMPTY : StoredJson.parseObject(extras);
        JsonObject.Builder b = JsonObject.builder();
        for (String key : keyOrder) {
            Json value = stored.has(key) ? stored.get(key) : column.apply(key);
            b.put(key, value == null ? JsonNull.INSTANCE : value);
        }
        return b.build();
    }

    // ---- what a column can carry exactly ---------------------------------------------------------

    /** An integer a BIGINT column gives back with the same token. */
    public static boolean exactLong(Json v) {
        if (v instanceof JsonNumber n && n.isInteger()) {
            try {
                return Long.toString(n.longValueExact()).equals(n.token());
            } catch (ArithmeticException e) {
                return false;
            }
        }
        return false;
    }

    public static String text(Json v) {
        return v instanceof JsonString s ? s.value() : null;
    }

    /**
     * The value for a BIGINT column: any integer token that fits ({@code -0} reads as 0; its token is kept in
     * the extras by {@link #exactLong}), else {@code null}.
     */
    public static Long integer(Json v) {
        if (v instanceof JsonNumber n && n.isInteger()) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return null;
            }
        }
        return null;
    }

    public static Boolean bool(Json v) {
        return v instanceof JsonBool b ? b.value() : null;
    }

    public static Json string(String s) {
        return s == null ? JsonNull.INSTANCE : new JsonString(s);
    }

    public static Json number(Long n) {
        return n == null ? JsonNull.INSTANCE : JsonNumber.of(n);
    }

    public static Json bool(Boolean b) {
        return b == null ? JsonNull.INSTANCE : JsonBool.of(b);
    }
}
