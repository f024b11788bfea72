package io.cardshark.worlds.testing;

import io.cardshark.worlds.WorldShape;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonBool;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.cardshark.worlds.testing.GenJson.*;

/**
 * Generators of {@code world_state.json} (format spec §3.2): locations with their exits, events and NPCs,
 * unconnected locations, the player, the state's metadata, and the template of a whole state of one shape,
 * whose location maps {@link GenWorlds} fills in when it assembles a world.
 */
final class GenStates {

    private GenStates() {
    }

    private static final Arbitrary<Integer> COORD = Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.integers().between(-3, 3)),
            Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1_000_000, 99_999)),
            Tuple.of(1, Arbitraries.integers()));

    private static final Arbitrary<String> COORD_KEY = Combinators.combine(COORD, COORD, COORD)
            .as((x, y, z) -> x + "," + y + "," + z);

    /** Location keys: x,y,z mostly; now and then the odd keys §3.3 keeps but does not place on the grid. */
    private static final Arbitrary<String> LOCATION_KEY = Arbitraries.frequencyOf(
            Tuple.of(12, COORD_KEY),
            Tuple.of(1, Arbitraries.of("01,0,0", "-0,0,0", "99999999999,1,2", "a,b,c", "", "lore_1", "x/y~z", "1,2",
                    "1, 2, 3")));

    private static final Arbitrary<Json> LONG_TOKEN = Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.integers().between(0, 200).map(i -> (Json) JsonNumber.of(i))),
            Tuple.of(2, Arbitraries.longs().map(i -> (Json) JsonNumber.of(i))),
            Tuple.of(1, Arbitraries.of("-0", "9223372036854775807", "-9223372036854775808").map(JsonNumber::new)));

    private static final Arbitrary<Json> COORDINATES = Arbitraries.frequencyOf(
            Tuple.of(1, NULL),
            Tuple.of(4, Combinators.combine(COORD, COORD, COORD)
                    .as((x, y, z) -> (Json) JsonArray.of(JsonNumber.of(x), JsonNumber.of(y), JsonNumber.of(z)))),
            Tuple.of(1, LONG_TOKEN.list().ofMaxSize(4).map(l -> (Json) new JsonArray(l))));

    /** Location ids: safe segments, now and then so long that {@code {id}_chat.jsonl} is over 255 bytes (§9.1). */
    private static final Arbitrary<Json> LOCATION_ID = Arbitraries.frequencyOf(
            Tuple.of(20, SEGMENT),
            Tuple.of(1, Arbitraries.of("L".repeat(250), "\u00e9".repeat(127))))
            .map(JsonString::new);

    private static final Arbitrary<JsonObject> EVENT_DEFINITION = object(List.of(
            req("id", SEGMENT_STRING),
            req("trigger", Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.of("enter", "look", "timer", "interact").map(JsonString::new)),
                    Tuple.of(1, STRING))),
            req("description", STRING),
            opt("conditions", Arbitraries.frequencyOf(Tuple.of(1, NULL), Tuple.of(2, strings(3)))),
            opt("cooldown", Arbitraries.frequencyOf(Tuple.of(1, NULL), Tuple.of(2, LONG_TOKEN)))));

    private static final Arbitrary<JsonObject> EXIT = object(List.of(
            opt("target_coordinates", Arbitraries.frequencyOf(Tuple.of(1, NULL), Tuple.of(2, COORD_KEY.map(JsonString::new)))),
            opt("target_location_id", Arbitraries.frequencyOf(Tuple.of(1, NULL), Tuple.of(2, SEGMENT_STRING))),
            req("name", STRING),
            opt("description", STRING_OR_NULL),
            opt("locked", BOOL),
            opt("key_item_id", STRING_OR_NULL)));

    private static final Arbitrary<Json> EXITS = Arbitraries.frequencyOf(
            Tuple.of(1, NULL),
            Tuple.of(4, Combinators.combine(
                            Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("north", "south", "east", "west", "up", "down")),
                                    Tuple.of(1, TEXT)),
                            EXIT).as(Tuple::<String, Json>of)
                    .list().ofMaxSize(3).map(GenJson::objectOfEntries)));

    private static final Arbitrary<Json> NPCS = Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.of("characters/Elara Voss.png", "characters/Zoë 🦊 (Fuchs).png",
                    "7f3c2a9e-1d2b-4c5d-9e8f-0a1b2c3d4e5f").map(JsonString::new)),
            Tuple.of(1, STRING)).list().ofMaxSize(3).map(l -> new JsonArray(l));

    private static final Arbitrary<Json> BACKGROUND = Arbitraries.frequencyOf(
            Tuple.of(1, NULL),
            Tuple.of(2, SEGMENT.map(s -> (Json) new JsonString(s + ".png"))),
            Tuple.of(1, Arbitraries.of("../../etc/passwd", "a/b.png", "").map(JsonString::new)),
            Tuple.of(1, STRING));

    /** A connected location; its location_id is made unique, and coordinates may follow the key, when assembled. */
    private static final Arbitrary<JsonObject> LOCATION = object(List.of(
            req("name", STRING),
            opt("coordinates", COORDINATES),
            req("location_id", LOCATION_ID),
            req("description", STRING),
            opt("introduction", STRING_OR_NULL),
            opt("zone_id", STRING_OR_NULL),
            opt("room_type", STRING_OR_NULL),
            opt("notes", STRING_OR_NULL),
            opt("background", BACKGROUND),
            opt("events", EVENT_DEFINITION.list().ofMaxSize(2).map(l -> new JsonArray(new ArrayList<>(l)))),
            opt("npcs", NPCS),
            opt("explicit_exits", EXITS),
            opt("lore_source", STRING_OR_NULL),
            opt("connected", Arbitraries.of(JsonBool.TRUE, JsonBool.FALSE, JsonNull.INSTANCE))));

    private static final Arbitrary<JsonObject> UNCONNECTED = object(List.of(
            req("location_id", LOCATION_ID),
            req("name", STRING),
            req("description", STRING),
            req("lore_source", STRING)));

    private static final Arbitrary<JsonObject> PLAYER = object(List.of(
            opt("health", LONG_TOKEN), opt("stamina", LONG_TOKEN), opt("level", LONG_TOKEN), opt("experience", LONG_TOKEN)));

    private static final Arbitrary<Json> EPOCH_SECONDS = Arbitraries.longs().between(1_500_000_000L, 1_900_000_000L)
            .map(s -> (Json) JsonNumber.of(s));

    static final Arbitrary<JsonObject> STATE_METADATA = object(List.of(
            opt("version", Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(new JsonString("1.0"))), Tuple.of(1, STRING))),
            opt("created_at", EPOCH_SECONDS),
            opt("last_modified", Arbitraries.frequencyOf(Tuple.of(3, EPOCH_SECONDS), Tuple.of(1, NUMBER))),
            opt("name", Arbitraries.frequencyOf(Tuple.of(4, STRING), Tuple.of(1, Arbitraries.just(new JsonString(""))))),
            opt("description", STRING),
            opt("tags", strings(3))));

    static Arbitrary<JsonObject> stateTemplate(WorldShape shape) {
        List<Arbitrary<Optional<Member>>> members = new ArrayList<>();
        if (shape != WorldShape.M) {
            members.add(req("name", STRING));
        }
        members.add(opt("version", Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(new JsonString("1.0"))), Tuple.of(1, STRING))));
        members.add(opt("current_position", Arbitraries.frequencyOf(
                Tuple.of(3, COORD_KEY.map(JsonString::new)), Tuple.of(1, STRING))));
        members.add(opt("visited_positions", Arbitraries.frequencyOf(
                Tuple.of(3, COORD_KEY.map(JsonString::new)), Tuple.of(1, STRING)).list().ofMaxSize(5)
                .map(l -> new JsonArray(l))));
        members.add(Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Optional.<Member>empty())),
                Tuple.of(6, Arbitraries.just(Optional.of(new Member("locations", PLACEHOLDER))))));
        members.add(Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Optional.<Member>empty())),
                Tuple.of(3, Arbitraries.just(Optional.of(new Member("unconnected_locations", PLACEHOLDER))))));
        members.add(opt("player", PLAYER));
        members.add(opt("base_character_id", Arbitraries.frequencyOf(
                Tuple.of(1, NULL), Tuple.of(2, Arbitraries.just(new JsonString("characters/Elara Voss.png"))),
                Tuple.of(1, STRING))));
        if (shape != WorldShape.F) {
            members.add(req("metadata", STATE_METADATA));
        }
        return object(members);
    }

    /** A location as generated, before ids, keys and coordinates are made consistent. */
    record RawLocation(String key, boolean coordinatesFollowKey, JsonObject location) {
    }

    static final Arbitrary<RawLocation> RAW_LOCATION = Combinators.combine(
            LOCATION_KEY, Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(true)), Tuple.of(1, Arbitraries.just(false))),
            LOCATION).as(RawLocation::new);

    /** Unconnected keys: 0 = the location_id (CardShark's convention), 1 = lore_{n} from 9 on, 2 = any text. */
    record RawLore(int keyMode, String text, JsonObject location) {
    }

    static final Arbitrary<RawLore> RAW_LORE = Combinators.combine(
            Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)), Tuple.of(2, Arbitraries.just(1)), Tuple.of(1, Arbitraries.just(2))),
            TEXT, UNCONNECTED).as(RawLore::new);
}
