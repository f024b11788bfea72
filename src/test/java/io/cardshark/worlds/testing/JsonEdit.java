package io.cardshark.worlds.testing;

import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Sets one value deep inside an immutable JSON value, for building variants of the samples in tests. */
public final class JsonEdit {

    private JsonEdit() {
    }

    /** A copy of {@code root} with {@code value} at {@code path} (object keys and array indexes). */
    public static Json put(Json root, Json value, Object... path) {
        if (path.length == 0) {
            return value;
        }
        Object step = path[0];
        Object[] rest = Arrays.copyOfRange(path, 1, path.length);
        if (step instanceof Integer i) {
            List<Json> elements = new ArrayList<>(((JsonArray) root).elements());
            elements.set(i, put(elements.get(i), value, rest));
            return new JsonArray(elements);
        }
        JsonObject object = (JsonObject) root;
        Json child = object.get((String) step);
        return object.with((String) step, rest.length == 0 ? value : put(child, value, rest));
    }

    public static JsonObject putObject(JsonObject root, Json value, Object... path) {
        return (JsonObject) put(root, value, path);
    }
}
