package io.cardshark.worlds.internal.rows;

import io.cardshark.worlds.internal.doc.MetadataDocuments;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

import static io.cardshark.worlds.internal.db.Tables.WORLD_METADATA;

/**
 * The one writer of {@code WORLD_METADATA}: a world's metadata documents, the state's {@code metadata}
 * object ({@link #STATE}) and {@code metadata.json} ({@link #FILE}), with the columns lists read from them.
 */
public final class MetadataRows {

    public static final String STATE = "STATE";
    public static final String FILE = "FILE";

    private MetadataRows() {
    }

    /**
     * Stores a metadata document and the columns lists and lookups read from it. A document that replaces one
     * keeps the style it was imported in, so a {@code cardshark} export still writes it that way.
     */
    public static void put(DSLContext dsl, String worldId, String source, String document) {
        merge(dsl, worldId, source, document, Map.of());
    }

    /** Stores an imported metadata document with the style it was read in ({@code null}: its bytes were kept). */
    public static void put(DSLContext dsl, String worldId, String source, String document, String style) {
        Map<Field<?>, Object> styled = new HashMap<>();
        styled.put(WORLD_METADATA.STYLE, style);
        merge(dsl, worldId, source, document, styled);
    }

    private static void merge(DSLContext dsl, String worldId, String source, String document,
                              Map<Field<?>, Object> more) {
        MetadataDocuments.MetadataFields fields = MetadataDocuments.metadataFields(document);
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(WORLD_METADATA.DOCUMENT, document);
        columns.put(WORLD_METADATA.NAME, fields.name());
        columns.put(WORLD_METADATA.VERSION, fields.version());
        columns.put(WORLD_METADATA.LAST_MODIFIED, fields.lastModified());
        columns.put(WORLD_METADATA.CREATED_AT, fields.createdAt());
        columns.putAll(more);
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        row.put(WORLD_METADATA.WORLD_KEY, WorldKeys.of(dsl, worldId));
        row.put(WORLD_METADATA.SOURCE, source);
        row.putAll(columns);
        dsl.mergeInto(WORLD_METADATA)
                .using(DSL.selectOne())
                .on(WORLD_METADATA.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)), WORLD_METADATA.SOURCE.eq(source))
                .whenMatchedThenUpdate().set(columns)
                .whenNotMatchedThenInsert(row.keySet()).values(row.values())
                .execute();
    }

    /** The stored document, or {@code null}. */
    public static String document(DSLContext dsl, String worldId, String source) {
        return dsl.select(WORLD_METADATA.DOCUMENT).from(WORLD_METADATA)
                .where(WORLD_METADATA.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)), WORLD_METADATA.SOURCE.eq(source))
                .fetchOne(WORLD_METADATA.DOCUMENT);
    }

    /** Deletes both of the world's metadata documents; {@link WorldRows#delete} calls this. */
    static void deleteWorld(DSLContext dsl, long worldKey) {
        WorldRows.deleteRowsOf(dsl, worldKey, WORLD_METADATA.WORLD_KEY);
    }

    /** A branch: both metadata documents, copied inside the database (the caller then gives the copy its name). */
    public static void copyWorld(DSLContext dsl, String from, String to) {
        WorldCopy.copy(dsl, WORLD_METADATA, WORLD_METADATA.WORLD_KEY, from, to);
    }

    /** A copy between stores ({@code copy}): the world's rows of {@code WORLD_METADATA}, as they are, into another store's database. */
    public static long copyAcross(DSLContext from, DSLContext to, String worldId) {
        return Across.copyWorld(from, to, WORLD_METADATA, WORLD_METADATA.WORLD_KEY, worldId,
                List.of(WORLD_METADATA.SOURCE.asc()));
    }
}
