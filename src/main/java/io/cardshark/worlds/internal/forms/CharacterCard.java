package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonSyntaxException;

import java.util.Base64;
import java.util.List;

/**
 * The Character Card JSON that CardShark embeds in a PNG: the text chunk keyed {@code chara} holds the base64
 * (standard alphabet) of the UTF-8 JSON (a151ac3 and dfdeec8 {@code PngMetadataHandler.write_metadata}). World,
 * room and character cards are all such cards; {@code data.extensions.card_type} tells them apart.
 *
 * <p>Only this one encoding is accepted: raw JSON in the chunk, a V3 {@code ccv3} chunk or EXIF metadata, which
 * CardShark's reader would also try, are refused, as CardShark's writers never produce them for worlds. Two
 * {@code chara} chunks are refused as ambiguous. The decoded JSON is bounded by {@link #MAX_JSON_BYTES} (checked
 * on the base64 length, before decoding) and parsed strictly, nesting at most {@code JsonReader.MAX_DEPTH} deep.
 */
public final class CharacterCard {

    /** The largest decoded card JSON accepted. */
    public static final int MAX_JSON_BYTES = 16 << 20;

    /** The card types the converters know: world and room cards, and plain character cards (no type). */
    static final List<String> KNOWN_TYPES = List.of("world", "room", "character");

    private final JsonObject json;
    private final Origin origin;

    private CharacterCard(JsonObject json, Origin origin) {
        this.json = json;
        this.origin = origin;
    }

    /** Decodes the card of a PNG, checking the PNG's chunks with the default limits first. */
    public static CharacterCard fromPng(byte[] png, Origin origin) {
        return fromChunks(PngChunks.read(png, origin, PngChunks.Limits.DEFAULT), origin);
    }

    /** Decodes the card held by already walked chunks. */
    public static CharacterCard fromChunks(PngChunks chunks, Origin origin) {
        List<PngChunks.TextChunk> chara = chunks.texts("chara");
        if (chara.isEmpty()) {
            String others = chunks.texts().isEmpty() ? "no text chunks at all"
                    : "text chunks " + chunks.texts().stream().map(t -> "\"" + t.keyword() + "\"").toList();
            throw origin.refuse("no \"chara\" text chunk, so not a character card (" + others + ")");
        }
        if (chara.size() > 1) {
            throw origin.refuse(chara.size() + " \"chara\" text chunks (" + chara.get(0).describe() + ", "
                    + chara.get(1).describe() + "): the card is ambiguous");
        }
        PngChunks.TextChunk chunk = chara.get(0);
        Origin at = origin.part(chunk.describe());
        return new CharacterCard(decode(chunk.text(), at), at);
    }

    /** base64 → bytes → strict UTF-8 JSON → an object. */
    private static JsonObject decode(String base64, Origin at) {
        long maxEncoded = 4L * ((MAX_JSON_BYTES + 2) / 3);
        if (base64.length() > maxEncoded) {
            throw at.refuse("the card text is " + base64.length() + " characters; the limit is " + maxEncoded
                    + " (" + MAX_JSON_BYTES + " decoded bytes)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw at.refuse("the card text is not base64 of the standard alphabet (" + e.getMessage() + ")");
        }
        Json value;
        try {
            value = JsonReader.read(bytes).value();
        } catch (JsonSyntaxException e) {
            throw at.refuse("the decoded card is not valid UTF-8 JSON: " + e.getMessage());
        }
        if (!(value instanceof JsonObject card)) {
            throw at.refuse("the decoded card is " + value.describe() + "; expected a JSON object");
        }
        return card;
    }

    /** The whole card as decoded. */
    public JsonObject json() {
        return json;
    }

    /** The file, entry and chunk the card came from. */
    public Origin origin() {
        return origin;
    }

    Node root() {
        return Node.root(origin, json);
    }

    /** {@code data}, which a V2 card must have. */
    Node data() {
        Node data = root().get("data");
        data.object();
        return data;
    }

    /** {@code data.extensions}, an object (empty when absent or null). */
    Node extensions() {
        Node ext = data().get("extensions");
        if (!ext.isNullOrAbsent()) {
            ext.object();
        }
        return ext;
    }

    /** {@code data.extensions.card_type}, or {@code null} for a plain character card. */
    String cardType() {
        return extensions().get("card_type").stringOrNull();
    }

    /**
     * Refuses a card whose type is not {@code expected} ({@code null}: a plain character card, typed
     * {@code character} or untyped), naming the type found and the types known.
     */
    void requireType(String expected, String role) {
        String type = cardType();
        if (type != null && !KNOWN_TYPES.contains(type)) {
            throw origin.refuse("unknown card_type \"" + type + "\"; supported: " + KNOWN_TYPES + " (or none for a character)");
        }
        boolean ok = expected == null ? type == null || type.equals("character") : expected.equals(type);
        if (!ok) {
            throw origin.refuse("card_type is " + (type == null ? "absent" : "\"" + type + "\"") + ": not a " + role
                    + " (expected card_type " + (expected == null ? "\"character\" or none" : "\"" + expected + "\"") + ")");
        }
    }

    /** {@code data.character_uuid} (else the top-level copy some writers add), or {@code null}. */
    String characterUuid() {
        String uuid = data().get("character_uuid").stringOrNull();
        return uuid != null ? uuid : root().get("character_uuid").stringOrNull();
    }
}
