package io.cardshark.worlds.internal.doc;

import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;

/** The metadata documents of a world (the state's {@code metadata}, {@code metadata.json}): made, read, changed. */
public final class MetadataDocuments {

    private MetadataDocuments() {
    }

    /** What lists and lookups read from a metadata document, each {@code null} when absent or of another type. */
    public record MetadataFields(String name, String version, Long lastModified, Long createdAt) {
    }

    public static MetadataFields metadataFields(String document) {
        JsonObject o = StoredJson.parseObject(document);
        return new MetadataFields(StoredJson.stringMember(o, "name"), StoredJson.stringMember(o, "version"),
                StoredJson.longMember(o, "last_modified"), StoredJson.longMember(o, "created_at"));
    }

    /** {@code {"version": "1.0", "created_at": s, "last_modified": s, "name": display}} (format spec §3.4). */
    public static String newWorldMetadata(String displayName, long epochSeconds) {
        return StoredJson.compact(JsonObject.EMPTY
                .with("version", new JsonString("1.0"))
                .with("created_at", JsonNumber.of(epochSeconds))
                .with("last_modified", JsonNumber.of(epochSeconds))
                .with("name", new JsonString(displayName)));
    }

    public static String withName(String document, String displayName) {
        return StoredJson.compact(StoredJson.parseObject(document).with("name", new JsonString(displayName)));
    }

    /** Sets {@code last_modified} where the document has one, as CardShark's manager does on every save. */
    public static String touchLastModified(String document, long epochSeconds) {
        JsonObject o = StoredJson.parseObject(document);
        return o.has("last_modified") ? StoredJson.compact(o.with("last_modified", JsonNumber.of(epochSeconds))) : document;
    }
}
