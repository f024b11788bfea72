package io.cardshark.worlds.internal.json;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 6901 JSON pointer, the position that import errors name ({@code /locations/0,0,0/location_id},
 * format §10.3). Immutable; {@link #toString()} is the pointer text.
 *
 * @param text the pointer: empty for the whole document, else {@code /}-separated escaped tokens
 */
public record JsonPointer(String text) {

    /** The whole document. */
    public static final JsonPointer ROOT = new JsonPointer("");

    public JsonPointer {
        if (!text.isEmpty() && text.charAt(0) != '/') {
            throw new IllegalArgumentException("a JSON pointer starts with '/': \"" + text + "\"");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '~' && (i + 1 == text.length() || "01".indexOf(text.charAt(i + 1)) < 0)) {
                throw new IllegalArgumentException("'~' not followed by 0 or 1 in JSON pointer \"" + text + "\"");
            }
        }
    }

    /** A pointer from unescaped tokens: {@code of("locations", "0,0,0")} is {@code /locations/0,0,0}. */
    public static JsonPointer of(String... tokens) {
        JsonPointer p = ROOT;
        for (String token : tokens) {
            p = p.child(token);
        }
        return p;
    }

    /** Escapes one reference token: {@code ~} becomes {@code ~0}, then {@code /} becomes {@code ~1}. */
    public static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** This pointer extended by an object key. */
    public JsonPointer child(String key) {
        return new JsonPointer(text + '/' + escape(key));
    }

    /** This pointer extended by an array index. */
    public JsonPointer child(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative array index " + index);
        }
        return new JsonPointer(text + '/' + index);
    }

    /** The unescaped tokens, in order ({@code ~1} is decoded before {@code ~0}, as RFC 6901 §4 requires). */
    public List<String> tokens() {
        List<String> tokens = new ArrayList<>();
        if (text.isEmpty()) {
            return tokens;
        }
        for (String raw : text.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    @Override
    public String toString() {
        return text;
    }
}
