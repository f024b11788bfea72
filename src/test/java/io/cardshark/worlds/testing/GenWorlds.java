package io.cardshark.worlds.testing;

import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.WorldShape;
import io.cardshark.worlds.testing.GenWorld.NameSource;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.cardshark.worlds.testing.GenChats.*;
import static io.cardshark.worlds.testing.GenJson.*;
import static io.cardshark.worlds.testing.GenStates.*;

/**
 * Random world folders for the round-trip properties (format spec §3, §5, §6, §7, §9): {@link #worlds()}
 * draws the parts of a world (its state, metadata.json, chats, events, opaque files, backups, empty
 * directories) and assembles them into a consistent {@link GenWorld}: location ids unique, keys unique,
 * chat ids and file names unique, chats linked to the world's locations (or to none, or to an unknown one).
 */
public final class GenWorlds {

    private GenWorlds() {
    }

    /** A whole generated world folder. */
    public static Arbitrary<GenWorld> worlds() {
        return WORLDS;
    }

    private static final Arbitrary<JsonObject> EVENT_RECORD = object(List.of(
            opt("id", Arbitraries.just(PLACEHOLDER)),
            opt("definition_id", SEGMENT_STRING),
            opt("location_id", SEGMENT_STRING),
            opt("trigger", Arbitraries.of("enter", "look", "timer", "interact").map(JsonString::new)),
            opt("timestamp", Arbitraries.frequencyOf(Tuple.of(3, EPOCH_MILLIS), Tuple.of(1, NUMBER))),
            opt("outcome", ANY_JSON)));

    private record RawEvent(String id, JsonObject document, GenStyle style) {
    }

    private static final Arbitrary<RawEvent> RAW_EVENT = Combinators.combine(SEGMENT, EVENT_RECORD, STYLE).as(RawEvent::new);

    private static final Arbitrary<byte[]> BYTES = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);

    private static final Arbitrary<GenFile> OPAQUE = Combinators.combine(
            Arbitraries.of("images/objects/%s.bin", "images/backgrounds/%s.png", "rooms/%s.png", "world_card.png",
                    "chats/%s.txt", "chats/deeper/%s.json", "events/%s.txt", "%s.md", "chats/%s.jsonl.bak"),
            SEGMENT, BYTES).as((pattern, name, bytes) -> new GenFile(String.format(pattern, name), bytes));

    private static final Arbitrary<GenFile> BACKUP_FILE = Combinators.combine(
            Arbitraries.of("world_state.backup.%s.json", "metadata.backup.%s.json", "chats/lore_1_chat.backup.%s.json",
                    "events/e.backup.%s.json"),
            Arbitraries.integers().between(0, 0x7fffffff).map(n -> String.format("%08x-0eff-41d4-b970-00c80da9dbaa", n)),
            Arbitraries.frequencyOf(Tuple.of(1, BYTES), Tuple.of(1, ANY_JSON.map(v -> JsonWriter.toBytes(v, JsonStyle.CARDSHARK)))))
            .as((pattern, tag, bytes) -> new GenFile(String.format(pattern, tag), bytes));

    /** metadata.json: absent mostly, an object, or bytes that are not an object (kept as a file, §4). */
    private record RawMetadata(JsonObject object, GenStyle style, byte[] opaque) {
    }

    private static final Arbitrary<RawMetadata> RAW_METADATA = Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(new RawMetadata(null, null, null))),
            Tuple.of(3, Combinators.combine(STATE_METADATA, STYLE).as((o, s) -> new RawMetadata(o, s, null))),
            Tuple.of(1, Arbitraries.of("[1, 2]", "{\"name\": ", "\"just a string\"", "not json")
                    .map(s -> new RawMetadata(null, null, s.getBytes(StandardCharsets.UTF_8)))));

    // =====================================================================================================
    // Assembly: ids unique, keys unique, references consistent
    // =====================================================================================================

    private record Parts(String id, WorldShape shape, JsonObject template, RawNames names, Key position,
                         List<RawLocation> grid, List<RawLore> lore, GenStyle stateStyle) {
    }

    private record Extras(RawMetadata metadata, List<RawChat> chats, List<RawEvent> events, List<GenFile> opaque,
                          List<GenFile> backups, List<String> emptyDirectories) {
    }

    /** Empty directories, recorded on import and recreated by both exports (§7, §9). */
    private static final Arbitrary<List<String>> EMPTY_DIRECTORIES = Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(List.<String>of())),
            Tuple.of(1, Arbitraries.of("rooms", "images", "images/backgrounds", "images/objects", "chats", "events",
                    "notes/deep", "chats/old", "images/objects/sub", "Zoë 🦊").list().ofMinSize(1).ofMaxSize(2).uniqueElements()));

    // =====================================================================================================
    // Display names (§2): the generator chooses the place that gives the name, then fills every place
    // =====================================================================================================

    /** What a name place holds: nothing, "" (passed over like nothing, §2 takes a non-empty string), or a name. */
    private enum NameForm { ABSENT, EMPTY, TEXT }

    /**
     * The draws behind a world's names: which of the places the world has gives the display name, what each
     * place before it holds (absent or ""), what each place after it holds (anything), a non-empty text for
     * each place, and whether a top-level name that holds a text holds the world id (CardShark's route wrote
     * the id there). Lists are indexed by {@link GenWorld.NameSource#ordinal()}.
     */
    private record RawNames(int winner, List<NameForm> before, List<NameForm> after, List<String> texts,
                            boolean topLevelIsId) {
    }

    private static final Arbitrary<RawNames> RAW_NAMES = Combinators.combine(
            Arbitraries.integers().between(0, 11), // 12: each of 1 to 4 places as likely
            Arbitraries.of(NameForm.ABSENT, NameForm.EMPTY).list().ofSize(3),
            Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(NameForm.ABSENT)), Tuple.of(1, Arbitraries.just(NameForm.EMPTY)),
                    Tuple.of(3, Arbitraries.just(NameForm.TEXT))).list().ofSize(3),
            nonEmptyText(10).list().ofSize(3),
            Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(true)), Tuple.of(2, Arbitraries.just(false))))
            .as(RawNames::new);

    private static final Arbitrary<Parts> PARTS = Arbitraries.of(WorldShape.F, WorldShape.M, WorldShape.H)
            .flatMap(shape -> Combinators.combine(
                    SAFE_ID, stateTemplate(shape), RAW_NAMES, POSITION,
                    RAW_LOCATION.list().ofMaxSize(5), RAW_LORE.list().ofMaxSize(3),
                    STYLE)
                    .as((id, template, names, position, grid, lore, style) ->
                            new Parts(id, shape, template, names, position, grid, lore, style)));

    private static final Arbitrary<Extras> EXTRAS_PARTS = Combinators.combine(
            RAW_METADATA, RAW_CHAT.list().ofMaxSize(3), RAW_EVENT.list().ofMaxSize(2), OPAQUE.list().ofMaxSize(2),
            Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.<GenFile>of())), Tuple.of(1, BACKUP_FILE.list().ofMinSize(1).ofMaxSize(2))),
            EMPTY_DIRECTORIES)
            .as(Extras::new);

    private static final Arbitrary<GenWorld> WORLDS = Combinators.combine(PARTS, EXTRAS_PARTS).as(GenWorlds::assemble);

    private static String unique(String wanted, Set<String> taken) {
        String s = wanted;
        for (int n = 2; !taken.add(s); n++) {
            s = wanted + "_" + n;
        }
        return s;
    }

    private static GenWorld assemble(Parts p, Extras x) {
        // Locations: location_ids unique across both maps (§3.3), keys unique in each map.
        Set<String> ids = new HashSet<>();
        List<String> locationIds = new ArrayList<>();
        JsonObject.Builder grid = JsonObject.builder();
        Set<String> gridKeys = new HashSet<>();
        // Where each location is placed (§3.3, this store): at its key's coordinates, unless an earlier key
        // named the same ones; a key not of the x,y,z form places nothing.
        Map<String, Coordinates> placed = new LinkedHashMap<>();
        Set<Coordinates> taken = new HashSet<>();
        for (RawLocation raw : p.grid()) {
            if (!gridKeys.add(raw.key().text())) {
                continue;
            }
            JsonObject l = raw.location();
            String id = unique(((JsonString) l.get("location_id")).value(), ids);
            locationIds.add(id);
            l = l.with("location_id", new JsonString(id));
            Coordinates at = raw.key().at();
            if (raw.coordinatesFollowKey() && l.get("coordinates") instanceof JsonArray && at != null) {
                l = l.with("coordinates", JsonArray.of(JsonNumber.of(at.x()), JsonNumber.of(at.y()), JsonNumber.of(at.z())));
            }
            if (at != null && taken.add(at)) {
                placed.put(id, at);
            }
            grid.put(raw.key().text(), l);
        }
        JsonObject.Builder lore = JsonObject.builder();
        Set<String> loreKeys = new HashSet<>();
        int n = 9;
        for (RawLore raw : p.lore()) {
            JsonObject l = raw.location();
            String id = unique(((JsonString) l.get("location_id")).value(), ids);
            locationIds.add(id);
            l = l.with("location_id", new JsonString(id));
            String key = switch (raw.keyMode()) {
                case 0 -> id;
                case 1 -> "lore_" + n++;
                default -> raw.text();
            };
            lore.put(unique(key, loreKeys), l);
        }
        JsonObject state = p.template();
        if (state.has("locations")) {
            state = state.with("locations", grid.build());
        } else {
            placed.clear();
        }
        if (state.has("unconnected_locations")) {
            state = state.with("unconnected_locations", lore.build());
        }

        // current_position: the drawn key, or absent and then "0,0,0" (§3.2's default), which is 0,0,0.
        String positionKey = "0,0,0";
        Optional<Coordinates> position = Optional.of(Coordinates.of(0, 0, 0));
        if (state.has("current_position")) {
            state = state.with("current_position", new JsonString(p.position().text()));
            positionKey = p.position().text();
            position = Optional.ofNullable(p.position().at());
        }

        // Display name (§2): the first non-empty string of the state's metadata.name, metadata.json's name,
        // the top-level name, else the folder name. Of the places this world has (§3.1: metadata in M and H,
        // top-level name in F and H; metadata.json when it is an object, §4), the draw picks the one that gives
        // the name; every place before it is left absent or "", every place after it holds anything.
        RawMetadata m = x.metadata();
        JsonObject metadataFile = m.object();
        RawNames names = p.names();
        List<NameSource> places = new ArrayList<>();
        if (p.shape() != WorldShape.F) {
            places.add(NameSource.STATE_METADATA);
        }
        if (metadataFile != null) {
            places.add(NameSource.METADATA_JSON);
        }
        if (p.shape() != WorldShape.M) {
            places.add(NameSource.TOP_LEVEL);
        }
        places.add(NameSource.FOLDER);
        NameSource from = places.get(names.winner() % places.size());
        String displayName = p.id();
        for (NameSource place : places) {
            if (place == NameSource.FOLDER) {
                continue;
            }
            int i = place.ordinal();
            NameForm form = place == from ? NameForm.TEXT : i < from.ordinal() ? names.before().get(i) : names.after().get(i);
            if (place == NameSource.TOP_LEVEL && form == NameForm.ABSENT) {
                form = NameForm.EMPTY; // F and H need a top-level name (§3.1)
            }
            String text = place == NameSource.TOP_LEVEL && names.topLevelIsId() ? p.id() : names.texts().get(i);
            JsonString value = switch (form) {
                case ABSENT -> null;
                case EMPTY -> new JsonString("");
                case TEXT -> new JsonString(text);
            };
            if (place == from) {
                displayName = text;
            }
            switch (place) {
                case STATE_METADATA -> state = state.with("metadata", withName((JsonObject) state.get("metadata"), value));
                case METADATA_JSON -> metadataFile = withName(metadataFile, value);
                default -> state = state.with("name", value);
            }
        }
        GenWorld.Expected expected = new GenWorld.Expected(displayName, from, positionKey, position, Map.copyOf(placed));
        List<String> linkable = state.has("locations") || state.has("unconnected_locations")
                ? locationIdsIn(state) : List.of();

        // Chats: chat ids unique in the world (§5.3), file names unique.
        Set<String> chatIds = new HashSet<>();
        Set<String> paths = new HashSet<>();
        List<GenChat> chats = new ArrayList<>();
        List<RawChat> second = new ArrayList<>();
        for (RawChat c : x.chats()) {
            if (c.kind() == GenChat.Kind.JSONL && c.headerHasChatId()) {
                second.add(c);
                continue;
            }
            // The chat id is the file name: .json chats, and JSONL chats without a chat_id (so it names a file).
            String seed = c.kind() == GenChat.Kind.JSONL ? c.stem() : c.idSeed();
            String id = unique(seed, chatIds);
            String path = "chats/" + id + (c.kind() == GenChat.Kind.JSONL ? ".jsonl" : ".json");
            paths.add(path);
            chats.add(chat(c, id, path, linkable, true));
        }
        for (RawChat c : second) {
            String id = unique(c.idSeed(), chatIds);
            String stem = c.stem();
            for (int k = 2; paths.contains("chats/" + stem + ".jsonl"); k++) {
                stem = c.stem() + "_" + k;
            }
            String path = "chats/" + stem + ".jsonl";
            paths.add(path);
            chats.add(chat(c, id, path, linkable, !NO_FILE_NAME.contains(c.idSeed())));
        }
        chats.sort(Comparator.comparing(GenChat::path));

        // Events: one file per id.
        Set<String> eventIds = new HashSet<>();
        List<GenEvent> events = new ArrayList<>();
        for (RawEvent e : x.events()) {
            String id = unique(e.id(), eventIds);
            JsonObject doc = e.document().has("id") ? e.document().with("id", new JsonString(id)) : e.document();
            events.add(new GenEvent(id, doc, e.style()));
            paths.add("events/" + id + ".json");
        }
        List<GenFile> opaque = new ArrayList<>();
        for (GenFile f : x.opaque()) {
            if (paths.add(f.path())) {
                opaque.add(f);
            }
        }
        List<GenFile> backups = new ArrayList<>();
        for (GenFile f : x.backups()) {
            if (paths.add(f.path())) {
                backups.add(f);
            }
        }
        if (m.object() != null || m.opaque() != null) {
            paths.add("metadata.json");
        }
        paths.add("world_state.json");
        // Empty means empty: no file below it and no other chosen directory below it.
        List<String> empty = new ArrayList<>();
        for (String d : x.emptyDirectories()) {
            if (paths.stream().noneMatch(f -> f.startsWith(d + "/"))
                    && x.emptyDirectories().stream().noneMatch(o -> o.startsWith(d + "/"))) {
                empty.add(d);
            }
        }
        return new GenWorld(p.id(), p.shape(), state, p.stateStyle(), metadataFile, m.style(), m.opaque(), List.copyOf(chats),
                List.copyOf(events), List.copyOf(opaque), List.copyOf(backups), List.copyOf(empty), expected);
    }

    /** The object with its "name" slot set to the value (keeping its position), or without "name" for null. */
    private static JsonObject withName(JsonObject o, JsonString name) {
        return name == null ? o.without("name") : o.with("name", name);
    }

    private static List<String> locationIdsIn(JsonObject state) {
        List<String> ids = new ArrayList<>();
        for (String map : List.of("locations", "unconnected_locations")) {
            if (state.get(map) instanceof JsonObject o) {
                o.asMap().values().forEach(l -> ids.add(((JsonString) ((JsonObject) l).get("location_id")).value()));
            }
        }
        return ids;
    }

    /**
     * A chat's location value as written, and the location §5.3 makes of it: one of the world's location ids
     * (that location), "" (none) or an unknown id (kept as it is).
     */
    private record LocationValue(JsonString written, String location) {
    }

    /** The chat's location value: one of the world's location ids mostly, else "" (none) or an unknown id. */
    private static LocationValue locationValue(int choice, List<String> linkable) {
        int slots = linkable.size() + 2;
        int c = choice % slots;
        if (c < linkable.size()) {
            return new LocationValue(new JsonString(linkable.get(c)), linkable.get(c));
        }
        if (c == linkable.size()) {
            return new LocationValue(new JsonString(""), null);
        }
        return new LocationValue(new JsonString("nowhere_" + choice), "nowhere_" + choice);
    }

    /**
     * The chat file with its chat id, path and location value filled in. The header knows its title, times and
     * whether it has a place for the location value; whether it holds the chat id is known from the kind: a
     * JSONL header holds it when drawn with its chat id slot filled; a shape-A document holds it as "id"
     * (read before a metadata.chat_id, §5.3, which A's metadata may hold with another value); a shape-B
     * document holds it as metadata.chat_id and has neither "chat_id" nor "id" above it.
     */
    private static GenChat chat(RawChat c, String chatId, String path, List<String> linkable, boolean idFile) {
        LocationValue location = locationValue(c.locationChoice(), linkable);
        Header h = c.header();
        String locationId = h.hasLocation() ? location.location() : null;
        boolean locationFile = locationId != null && LONG_LOCATION_IDS.stream().noneMatch(locationId::startsWith);
        GenChat.Expected expected = new GenChat.Expected(h.title(), locationId, h.created(), h.updated(), idFile, locationFile);
        JsonArray messages = new JsonArray(c.messages().stream().map(m -> (Json) m.document()).toList());
        return switch (c.kind()) {
            case JSONL -> {
                JsonObject header = fillHeader(h.template(), chatId, c.headerHasChatId(), location.written());
                yield new GenChat(GenChat.Kind.JSONL, chatId, path, header, c.messages(), null, null, c.crlf(), c.blankAfter(),
                        c.headerHasChatId(), expected);
            }
            case A -> {
                JsonObject doc = h.template().with("id", new JsonString(chatId)).with("messages", messages)
                        .with("location_id", location.written());
                yield new GenChat(GenChat.Kind.A, chatId, path, doc.without("messages"), c.messages(), doc, c.style(), false, -1,
                        true, expected);
            }
            case B -> {
                JsonObject metadata = ((JsonObject) h.template().get("metadata"))
                        .with("chat_id", new JsonString(chatId)).with("location_id", location.written());
                JsonObject doc = h.template().with("messages", messages).with("metadata", metadata);
                yield new GenChat(GenChat.Kind.B, chatId, path, doc.without("messages"), c.messages(), doc, c.style(), false, -1,
                        true, expected);
            }
        };
    }
}
