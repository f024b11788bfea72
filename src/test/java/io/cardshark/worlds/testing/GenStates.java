package io.cardshark.worlds.testing;

import io.cardshark.worlds.Coordinates;
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
 * whose location maps, names and current position {@link GenWorlds} fills in when it assembles a world.
 * Location keys and positions are drawn together with the grid position the spec gives them (§3.3), so
 * that the expected position is the generator's own choice, never a parse of the generated text.
 */
final class GenStates {

    private GenStates() {
    }

    private static final Arbitrary<Integer> COORD = Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.integers().between(-3, 3)),
            Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1_000_000, 99_999)),
            Tuple.of(1, Arbitraries.integers()));

    /**
     * A key of {@code locations} or a {@code current_position} value, with the grid position §3.3 gives it:
     * {@code at} is {@code null} for a key that is kept but not placed.
     */
    record Key(String text, Coordinates at) {
    }

    /** x,y,z written the way CardShark writes them. */
    private static final Arbitrary<Key> COORD_KEY = Combinators.combine(COORD, COORD, COORD)
            .as((x, y, z) -> new Key(x + "," + y + "," + z, Coordinates.of(x, y, z)));

    /**
     * Odd keys and where §3.3 places them: {@code -?\d+,-?\d+,-?\d+} is placed at its three integers (so
     * {@code 01,0,0} at 1,0,0 and {@code -0,0,0} at 0,0,0), when each fits an {@code int} (this store);
     * everything else is kept, not placed.
     */
    private static final Arbitrary<Key> ODD_KEY = Arbitraries.of(
            new Key("01,0,0", Coordinates.of(1, 0, 0)),
            new Key("-0,0,0", Coordinates.of(0, 0, 0)),
            new Key("99999999999,1,2", null),
            new Key("a,b,c", null),
            new Key("", null),
            new Key("lore_1", null),
            new Key("x/y~z", null),
            new Key("1,2", null),
            new Key("1, 2, 3", null));

    /** Location keys: x,y,z mostly; now and then the odd keys §3.3 keeps, placed or not. */
    private static final Arbitrary<Key> LOCATION_KEY = Arbitraries.frequencyOf(Tuple.of(12, COORD_KEY), Tuple.of(1, ODD_KEY));

    /**
     * A current_position: x,y,z mostly, else any text that is no key of the x,y,z form (§3.3's
     * {@code -?\d+,-?\d+,-?\d+}), which names no grid position.
     */
    static final Arbitrary<Key> POSITION = Arbitraries.frequencyOf(
            Tuple.of(3, COORD_KEY),
            Tuple.of(1, TEXT.filter(t -> !t.matches("-?[0-9]+,-?[0-9]+,-?[0-9]+")).map(t -> new Key(t, null))));

    private static final Arbitrary<Json> LONG_TOKEN = Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.integers().between(0, 200).map(i -> (Json) JsonNumber.of(i))),
            Tuple.of(2, Arbitraries.longs().map(i -> (Json) JsonNumber.of(i))),
            Tuple.of(1, Arbitraries.of("-0", "9223372036854775807", "-9223372036854775808").map(JsonNumber::new)));

    private static final Arbitrary<Json> COORDINATES = Arbitraries.frequencyOf(
            Tuple.of(1, NULL),
            Tuple.of(4, Combinators.combine(COORD, COORD, COORD)
                    .as((x, y, z) -> (Json) JsonArray.of(JsonNumber.of(x), JsonNumber.of(y), JsonNumber.of(z)))),
            Tuple.of(1, LONG_TOKEN.list().ofMaxSize(4).map(l -> (Json) new JsonArray(l))));

    /**
     * The location ids drawn so long that {@code {id}_chat.jsonl} is over 255 UTF-8 bytes, and so no safe segment
     * (§2, §9.1), with or without the {@code _n} that makes them unique; every other id drawn is a short
     * {@link GenJson#SEGMENT}, for which that name is safe.
     */
    static final List<String> LONG_LOCATION_IDS = List.of("L".repeat(250), "\u00e9".repeat(127));

    /** Location ids: safe segments, now and then so long that {@code {id}_chat.jsonl} is over 255 bytes (§9.1). */
    private static final Arbitrary<Json> LOCATION_ID = Arbitraries.frequencyOf(
            Tuple.of(20, SEGMENT),
            Tuple.of(1, Arbitraries.of(LONG_LOCATION_IDS)))
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
            opt("target_coordinates", Arbitraries.frequencyOf(Tuple.of(1, NULL), Tuple.of(2, COORD_KEY.map(k -> (Json) new JsonString(k.text()))))),
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

    /** The state's metadata, also drawn for metadata.json; its "name" is a slot {@link GenWorlds} fills or drops. */
    static final Arbitrary<JsonObject> STATE_METADATA = object(List.of(
            opt("version", Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(new JsonString("1.0"))), Tuple.of(1, STRING))),
            opt("created_at", EPOCH_SECONDS),
            opt("last_modified", Arbitraries.frequencyOf(Tuple.of(3, EPOCH_SECONDS), Tuple.of(1, NUMBER))),
            req("name", Arbitraries.just(PLACEHOLDER)),
            opt("description", STRING),
            opt("tags", strings(3))));

    /**
     * A state of one shape (§3.1: top-level "name" in F and H, "metadata" in M and H). Its "name", the name in
     * its metadata, "current_position" and the location maps are slots (placeholders) that {@link GenWorlds}
     * fills, keeping their positions.
     */
    static Arbitrary<JsonObject> stateTemplate(WorldShape shape) {
        List<Arbitrary<Optional<Member>>> members = new ArrayList<>();
        if (shape != WorldShape.M) {
            members.add(req("name", Arbitraries.just(PLACEHOLDER)));
        }
        members.add(opt("version", Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(new JsonString("1.0"))), Tuple.of(1, STRING))));
        members.add(opt("current_position", Arbitraries.just(PLACEHOLDER)));
        members.add(opt("visited_positions", Arbitraries.frequencyOf(
                Tuple.of(3, COORD_KEY.map(k -> (Json) new JsonString(k.text()))), Tuple.of(1, STRING)).list().ofMaxSize(5)
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
    record RawLocation(Key key, boolean coordinatesFollowKey, JsonObject location) {
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
