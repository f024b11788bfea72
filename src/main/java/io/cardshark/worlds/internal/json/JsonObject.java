package io.cardshark.worlds.internal.json;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A JSON object: unique keys in their original order, with constant-time lookup.
 *
 * <p>A class rather than a record because it keeps a private index; it is immutable all the same. Key order
 * is part of equality ({@code {"a":1,"b":2}} differs from {@code {"b":2,"a":1}}) because it is part of the
 * file that must be reproduced.
 */
public final class JsonObject implements Json {

    public static final JsonObject EMPTY = new JsonObject(new LinkedHashMap<>());

    // A LinkedHashMap is both the ordered member list and the lookup index; it is never exposed mutable.
    private final Map<String, Json> members;

    private JsonObject(LinkedHashMap<String, Json> owned) {
        this.members = Collections.unmodifiableMap(owned);
    }

    /** Takes ownership of a map the caller built and will not touch again (the reader's path, no copy). */
    static JsonObject adopt(LinkedHashMap<String, Json> owned) {
        return new JsonObject(owned);
    }

    /** A copy of {@code members} in its iteration order. */
    public static JsonObject of(Map<String, ? extends Json> members) {
        LinkedHashMap<String, Json> copy = new LinkedHashMap<>();
        members.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
        return new JsonObject(copy);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value under {@code key}; Java {@code null} when the key is absent, {@link JsonNull} when it holds null. */
    public Json get(String key) {
        return members.get(key);
    }

    public boolean has(String key) {
        return members.containsKey(key);
    }

    /** The first of {@code keys}, in the order given, that this object holds as a string; {@code null} when none. */
    public String firstString(String... keys) {
        for (String key : keys) {
            if (members.get(key) instanceof JsonString s) {
                return s.value();
            }
        }
        return null;
    }

    /** The keys in order (an unmodifiable view). */
    public Set<String> keys() {
        return members.keySet();
    }

    /** The members in order (an unmodifiable view). */
    public Map<String, Json> asMap() {
        return members;
    }

    public int size() {
        return members.size();
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** A copy with {@code key} set: an existing key keeps its position, a new key goes last (as in Python). */
    public JsonObject with(String key, Json value) {
        LinkedHashMap<String, Json> copy = new LinkedHashMap<>(members);
        copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new JsonObject(copy);
    }

    /** A copy without {@code key}; this object itself when the key is absent. */
    public JsonObject without(String key) {
        if (!members.containsKey(key)) {
            return this;
        }
        LinkedHashMap<String, Json> copy = new LinkedHashMap<>(members);
        copy.remove(key);
        return new JsonObject(copy);
    }

    @Override
    public String describe() {
        return "an object";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JsonObject other) || other.members.size() != members.size()) {
            return false;
        }
        // Map.equals ignores order; compare the members pairwise instead. Values are compared directly, not
        // through Map.Entry.equals, to spend one stack frame per nesting level (values may nest 1000 deep).
        Iterator<Map.Entry<String, Json>> theirs = other.members.entrySet().iterator();
        for (Map.Entry<String, Json> mine : members.entrySet()) {
            Map.Entry<String, Json> their = theirs.next();
            if (!mine.getKey().equals(their.getKey()) || !mine.getValue().equals(their.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Map.Entry<String, Json> e : members.entrySet()) {
            h = 31 * h + (e.getKey().hashCode() ^ e.getValue().hashCode());
        }
        return h;
    }

    @Override
    public String toString() {
        return "JsonObject" + members;
    }

    /** Collects members in order; a repeated key is a programming error here, as it is invalid in a file. */
    public static final class Builder {
        private LinkedHashMap<String, Json> members = new LinkedHashMap<>();
        /** Whether a built object owns {@link #members}: the next put works on a copy. */
        private boolean handedOver;

        private Builder() {
        }

        public Builder put(String key, Json value) {
            Objects.requireNonNull(key, "key");
            if (handedOver) {
                members = new LinkedHashMap<>(members);
                handedOver = false;
            }
            if (members.putIfAbsent(key, Objects.requireNonNull(value, "value")) != null) {
                throw new IllegalArgumentException("duplicate key \"" + key + "\"");
            }
            return this;
        }

        public JsonObject build() {
            // The map is copied only if the builder goes on (most are built once: a copy per message of a batch).
            handedOver = true;
            return new JsonObject(members);
        }
    }
}
