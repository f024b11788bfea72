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
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The vocabulary of the world-folder generators ({@link GenWorlds}): text with every kind of code point the
 * format must keep, RFC 8259 number tokens, arbitrary JSON values, unknown members, objects of known members
 * with unknown ones mixed in (now and then shuffled, since key order is data), and the styles a JSON file is
 * written in.
 */
final class GenJson {

    private GenJson() {
    }

    /** Every key a level of the format gives a meaning to; extra keys avoid them so that they stay unknown. */
    private static final Set<String> RESERVED = Set.of(
            "name", "version", "current_position", "visited_positions", "locations", "unconnected_locations",
            "player", "base_character_id", "metadata", "rooms", "schema_version",
            "coordinates", "location_id", "description", "introduction", "zone_id", "room_type", "notes",
            "background", "events", "npcs", "explicit_exits", "lore_source", "connected",
            "target_coordinates", "target_location_id", "locked", "key_item_id",
            "id", "trigger", "conditions", "cooldown", "health", "stamina", "level", "experience",
            "chat_id", "title", "created", "updated", "created_at", "updated_at", "create_date", "timestamp",
            "chat_metadata", "messages", "participants", "role", "content", "mes", "is_user", "sender",
            "last_modified", "definition_id", "outcome", "world_name");

    private static Arbitrary<String> codePoints(int from, int to) {
        return Arbitraries.integers().between(from, to)
                .filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                .map(Character::toString);
    }

    /** One piece of text: ASCII mostly, then every kind of code point the format must keep unchanged. */
    private static final Arbitrary<String> TEXT_UNIT = Arbitraries.frequencyOf(
            Tuple.of(30, Arbitraries.chars().range(' ', '~').map(String::valueOf)),
            Tuple.of(4, codePoints(0xA0, 0x2FF)),
            Tuple.of(3, codePoints(0x370, 0xFFFD)),
            Tuple.of(3, codePoints(0x1F300, 0x1FAFF)),
            Tuple.of(1, codePoints(0x10000, 0x10FFFF)),
            Tuple.of(3, codePoints(0x300, 0x36F)),
            Tuple.of(3, Arbitraries.of("\u2028", "\u2029", "\u0085", "\u007f", "\u200d", "\ufeff", "\ufe0f", "\"",
                    "\\", "/", "e\u0301", "Cafe\u0301", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\r\n",
                    "\u00e9", "\u00a0", "\u0000")),
            Tuple.of(3, Arbitraries.chars().range('\u0000', '\u001f').map(String::valueOf)),
            Tuple.of(1, Arbitraries.chars().range('\uD800', '\uDFFF').map(String::valueOf)));

    static Arbitrary<String> text(int maxUnits) {
        return TEXT_UNIT.list().ofMaxSize(maxUnits).map(l -> String.join("", l));
    }

    /** Text of at least one unit, so never "" (every unit is at least one char). */
    static Arbitrary<String> nonEmptyText(int maxUnits) {
        return TEXT_UNIT.list().ofMinSize(1).ofMaxSize(maxUnits).map(l -> String.join("", l));
    }

    static final Arbitrary<String> TEXT = text(10);

    /** Letters, digits, {@code _ -} and some non-ASCII letters: a safe world id (§2). */
    static final Arbitrary<String> SAFE_ID = Arbitraries.strings()
            .withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').withChars("_-äöüßéñøΩжπ東京ハ")
            .ofMinLength(1).ofMaxLength(12);

    /** A safe segment (§2) with more in it: spaces, dots, %, emoji; never {@code .}, {@code ..}, *.tmp or a backup name. */
    static final Arbitrary<String> SEGMENT = Arbitraries.frequencyOf(
            Tuple.of(4, SAFE_ID),
            Tuple.of(1, Combinators.combine(SAFE_ID, Arbitraries.of(" ", ".", "%", "🐉", " (1)", "~", "'", ",", "+"), SAFE_ID)
                    .as((a, sep, c) -> a + sep + c)),
            Tuple.of(1, Arbitraries.of("origin_0_0_0", "lore_1", "start room", "Zoë 🦊", "a.b", "%41", "x~1", "東京")))
            .filter(s -> !s.equals(".") && !s.equals("..") && !s.endsWith(".tmp") && !s.contains(".backup."));

    static Arbitrary<String> digits(int min, int max) {
        return Arbitraries.strings().numeric().ofMinLength(min).ofMaxLength(max);
    }

    /** RFC 8259 number tokens, with the ones CardShark's Python writes and the spellings that must not change. */
    private static final Arbitrary<String> NUMBER_TOKEN = Arbitraries.frequencyOf(
            Tuple.of(5, Combinators.combine(
                    Arbitraries.of("", "-"),
                    Arbitraries.frequencyOf(
                            Tuple.of(3, Arbitraries.just("0")),
                            Tuple.of(6, Arbitraries.integers().between(1, 99999).map(String::valueOf)),
                            Tuple.of(2, Combinators.combine(Arbitraries.integers().between(1, 9), digits(18, 30))
                                    .as((d, rest) -> d + rest))),
                    Arbitraries.frequencyOf(
                            Tuple.of(5, Arbitraries.just("")),
                            Tuple.of(3, digits(1, 17).map(d -> "." + d))),
                    Arbitraries.frequencyOf(
                            Tuple.of(6, Arbitraries.just("")),
                            Tuple.of(2, Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "+", "-"),
                                    Arbitraries.integers().between(0, 400)).as((e, s, n) -> e + s + n))))
                    .as((sign, whole, fraction, exponent) -> sign + whole + fraction + exponent)),
            Tuple.of(2, Arbitraries.integers().map(String::valueOf)),
            Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
            Tuple.of(3, Arbitraries.of("-0", "-0.0", "0.0", "1.5", "-0.25", "1.50", "1E5", "1e-05", "1795715060.4715137",
                    "123456789012345678901234567890", "-9223372036854775809", "9223372036854775807",
                    "-9223372036854775808", "1e+16", "2.5E-10", "100.0", "1.0000000000000002", "1795715060000")));

    static final Arbitrary<Json> NUMBER = NUMBER_TOKEN.map(JsonNumber::new);
    static final Arbitrary<Json> STRING = TEXT.map(JsonString::new);
    static final Arbitrary<Json> NULL = Arbitraries.just(JsonNull.INSTANCE);
    static final Arbitrary<Json> BOOL = Arbitraries.of(JsonBool.TRUE, JsonBool.FALSE);
    static final Arbitrary<Json> STRING_OR_NULL = Arbitraries.frequencyOf(Tuple.of(1, NULL), Tuple.of(3, STRING));

    private static final Arbitrary<Json> LEAF = Arbitraries.frequencyOf(
            Tuple.of(1, NULL), Tuple.of(1, BOOL), Tuple.of(4, STRING), Tuple.of(3, NUMBER));

    private static Arbitrary<Json> anyJson(int depth) {
        if (depth == 0) {
            return LEAF;
        }
        Arbitrary<Json> inner = anyJson(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(5, LEAF),
                Tuple.of(1, inner.list().ofMaxSize(4).map(l -> (Json) new JsonArray(l))),
                Tuple.of(1, Combinators.combine(EXTRA_KEY_ANY, inner).as(Tuple::of).list().ofMaxSize(4)
                        .map(GenJson::objectOfEntries)));
    }

    /** Keys of free-form objects: any text. */
    static final Arbitrary<String> EXTRA_KEY_ANY = Arbitraries.frequencyOf(
            Tuple.of(3, text(6)),
            Tuple.of(2, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> "x_" + s)),
            Tuple.of(1, Arbitraries.of("", "extra", "_private", "zoë 🦊", "a/b~c", "\ud800", "Name", "ID")));

    static final Arbitrary<Json> ANY_JSON = anyJson(3);

    static Json objectOfEntries(List<Tuple2<String, Json>> entries) {
        JsonObject.Builder b = JsonObject.builder();
        Set<String> seen = new HashSet<>();
        for (Tuple2<String, Json> e : entries) {
            if (seen.add(e.get1())) {
                b.put(e.get1(), e.get2());
            }
        }
        return b.build();
    }

    /** Unknown members: none mostly, else up to three with arbitrary values. */
    static final Arbitrary<List<Tuple2<String, Json>>> EXTRAS = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(List.of())),
            Tuple.of(2, Combinators.combine(EXTRA_KEY_ANY.filter(k -> !RESERVED.contains(k)), ANY_JSON).as(Tuple::of)
                    .list().ofMinSize(1).ofMaxSize(3)));

    // =====================================================================================================
    // Generators: objects with known fields, extras at random places, sometimes shuffled
    // =====================================================================================================

    /** One known member of an object, or none. */
    record Member(String key, Json value) {
    }

    static Arbitrary<Optional<Member>> req(String key, Arbitrary<? extends Json> value) {
        return value.map(v -> Optional.of(new Member(key, v)));
    }

    static Arbitrary<Optional<Member>> opt(String key, Arbitrary<? extends Json> value) {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Optional.<Member>empty())),
                Tuple.of(2, value.map(v -> Optional.of(new Member(key, v)))));
    }

    /**
     * An object of the given members (in their order), with unknown members inserted at random positions and,
     * now and then, every member shuffled (key order is data and must survive whatever it is).
     */
    static Arbitrary<JsonObject> object(List<Arbitrary<Optional<Member>>> members) {
        Arbitrary<List<Optional<Member>>> known = Combinators.combine(members).as(l -> l);
        Arbitrary<List<Integer>> positions = Arbitraries.integers().between(0, 1000).list().ofSize(3);
        Arbitrary<Long> shuffle = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(0L)), Tuple.of(1, Arbitraries.longs().between(1, Long.MAX_VALUE)));
        return Combinators.combine(known, EXTRAS, positions, shuffle).as((k, extras, pos, seed) -> {
            List<Member> list = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (Optional<Member> m : k) {
                m.ifPresent(x -> {
                    list.add(x);
                    keys.add(x.key());
                });
            }
            for (int i = 0; i < extras.size(); i++) {
                Tuple2<String, Json> e = extras.get(i);
                if (keys.add(e.get1())) {
                    list.add(pos.get(i) % (list.size() + 1), new Member(e.get1(), e.get2()));
                }
            }
            if (seed != 0L) {
                Collections.shuffle(list, new Random(seed));
            }
            JsonObject.Builder b = JsonObject.builder();
            list.forEach(m -> b.put(m.key(), m.value()));
            return b.build();
        });
    }

    /** A placeholder the assembly replaces (keeping its position) with the generated locations. */
    static final JsonObject PLACEHOLDER = JsonObject.EMPTY;

    static final Arbitrary<GenStyle> STYLE = Arbitraries.frequencyOf(
            Tuple.of(12, Arbitraries.just(new GenStyle(JsonStyle.CARDSHARK, false))),
            Tuple.of(6, Arbitraries.just(new GenStyle(JsonStyle.DOCUMENTED, false))),
            Tuple.of(2, Arbitraries.of(new JsonStyle(2, true, true, false), new JsonStyle(2, true, false, true),
                    new JsonStyle(2, false, true, true)).map(st -> new GenStyle(st, false))),
            Tuple.of(2, Arbitraries.of(new GenStyle(new JsonStyle(JsonStyle.NO_INDENT, true, false, false), false),
                    new GenStyle(new JsonStyle(JsonStyle.NO_INDENT, false, false, true), false),
                    new GenStyle(JsonStyle.CARDSHARK, true))));

    static Arbitrary<Json> strings(int max) {
        return STRING.list().ofMaxSize(max).map(l -> (Json) new JsonArray(l));
    }

    static final Arbitrary<Json> SEGMENT_STRING = SEGMENT.map(JsonString::new);
}
