package io.cardshark.worlds.internal.rows;

import io.cardshark.worlds.internal.doc.MetadataDocuments;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

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
        MetadataDocuments.MetadataFields fields = MetadataDocuments.metadataFields(document);
        dsl.mergeInto(WORLD_METADATA)
                .using(DSL.selectOne())
                .on(WORLD_METADATA.WORLD_ID.eq(worldId), WORLD_METADATA.SOURCE.eq(source))
                .whenMatchedThenUpdate()
                .set(WORLD_METADATA.DOCUMENT, document)
                .set(WORLD_METADATA.NAME, fields.name())
                .set(WORLD_METADATA.VERSION, fields.version())
                .set(WORLD_METADATA.LAST_MODIFIED, fields.lastModified())
                .set(WORLD_METADATA.CREATED_AT, fields.createdAt())
                .whenNotMatchedThenInsert(WORLD_METADATA.WORLD_ID, WORLD_METADATA.SOURCE, WORLD_METADATA.DOCUMENT,
                        WORLD_METADATA.NAME, WORLD_METADATA.VERSION, WORLD_METADATA.LAST_MODIFIED,
                        WORLD_METADATA.CREATED_AT)
                .values(worldId, source, document, fields.name(), fields.version(), fields.lastModified(),
                        fields.createdAt())
                .execute();
    }

    /** Stores an imported metadata document with the style it was read in ({@code null}: its bytes were kept). */
    public static void put(DSLContext dsl, String worldId, String source, String document, String style) {
        MetadataDocuments.MetadataFields fields = MetadataDocuments.metadataFields(document);
        dsl.mergeInto(WORLD_METADATA)
                .using(DSL.selectOne())
                .on(WORLD_METADATA.WORLD_ID.eq(worldId), WORLD_METADATA.SOURCE.eq(source))
                .whenMatchedThenUpdate()
                .set(WORLD_METADATA.DOCUMENT, document)
                .set(WORLD_METADATA.NAME, fields.name())
                .set(WORLD_METADATA.VERSION, fields.version())
                .set(WORLD_METADATA.LAST_MODIFIED, fields.lastModified())
                .set(WORLD_METADATA.CREATED_AT, fields.createdAt())
                .set(WORLD_METADATA.STYLE, style)
                .whenNotMatchedThenInsert(WORLD_METADATA.WORLD_ID, WORLD_METADATA.SOURCE, WORLD_METADATA.DOCUMENT,
                        WORLD_METADATA.NAME, WORLD_METADATA.VERSION, WORLD_METADATA.LAST_MODIFIED,
                        WORLD_METADATA.CREATED_AT, WORLD_METADATA.STYLE)
                .values(worldId, source, document, fields.name(), fields.version(), fields.lastModified(),
                        fields.createdAt(), style)
                .execute();
    }

    /** The stored document, or {@code null}. */
    public static String document(DSLContext dsl, String worldId, String source) {
        return dsl.select(WORLD_METADATA.DOCUMENT).from(WORLD_METADATA)
                .where(WORLD_METADATA.WORLD_ID.eq(worldId), WORLD_METADATA.SOURCE.eq(source))
                .fetchOne(WORLD_METADATA.DOCUMENT);
    }
}
