package io.cardshark.worlds.testing;

import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonWriter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A generated chat file (format spec §5): JSONL (header line and message lines, §5.1) or a {@code .json}
 * document of shape A or B (§5.2) with its messages inside, and what the spec says the store makes of it.
 *
 * @param chatId        the chat id §5.3 gives the file: for a {@code .json} chat its file name, for a JSONL chat
 *                      the chat id its header holds or, when it holds none, its file name
 * @param header        the chat-level object: the JSONL header line, or the document without "messages"
 * @param headerNamesId whether the header holds the chat id at a place §5.3 reads it from: a JSONL header
 *                      drawn with its chat id slot filled, a shape-A document's "id", a shape-B document's
 *                      metadata.chat_id
 * @param expected      what the store reads from the header, as the generator put it there
 */
public record GenChat(Kind kind, String chatId, String path, JsonObject header, List<GenMessage> messages,
                      JsonObject document, GenStyle style, boolean crlf, int blankAfter, boolean headerNamesId,
                      Expected expected) {

    /** The kind of chat file: canonical JSONL (§5.1), or a {@code .json} document of shape A or B (§5.2). */
    public enum Kind { JSONL, A, B }

    /**
     * The chat's fields as §5.3 defines them, recorded when the chat was generated: the generator knows which
     * title and times it put at the place §5.3 reads first, and which location value it wrote, if its header
     * has a place for one.
     *
     * @param title        the title, or {@code null} when the header has none
     * @param locationId   the location, or {@code null} when the header has no location value or "" (none)
     * @param created      the created time as JSON text, or {@code null}
     * @param updated      the updated time as JSON text, or {@code null}
     * @param idFile       whether {@code {chatId}.json} is a safe segment (§2), known from the id drawn
     * @param locationFile whether {@code {locationId}_chat.jsonl} is a safe segment (§9.1), known from the
     *                     location id drawn; false without a location
     */
    public record Expected(String title, String locationId, String created, String updated, boolean idFile,
                           boolean locationFile) {
    }

    /** The message objects, in order. */
    public List<JsonObject> documents() {
        return messages.stream().map(GenMessage::document).toList();
    }

    /** .json chats in their format; JSONL by §9.4's line rule, now and then with CRLF or a blank line (§5.1). */
    public byte[] bytes() {
        if (kind != Kind.JSONL) {
            return style.write(document);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line(out, header);
        for (int i = 0; i < messages.size(); i++) {
            if (i == blankAfter) {
                out.writeBytes((crlf ? " \t\r\n" : " \t\n").getBytes(StandardCharsets.US_ASCII));
            }
            line(out, messages.get(i).document());
        }
        return out.toByteArray();
    }

    private void line(ByteArrayOutputStream out, JsonObject o) {
        byte[] b = JsonWriter.toBytes(o, JsonStyle.JSONL_LINE);
        if (crlf) {
            out.write(b, 0, b.length - 1);
            out.write('\r');
            out.write('\n');
        } else {
            out.writeBytes(b);
        }
    }

    /**
     * §5.1: the chat as canonical JSONL: its chat-level object, with {@code "chat_id"} put first when the header
     * does not hold the chat's id (a JSONL header drawn without any chat id), then one line per message.
     */
    public byte[] expectedJsonl() {
        JsonObject head = header;
        if (!headerNamesId) {
            JsonObject.Builder b = JsonObject.builder().put("chat_id", new JsonString(chatId));
            header.asMap().forEach(b::put);
            head = b.build();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(JsonWriter.toBytes(head, JsonStyle.JSONL_LINE));
        messages.forEach(m -> out.writeBytes(JsonWriter.toBytes(m.document(), JsonStyle.JSONL_LINE)));
        return out.toByteArray();
    }

    /** §9.2: "id" = chat id, the header keys in order but chat_id and id, messages after updated (else last). */
    public JsonObject expectedShapeA() {
        JsonObject.Builder b = JsonObject.builder().put("id", new JsonString(chatId));
        boolean placed = false;
        for (Map.Entry<String, Json> e : header.asMap().entrySet()) {
            if (e.getKey().equals("chat_id") || e.getKey().equals("id")) {
                continue;
            }
            b.put(e.getKey(), e.getValue());
            if (e.getKey().equals("updated")) {
                b.put("messages", new JsonArray(new ArrayList<>(documents())));
                placed = true;
            }
        }
        if (!placed) {
            b.put("messages", new JsonArray(new ArrayList<>(documents())));
        }
        return b.build();
    }

    @Override
    public String toString() {
        String head = kind == Kind.JSONL ? JsonWriter.toCompactString(header)
                : JsonWriter.toCompactString(document.without("messages"));
        StringBuilder b = new StringBuilder(kind + " " + path + " id=" + quoted(chatId)
                + (kind == Kind.JSONL ? (crlf ? " CRLF" : "") + (blankAfter >= 0 ? " blank line before message " + blankAfter : "")
                : " " + style)
                + "\n      header: " + head + (headerNamesId ? "" : " (without the chat id)")
                + "\n      expected: " + expected + "\n      " + messages.size() + " messages");
        for (int i = 0; i < Math.min(3, messages.size()); i++) {
            b.append("\n        ").append(JsonWriter.toCompactString(messages.get(i).document()));
        }
        if (messages.size() > 3) {
            b.append("\n        …");
        }
        return b.toString();
    }

    private static String quoted(String s) {
        return JsonWriter.quote(s, true);
    }
}
