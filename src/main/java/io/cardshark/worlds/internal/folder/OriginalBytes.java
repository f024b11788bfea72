package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.internal.rows.FileRows;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonStyle;
import org.jooq.DSLContext;

import java.util.Optional;

import static io.cardshark.worlds.internal.db.Tables.WORLD_ORIGINAL;

/**
 * Records how each imported JSON document was formatted (format spec §9.3): the style that reproduces
 * its bytes, or, when none does, the bytes themselves, so the {@code cardshark} export can give them back.
 */
final class OriginalBytes {

    private final DSLContext dsl;
    private final String worldId;
    /** Originals found before the world row exists (the state's own), written by {@link #worldCreated()}. */
    private final java.util.Map<String, byte[]> early = new java.util.LinkedHashMap<>();
    private boolean worldExists;

    OriginalBytes(DSLContext dsl, String worldId) {
        this.dsl = dsl;
        this.worldId = worldId;
    }

    /** The style's stored form, or {@code null} after keeping the original bytes. */
    String styleOf(String path, byte[] content, Json parsed, boolean preferAsciiFalse) {
        Optional<JsonStyle> style = JsonStyle.detect(content, parsed, preferAsciiFalse);
        if (style.isPresent()) {
            return style.get().asString();
        }
        if (worldExists) {
            insert(path, content);
        } else {
            early.put(path, content);
        }
        return null;
    }

    /** The world row exists now: keep what was found before it. */
    void worldCreated() {
        worldExists = true;
        early.forEach(this::insert);
        early.clear();
    }

    private void insert(String path, byte[] content) {
        FileRows.putOriginal(dsl, worldId, path, content);
    }
}
