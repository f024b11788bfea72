package io.cardshark.worlds.testing;

import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonBool;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonStyle;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.cardshark.worlds.testing.GenJson.*;

/**
 * Generators of chat files (format spec §5): chat times in the three forms CardShark wrote, messages in the
 * design document's, {@code add_message}'s and any shape, JSONL headers of every accepted origin, shape-A
 * and shape-B documents, and a chat as drawn before {@link GenWorlds} gives it its id, file and location.
 */
final class GenChats {

    private GenChats() {
    }

    static final Arbitrary<Json> EPOCH_MILLIS = Arbitraries.longs().between(1_500_000_000_000L, 1_900_000_000_000L)
            .map(s -> (Json) JsonNumber.of(s));

    private static final Arbitrary<String> ISO = Combinators.combine(
            Arbitraries.integers().between(2020, 2030), Arbitraries.integers().between(1, 12),
            Arbitraries.integers().between(1, 28), Arbitraries.integers().between(0, 23),
            Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59),
            Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")),
                    Tuple.of(3, Arbitraries.integers().between(0, 999_999).map(n -> String.format(".%06d", n)))))
            .as((y, mo, d, h, mi, s, micros) -> String.format("%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, h, mi, s, micros));

    private static final Arbitrary<Json> ISO_STRING = ISO.map(JsonString::new);

    private static final Arbitrary<Json> FLOAT_SECONDS = Combinators.combine(
            Arbitraries.longs().between(1_500_000_000L, 1_900_000_000L), digits(1, 7))
            .as((s, f) -> (Json) new JsonNumber(s + "." + f));

    /** A parseable chat time (§5.3): integer epoch ms, naive ISO string or float epoch seconds. */
    private static final Arbitrary<Json> CHAT_TIME = Arbitraries.frequencyOf(
            Tuple.of(3, EPOCH_MILLIS), Tuple.of(2, ISO_STRING), Tuple.of(1, FLOAT_SECONDS));

    private static final Arbitrary<Json> MESSAGE_ID = Arbitraries.integers().between(0, 0x7fffffff)
            .map(n -> (Json) new JsonString(String.format("msg_%08x", n)));

    /** The design document's and the frontend's message, {@code add_message}'s, or any object at all. */
    private static final Arbitrary<JsonObject> MESSAGE = Arbitraries.frequencyOf(
            Tuple.of(5, object(List.of(
                    req("id", MESSAGE_ID),
                    req("role", Arbitraries.of("user", "assistant", "system").map(JsonString::new)),
                    req("content", STRING),
                    req("timestamp", EPOCH_MILLIS),
                    opt("variations", strings(2))))),
            Tuple.of(2, object(List.of(
                    req("id", MESSAGE_ID),
                    req("timestamp", ISO_STRING),
                    req("sender", Arbitraries.of("user", "Elara Voss", "narrator").map(JsonString::new)),
                    req("content", STRING),
                    req("character_id", STRING_OR_NULL),
                    req("is_user", BOOL)))),
            Tuple.of(1, Combinators.combine(EXTRA_KEY_ANY, ANY_JSON).as(Tuple::of).list().ofMaxSize(4)
                    .map(l -> (JsonObject) objectOfEntries(l))));

    /** 0..50 messages; rarely a long chat of 2000 (the short list repeated, ids renumbered). */
    private static final Arbitrary<List<JsonObject>> MESSAGES = Combinators.combine(
            MESSAGE.list().ofMaxSize(50),
            Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(true)), Tuple.of(24, Arbitraries.just(false))))
            .as((list, longChat) -> {
                if (!longChat || list.isEmpty()) {
                    return list;
                }
                List<JsonObject> all = new ArrayList<>(2000);
                for (int i = 0; i < 2000; i++) {
                    JsonObject m = list.get(i % list.size());
                    all.add(m.has("id") ? m.with("id", new JsonString("msg_" + i)) : m);
                }
                return all;
            });

    /** The canonical JSONL header (§5.1); chat_id and location_id are set when assembled. */
    private static final Arbitrary<JsonObject> JSONL_HEADER = Arbitraries.frequencyOf(
            Tuple.of(3, Combinators.combine(STRING, CHAT_TIME, CHAT_TIME).as((title, created, updated) ->
                    JsonObject.builder().put("chat_id", PLACEHOLDER).put("title", title).put("location_id", PLACEHOLDER)
                            .put("created", created).put("updated", updated).build())),
            Tuple.of(1, object(List.of(
                    req("chat_id", Arbitraries.just(PLACEHOLDER)),
                    opt("title", STRING),
                    req("location_id", Arbitraries.just(PLACEHOLDER)),
                    req("created", CHAT_TIME),
                    opt("updated", CHAT_TIME)))),
            // The design document's header: chat id and location under metadata, created from timestamp.
            Tuple.of(1, Combinators.combine(STRING, EPOCH_MILLIS).as((world, ms) -> JsonObject.builder()
                    .put("metadata", JsonObject.builder().put("version", new JsonString("1.0")).put("chat_id", PLACEHOLDER)
                            .put("location_id", PLACEHOLDER).put("world_name", world).build())
                    .put("timestamp", ms).build())),
            // chat_handler.py's character-chat header: id and title under chat_metadata, no location.
            Tuple.of(1, Combinators.combine(STRING, ISO_STRING, EPOCH_MILLIS, STRING).as((user, date, ms, title) -> JsonObject.builder()
                    .put("user_name", user).put("character_name", new JsonString("Elara Voss"))
                    .put("character_id", new JsonString("characters/Elara Voss.png")).put("create_date", date)
                    .put("timestamp", ms).put("version", new JsonString("1.0"))
                    .put("chat_metadata", JsonObject.builder().put("chat_id", PLACEHOLDER).put("tainted", JsonBool.FALSE)
                            .put("created_timestamp", ms).put("title", title).put("timedWorldInfo", JsonObject.EMPTY)
                            .put("lastUser", JsonNull.INSTANCE).build())
                    .build())));

    /** Sets the chat id and location wherever the header template has them (§5.3); or drops every chat id. */
    static JsonObject fillHeader(JsonObject header, String chatId, boolean withChatId, JsonString location) {
        JsonString id = new JsonString(chatId);
        if (header.has("chat_id")) {
            header = withChatId ? header.with("chat_id", id) : header.without("chat_id");
        }
        if (header.has("location_id")) {
            header = header.with("location_id", location);
        }
        for (String nested : List.of("metadata", "chat_metadata")) {
            if (header.get(nested) instanceof JsonObject inner) {
                if (inner.has("chat_id")) {
                    inner = withChatId ? inner.with("chat_id", id) : inner.without("chat_id");
                }
                if (inner.has("location_id")) {
                    inner = inner.with("location_id", location);
                }
                header = header.with(nested, inner);
            }
        }
        return header;
    }

    /** Shape A (§5.2), as the live writer makes it; id, messages and location_id are set when assembled. */
    private static final Arbitrary<JsonObject> SHAPE_A = object(List.of(
            req("id", Arbitraries.just(PLACEHOLDER)),
            req("title", STRING),
            req("created", ISO_STRING),
            req("updated", ISO_STRING),
            req("messages", Arbitraries.just(PLACEHOLDER)),
            req("participants", Arbitraries.of("assistant", "user").map(v -> (Json) new JsonString(v)).list().ofMaxSize(2)
                    .map(l -> new JsonArray(l))),
            req("location_id", Arbitraries.just(PLACEHOLDER)),
            opt("metadata", object(List.of(opt("chat_id", SEGMENT_STRING), opt("tags", strings(2)))))));

    /** Shape B (§5.2), world_chat_handler's; metadata.chat_id and location_id are set when assembled. */
    private static final Arbitrary<JsonObject> SHAPE_B = Combinators.combine(
            object(List.of(
                    req("chat_id", Arbitraries.just(PLACEHOLDER)),
                    req("world_name", STRING),
                    req("title", STRING),
                    req("location_id", Arbitraries.just(PLACEHOLDER)),
                    req("created_at", FLOAT_SECONDS),
                    req("updated_at", FLOAT_SECONDS))),
            EXTRAS).as((metadata, extras) -> {
                JsonObject.Builder b = JsonObject.builder().put("messages", PLACEHOLDER).put("metadata", metadata);
                Set<String> seen = new HashSet<>(Set.of("messages", "metadata"));
                extras.forEach(e -> {
                    if (seen.add(e.get1())) {
                        b.put(e.get1(), e.get2());
                    }
                });
                return b.build();
            });

    /**
     * A chat as generated: the chat id (for .json files also the file name), a file stem for JSONL chats
     * with a chat_id in their header, which location it names (an index, "" or an unknown id).
     */
    record RawChat(GenChat.Kind kind, String idSeed, String stem, boolean headerHasChatId, JsonObject template,
                           List<JsonObject> messages, GenStyle style, int locationChoice, boolean crlf, int blankAfter) {
    }

    private static final Arbitrary<GenChat.Kind> CHAT_KIND = Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.just(GenChat.Kind.JSONL)), Tuple.of(3, Arbitraries.just(GenChat.Kind.A)),
            Tuple.of(1, Arbitraries.just(GenChat.Kind.B)));

    private static final Arbitrary<String> CHAT_ID_SEED = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(0, 0x7fffffff).map(n -> String.format("chat_%08x", n))),
            Tuple.of(2, SEGMENT));

    /** Chat ids a JSONL header may hold: CardShark's, safe segments, and now and then ones no file can be named. */
    private static final Arbitrary<String> JSONL_CHAT_ID = Arbitraries.frequencyOf(
            Tuple.of(6, CHAT_ID_SEED),
            Tuple.of(1, Arbitraries.of("a/b", "..", ".", "%2F", "x\u0007y", "tab\tid", "back\\slash", "chat_1.backup.2",
                    "x.tmp", "CON", "\u00e9t\u00e9", "e\u0301t\u0065\u0301", "x".repeat(260), "\u00fc".repeat(200),
                    "\ud800", "\udfff", "a\ud83d")
                    ));

    /** JSONL line layout: LF mostly, now and then CRLF; now and then a whitespace-only line before a message. */
    private static final Arbitrary<Tuple2<Boolean, Integer>> JSONL_LAYOUT = Combinators.combine(
            Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(false)), Tuple.of(1, Arbitraries.just(true))),
            Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(-1)), Tuple.of(1, Arbitraries.integers().between(0, 10))))
            .as(Tuple::of);

    static final Arbitrary<RawChat> RAW_CHAT = CHAT_KIND.flatMap(kind -> Combinators.combine(
            kind == GenChat.Kind.JSONL ? JSONL_CHAT_ID : CHAT_ID_SEED, SEGMENT,
            Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(true)), Tuple.of(1, Arbitraries.just(false))),
            kind == GenChat.Kind.JSONL ? JSONL_HEADER : kind == GenChat.Kind.A ? SHAPE_A : SHAPE_B,
            MESSAGES,
            kind == GenChat.Kind.B
                    ? Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(new GenStyle(JsonStyle.DOCUMENTED, false))), Tuple.of(1, STYLE))
                    : STYLE,
            Arbitraries.integers().between(0, 20), JSONL_LAYOUT)
            .as((id, stem, hasId, template, messages, style, location, layout) ->
                    new RawChat(kind, id, stem, hasId, template, messages, style, location, layout.get1(), layout.get2())));
}
