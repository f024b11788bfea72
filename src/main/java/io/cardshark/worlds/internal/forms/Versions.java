package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonString;

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
        return check(v, field, supported, v.value() instanceof JsonNumber n ? n.token() : Node.describe(v.value()));
    }

    /** The version string at {@code v} (such as a card's {@code spec_version} "2.0"), refused unless supported. */
    static String requireText(Node v, String field, List<String> supported) {
        return check(v, field, supported, v.value() instanceof JsonString s ? s.value() : Node.describe(v.value()));
    }

    private static String check(Node v, String field, List<String> supported, String found) {
        if (v.isAbsent()) {
            throw v.problem("no " + field + "; supported: " + String.join(", ", supported));
        }
        if (!supported.contains(found)) {
            throw v.problem(field + " " + found + " is not supported; supported: " + String.join(", ", supported));
        }
        return found;
    }
}
