package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.internal.rows.FileRows;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonStyle;
import org.jooq.DSLContext;

import java.util.Optional;

/**
 * Records how each imported JSON document was formatted (format spec §9.3): the style that reproduces
 * its bytes, or, when none does, the bytes themselves, so the {@code cardshark} export can give them back.
 * They are written under the import's world key at once, before the world's row exists ({@link WorldImporter}).
 */
final class OriginalBytes {

    private final DSLContext dsl;
    private final long worldKey;

    OriginalBytes(DSLContext dsl, long worldKey) {
        this.dsl = dsl;
        this.worldKey = worldKey;
    }

    /** The style's stored form, or {@code null} after keeping the original bytes. */
    String styleOf(String path, byte[] content, Json parsed, boolean preferAsciiFalse) {
        Optional<JsonStyle> style = JsonStyle.detect(content, parsed, preferAsciiFalse);
        if (style.isPresent()) {
            return style.get().asString();
        }
        FileRows.putOriginal(dsl, worldKey, path, content);
        return null;
    }
}
