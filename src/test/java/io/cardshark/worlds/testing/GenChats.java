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
import java.util.Optional;
import java.util.Set;

import static io.cardshark.worlds.testing.GenJson.*;

/**
 * Generators of chat files (format spec §5): chat times in the three forms CardShark wrote, messages in the
 * design document's, {@code add_message}'s and any shape, JSONL headers of every accepted origin, shape-A
 * and shape-B documents, and a chat as drawn before {@link GenWorlds} gives it its id, file and location.
 *
 * <p>Each generator returns, beside the JSON it built, what the store must read from it: a header's title,
 * created and updated times come with the header ({@link Header}), a message's id, role and content with
 * the message ({@link GenMessage}). They are the values the generator put at the place §5.3 reads first,
 * so the properties never recompute them from the JSON with the lookup the importer uses.
 */
final class GenChats {

    private GenChats() {
    }

    private static final Arbitrary<Long> MILLIS = Arbitraries.longs().between(1_500_000_000_000L, 1_900_000_000_000L);

    static final Arbitrary<Json> EPOCH_MILLIS = MILLIS.map(ms -> (Json) JsonNumber.of(ms));

    private static final Arbitrary<String> ISO = Combinators.combine(
            Arbitraries.integers().between(2020, 2030), Arbitraries.integers().between(1, 12),
            Arbitraries.integers().between(1, 28), Arbitraries.integers().between(0, 23),
            Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59),
            Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")),
                    Tuple.of(3, Arbitraries.integers().between(0, 999_999).map(n -> String.format(".%06d", n)))))
            .as((y, mo, d, h, mi, s, micros) -> String.format("%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, h, mi, s, micros));

    private static final Arbitrary<Json> ISO_STRING = ISO.map(JsonString::new);

    /**
     * A chat time (§5.3) and its JSON text, which is what the store answers as a chat's created or updated
     * token: a string in quotes (its characters are all ASCII digits, {@code -}, {@code :}, {@code T} and
     * {@code .}, none escaped), a number as its token.
     */
    record ChatTime(Json value, String text) {
    }

    private static final Arbitrary<ChatTime> MILLIS_TIME = MILLIS.map(ms -> new ChatTime(JsonNumber.of(ms), Long.toString(ms)));

    private static final Arbitrary<ChatTime> ISO_TIME = ISO.map(s -> new ChatTime(new JsonString(s), "\"" + s + "\""));

    private static final Arbitrary<ChatTime> FLOAT_SECONDS = Combinators.combine(
            Arbitraries.longs().between(1_500_000_000L, 1_900_000_000L), digits(1, 7))
            .as((s, f) -> new ChatTime(new JsonNumber(s + "." + f), s + "." + f));

    /** A parseable chat time (§5.3): integer epoch ms, naive ISO string or float epoch seconds. */
    private static final Arbitrary<ChatTime> CHAT_TIME = Arbitraries.frequencyOf(
            Tuple.of(3, MILLIS_TIME), Tuple.of(2, ISO_TIME), Tuple.of(1, FLOAT_SECONDS));

    private static final Arbitrary<String> MESSAGE_ID = Arbitraries.integers().between(0, 0x7fffffff)
            .map(n -> String.format("msg_%08x", n));

    /** The members of a message whose values the store reads (§5, {@code ChatMessage}). */
    private static final Set<String> MESSAGE_FIELDS = Set.of("id", "role", "sender", "content", "mes");

    /**
     * The design document's and the frontend's message (id, role, content), {@code add_message}'s (id, sender,
     * content), or any object without a member the store reads (id, role and content then none).
     */
    private static final Arbitrary<GenMessage> MESSAGE = Arbitraries.frequencyOf(
            Tuple.of(5, Combinators.combine(MESSAGE_ID, Arbitraries.of("user", "assistant", "system"), TEXT)
                    .flatAs((id, role, content) -> object(List.of(
                            req("id", Arbitraries.just(new JsonString(id))),
                            req("role", Arbitraries.just(new JsonString(role))),
                            req("content", Arbitraries.just(new JsonString(content))),
                            req("timestamp", EPOCH_MILLIS),
                            opt("variations", strings(2))))
                            .map(o -> new GenMessage(o, id, role, content)))),
            Tuple.of(2, Combinators.combine(MESSAGE_ID, Arbitraries.of("user", "Elara Voss", "narrator"), TEXT)
                    .flatAs((id, sender, content) -> object(List.of(
                            req("id", Arbitraries.just(new JsonString(id))),
                            req("timestamp", ISO_STRING),
                            req("sender", Arbitraries.just(new JsonString(sender))),
                            req("content", Arbitraries.just(new JsonString(content))),
                            req("character_id", STRING_OR_NULL),
                            req("is_user", BOOL)))
                            .map(o -> new GenMessage(o, id, sender, content)))),
            Tuple.of(1, Combinators.combine(EXTRA_KEY_ANY.filter(k -> !MESSAGE_FIELDS.contains(k)), ANY_JSON).as(Tuple::of)
                    .list().ofMaxSize(4)
                    .map(l -> new GenMessage((JsonObject) objectOfEntries(l), null, null, null))));

    /** 0..50 messages; rarely a long chat of 2000 (the short list repeated, ids renumbered). */
    private static final Arbitrary<List<GenMessage>> MESSAGES = Combinators.combine(
            MESSAGE.list().ofMaxSize(50),
            Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(true)), Tuple.of(24, Arbitraries.just(false))))
            .as((list, longChat) -> {
                if (!longChat || list.isEmpty()) {
                    return list;
                }
                List<GenMessage> all = new ArrayList<>(2000);
                for (int i = 0; i < 2000; i++) {
                    GenMessage m = list.get(i % list.size());
                    all.add(m.id() != null ? m.withId("msg_" + i) : m);
                }
                return all;
            });

    /**
     * A chat-level object as drawn, with what §5.3 makes of it, known from where this generator put each value:
     * the title, the created and updated times as JSON text ({@code null}: the object has none), and whether
     * it has a place for the location value. Its chat id and location are slots {@link GenWorlds} fills.
     */
    record Header(JsonObject template, String title, String created, String updated, boolean hasLocation) {
    }

    /** Either nothing or a value, one time in three nothing (as {@link GenJson#opt} draws). */
    private static <T> Arbitrary<Optional<T>> maybe(Arbitrary<T> value) {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Optional.empty())), Tuple.of(2, value.map(Optional::of)));
    }

    /** A member already drawn: present with its value, or absent. */
    private static Arbitrary<Optional<Member>> drawn(String key, Optional<? extends Json> value) {
        return Arbitraries.just(value.map(v -> new Member(key, v)));
    }

    /** JSONL headers (§5.1): this store's canonical one, and the three origins the spec accepts. */
    private static final Arbitrary<Header> JSONL_HEADER = Arbitraries.frequencyOf(
            // The canonical header: everything at the top.
            Tuple.of(3, Combinators.combine(TEXT, CHAT_TIME, CHAT_TIME).as((title, created, updated) -> new Header(
                    JsonObject.builder().put("chat_id", PLACEHOLDER).put("title", new JsonString(title))
                            .put("location_id", PLACEHOLDER).put("created", created.value()).put("updated", updated.value())
                            .build(),
                    title, created.text(), updated.text(), true))),
            // The canonical keys, title and updated now and then left out, unknown members mixed in.
            Tuple.of(1, Combinators.combine(maybe(TEXT), CHAT_TIME, maybe(CHAT_TIME)).flatAs((title, created, updated) ->
                    object(List.of(
                            req("chat_id", Arbitraries.just(PLACEHOLDER)),
                            drawn("title", title.map(JsonString::new)),
                            req("location_id", Arbitraries.just(PLACEHOLDER)),
                            req("created", Arbitraries.just(created.value())),
                            drawn("updated", updated.map(ChatTime::value))))
                            .map(o -> new Header(o, title.orElse(null), created.text(),
                                    updated.map(ChatTime::text).orElse(null), true)))),
            // The design document's header: chat id and location under metadata, no title; "timestamp" is the
            // only time, and the last place §5.3 looks for created.
            Tuple.of(1, Combinators.combine(STRING, MILLIS).as((world, ms) -> new Header(JsonObject.builder()
                    .put("metadata", JsonObject.builder().put("version", new JsonString("1.0")).put("chat_id", PLACEHOLDER)
                            .put("location_id", PLACEHOLDER).put("world_name", world).build())
                    .put("timestamp", JsonNumber.of(ms)).build(),
                    null, Long.toString(ms), null, true))),
            // chat_handler.py's character-chat header: id and title under chat_metadata, no location; created is
            // create_date, which §5.3 reads before chat_metadata.created_timestamp and timestamp.
            Tuple.of(1, Combinators.combine(STRING, ISO, MILLIS, TEXT).as((user, date, ms, title) -> new Header(JsonObject.builder()
                    .put("user_name", user).put("character_name", new JsonString("Elara Voss"))
                    .put("character_id", new JsonString("characters/Elara Voss.png")).put("create_date", new JsonString(date))
                    .put("timestamp", JsonNumber.of(ms)).put("version", new JsonString("1.0"))
                    .put("chat_metadata", JsonObject.builder().put("chat_id", PLACEHOLDER).put("tainted", JsonBool.FALSE)
                            .put("created_timestamp", JsonNumber.of(ms)).put("title", new JsonString(title))
                            .put("timedWorldInfo", JsonObject.EMPTY).put("lastUser", JsonNull.INSTANCE).build())
                    .build(),
                    title, "\"" + date + "\"", null, false))));

    /**
     * Sets the chat id and location wherever the header template has a slot for them (§5.3); or drops every
     * chat id. Every JSONL header template above has one chat id slot.
     */
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
    private static final Arbitrary<Header> SHAPE_A = Combinators.combine(TEXT, ISO, ISO).flatAs((title, created, updated) ->
            object(List.of(
                    req("id", Arbitraries.just(PLACEHOLDER)),
                    req("title", Arbitraries.just(new JsonString(title))),
                    req("created", Arbitraries.just(new JsonString(created))),
                    req("updated", Arbitraries.just(new JsonString(updated))),
                    req("messages", Arbitraries.just(PLACEHOLDER)),
                    req("participants", Arbitraries.of("assistant", "user").map(v -> (Json) new JsonString(v)).list().ofMaxSize(2)
                            .map(l -> new JsonArray(l))),
                    req("location_id", Arbitraries.just(PLACEHOLDER)),
                    opt("metadata", object(List.of(opt("chat_id", SEGMENT_STRING), opt("tags", strings(2)))))))
                    .map(o -> new Header(o, title, "\"" + created + "\"", "\"" + updated + "\"", true)));

    /** Shape B (§5.2), world_chat_handler's, everything under metadata; chat_id and location_id are set when assembled. */
    private static final Arbitrary<Header> SHAPE_B = Combinators.combine(TEXT, FLOAT_SECONDS, FLOAT_SECONDS)
            .flatAs((title, created, updated) -> Combinators.combine(
                    object(List.of(
                            req("chat_id", Arbitraries.just(PLACEHOLDER)),
                            req("world_name", STRING),
                            req("title", Arbitraries.just(new JsonString(title))),
                            req("location_id", Arbitraries.just(PLACEHOLDER)),
                            req("created_at", Arbitraries.just(created.value())),
                            req("updated_at", Arbitraries.just(updated.value())))),
                    EXTRAS).as((metadata, extras) -> {
                        JsonObject.Builder b = JsonObject.builder().put("messages", PLACEHOLDER).put("metadata", metadata);
                        Set<String> seen = new HashSet<>(Set.of("messages", "metadata"));
                        extras.forEach(e -> {
                            if (seen.add(e.get1())) {
                                b.put(e.get1(), e.get2());
                            }
                        });
                        return new Header(b.build(), title, created.text(), updated.text(), true);
                    }));

    /**
     * A chat as generated: the chat id (for .json files also the file name), a file stem for JSONL chats
     * with a chat_id in their header, which location it names (an index, "" or an unknown id).
     */
    record RawChat(GenChat.Kind kind, String idSeed, String stem, boolean headerHasChatId, Header header,
                   List<GenMessage> messages, GenStyle style, int locationChoice, boolean crlf, int blankAfter) {
    }

    private static final Arbitrary<GenChat.Kind> CHAT_KIND = Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.just(GenChat.Kind.JSONL)), Tuple.of(3, Arbitraries.just(GenChat.Kind.A)),
            Tuple.of(1, Arbitraries.just(GenChat.Kind.B)));

    private static final Arbitrary<String> CHAT_ID_SEED = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(0, 0x7fffffff).map(n -> String.format("chat_%08x", n))),
            Tuple.of(2, SEGMENT));

    /**
     * The odd chat ids drawn for which {@code {id}.json} is no safe segment (§2): a {@code /}, {@code \}, control
     * character or unpaired surrogate, or over 255 UTF-8 bytes; or is a backup's name ({@code x.backup.y.json},
     * §8, §9.2); the {@code _n} that makes an id unique does not change that. Every other chat id drawn names a file: {@link #CHAT_ID_SEED}s are short safe segments, and
     * {@code ..} and {@code .} give {@code ...json} and {@code ..json}.
     */
    static final Set<String> NO_FILE_NAME = Set.of("a/b", "x\u0007y", "tab\tid", "back\\slash", "x".repeat(260),
            "\u00fc".repeat(200), "\ud800", "\udfff", "a\ud83d", "chat_1.backup.2");

    /** Chat ids a JSONL header may hold: CardShark's, safe segments, and now and then odd ones, some no file can be named. */
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
            .as((id, stem, hasId, header, messages, style, location, layout) ->
                    new RawChat(kind, id, stem, hasId, header, messages, style, location, layout.get1(), layout.get2())));
}
