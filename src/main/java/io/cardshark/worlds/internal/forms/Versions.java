package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.internal.json.JsonNumber;

import java.util.List;

/**
 * The version check every form shares: a version the converter was not written for is refused, naming the
 * field, the value found and the versions supported, rather than guessed at.
 */
final class Versions {

    private Versions() {
    }

    /** The version token at {@code v} (an integer as written), refused unless it is one of {@code supported}. */
    static String require(Node v, String field, List<String> supported) {
        if (v.isAbsent()) {
            throw v.problem("no " + field + "; supported: " + String.join(", ", supported));
        }
        String found = v.value() instanceof JsonNumber n ? n.token() : Node.describe(v.value());
        if (!supported.contains(found)) {
            throw v.problem(field + " " + found + " is not supported; supported: " + String.join(", ", supported));
        }
        return found;
    }
}
