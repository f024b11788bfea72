package io.cardshark.worlds.testing;

import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonNumber;
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
 */
public record GenChat(Kind kind, String chatId, String path, JsonObject header, List<JsonObject> messages,
                      JsonObject document, GenStyle style, boolean crlf, int blankAfter) {

    /** The kind of chat file: canonical JSONL (§5.1), or a {@code .json} document of shape A or B (§5.2). */
    public enum Kind { JSONL, A, B }

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
            line(out, messages.get(i));
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

    /** §5.3: the location value, a non-empty string from location_id, metadata.location_id, chat_metadata.location_id. */
    public String locationValue() {
        for (String path : List.of("location_id", "metadata.location_id", "chat_metadata.location_id")) {
            if (at(header, path) instanceof JsonString s) {
                return s.value().isEmpty() ? null : s.value();
            }
        }
        return null;
    }

    /** §5.3: the first string or number among title, metadata.title, chat_metadata.title. */
    public String expectedTitle() {
        for (String path : List.of("title", "metadata.title", "chat_metadata.title")) {
            Json v = at(header, path);
            if (v instanceof JsonString s) {
                return s.value();
            }
            if (v instanceof JsonNumber n) {
                return n.token();
            }
        }
        return null;
    }

    /** §5.3: the first string or number of the lookup, as JSON text ({@code "…"} quoted, or the token). */
    public String expectedTimeText(List<String> lookup) {
        for (String path : lookup) {
            Json v = at(header, path);
            if (v instanceof JsonString || v instanceof JsonNumber) {
                return JsonWriter.toCompactString(v);
            }
        }
        return null;
    }

    /** §5.1: the chat-level object, "chat_id" first when the lookup would not yield the id, then the messages. */
    public byte[] expectedJsonl() {
        JsonObject head = header;
        if (!chatId.equals(lookupChatId(header))) {
            JsonObject.Builder b = JsonObject.builder().put("chat_id", new JsonString(chatId));
            header.asMap().forEach((k, v) -> {
                if (!k.equals("chat_id")) {
                    b.put(k, v);
                }
            });
            head = b.build();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(JsonWriter.toBytes(head, JsonStyle.JSONL_LINE));
        messages.forEach(m -> out.writeBytes(JsonWriter.toBytes(m, JsonStyle.JSONL_LINE)));
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
                b.put("messages", new JsonArray(new ArrayList<>(messages)));
                placed = true;
            }
        }
        if (!placed) {
            b.put("messages", new JsonArray(new ArrayList<>(messages)));
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
                + "\n      header: " + head + "\n      " + messages.size() + " messages");
        for (int i = 0; i < Math.min(3, messages.size()); i++) {
            b.append("\n        ").append(JsonWriter.toCompactString(messages.get(i)));
        }
        if (messages.size() > 3) {
            b.append("\n        …");
        }
        return b.toString();
    }

    /** §5.3: the first string among header chat_id, id, metadata.chat_id, chat_metadata.chat_id. */
    public static String lookupChatId(JsonObject header) {
        for (String path : List.of("chat_id", "id", "metadata.chat_id", "chat_metadata.chat_id")) {
            Json v = at(header, path);
            if (v instanceof JsonString s) {
                return s.value();
            }
        }
        return null;
    }

    static Json at(JsonObject o, String dotted) {
        int dot = dotted.indexOf('.');
        if (dot < 0) {
            return o.get(dotted);
        }
        return o.get(dotted.substring(0, dot)) instanceof JsonObject inner ? inner.get(dotted.substring(dot + 1)) : null;
    }

    private static String quoted(String s) {
        return JsonWriter.quote(s, true);
    }
}
