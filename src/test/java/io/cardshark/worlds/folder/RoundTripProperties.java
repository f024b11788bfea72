package io.cardshark.worlds.folder;

import io.cardshark.worlds.Chat;
import io.cardshark.worlds.ChatMessage;
import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.EventDefinition;
import io.cardshark.worlds.Exit;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.PlayerState;
import io.cardshark.worlds.Visit;
import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.WorldShape;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonBool;
import io.cardshark.worlds.internal.json.JsonNull;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonWriter;
import io.cardshark.worlds.testing.Trees;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random world folders (format spec §3, §5, §6, §7, §9) through import and both export layouts.
 *
 * <p>Each try writes a generated world folder into a fresh temporary directory, with every JSON file written
 * by {@link JsonWriter} in one of Python's {@code json.dump} styles and every chat either canonical JSONL or a
 * CardShark {@code .json} chat (shape A or B), then checks:
 * <ol>
 *   <li>import (report: IMPORTED, shape, counts, display name), documented export, import into a second
 *       store, documented export: byte-identical trees and directories; the first export also holds every
 *       generated value (each JSON file is the generated value in the documented style, each chat its
 *       canonical JSONL, a location's only chat named after it);</li>
 *   <li>import, cardshark export: every generated file but a JSONL chat comes back byte for byte at its path,
 *       each JSONL chat comes back as the shape-A document §9.2 describes, and no other directory appears;</li>
 *   <li>the API answers the same for the original and for its documented export, and agrees with the
 *       generated files (§3.4 defaults, §5.3 chat fields, messages as read).</li>
 * </ol>
 *
 */
class RoundTripProperties {

    // =====================================================================================================
    // Properties
    // =====================================================================================================

    /** §9.1: export, import, export is byte-identical, and the first export is lossless; §10.3: the report. */
    @Property(tries = 25, edgeCases = EdgeCasesMode.NONE)
    void documentedExportImportExportIsByteIdentical(@ForAll("worlds") GenWorld world) throws IOException {
        world.collectStatistics();
        Path tmp = tempDirectory("rt-documented");
        try {
            Path source = world.writeTo(tmp.resolve("src"));
            Path one = tmp.resolve("one");
            Path two = tmp.resolve("two");
            try (WorldStore first = open(tmp.resolve("store1"))) {
                ImportResult r = importOne(first, source);
                assertThat(r.outcome()).as("outcome").isEqualTo(ImportOutcome.IMPORTED);
                assertThat(r.worldId()).isEqualTo(world.id());
                assertThat(r.stateFile()).isEqualTo("world_state.json");
                assertThat(r.shape()).as("shape").isEqualTo(world.shape());
                assertThat(r.counts()).as("import counts").isEqualTo(world.expectedCounts());
                assertThat(first.worlds().get(world.id()).displayName()).as("display name (§2)")
                        .isEqualTo(world.expectedDisplayName());
                first.folders().export(List.of(world.id()), one, Layout.DOCUMENTED);
            }
            try (WorldStore second = open(tmp.resolve("store2"))) {
                ImportResult r = importOne(second, one.resolve(world.id()));
                assertThat(r.outcome()).as("re-import outcome").isEqualTo(ImportOutcome.IMPORTED);
                second.folders().export(List.of(world.id()), two, Layout.DOCUMENTED);
            }
            Map<String, byte[]> firstExport = Trees.files(one.resolve(world.id()));
            assertDocumentedHoldsEveryValue(world, firstExport);
            assertSameTree(firstExport, Trees.files(two.resolve(world.id())),
                    "first documented export", "second documented export");
            assertThat(Trees.directories(two.resolve(world.id())))
                    .as("directories of the second documented export")
                    .isEqualTo(Trees.directories(one.resolve(world.id())))
                    .contains("chats", "events", "images/backgrounds", "images/objects")
                    .containsAll(world.emptyDirectories());
        } finally {
            deleteTree(tmp);
        }
    }

    /** §9.2: a cardshark export reproduces every imported file; JSONL chats become shape-A documents. */
    @Property(tries = 25, edgeCases = EdgeCasesMode.NONE)
    void cardsharkExportReproducesEveryGeneratedFile(@ForAll("worlds") GenWorld world) throws IOException {
        Path tmp = tempDirectory("rt-cardshark");
        try {
            Path source = world.writeTo(tmp.resolve("src"));
            Path out = tmp.resolve("out");
            try (WorldStore store = open(tmp.resolve("store"))) {
                ImportResult r = importOne(store, source);
                assertThat(r.outcome()).as("outcome").isEqualTo(ImportOutcome.IMPORTED);
                store.folders().export(List.of(world.id()), out, Layout.CARDSHARK);
            }
            Map<String, byte[]> generated = world.files();
            Map<String, byte[]> exported = new TreeMap<>(Trees.files(out.resolve(world.id())));
            // Only directories holding files, plus recorded empty ones (the JSONL chats' .json files stay in chats/).
            Set<String> expectedDirectories = new TreeSet<>(Trees.directories(source));
            if (world.chats().stream().anyMatch(c -> c.kind() == ChatKind.JSONL)) {
                expectedDirectories.add("chats");
            }
            assertThat(new TreeSet<>(Trees.directories(out.resolve(world.id())))).as("directories of the cardshark export")
                    .isEqualTo(expectedDirectories);
            Map<String, byte[]> expectedVerbatim = new TreeMap<>(generated);
            expectedVerbatim.keySet().removeIf(p -> p.endsWith(".jsonl") && isDirectChatFile(p));
            // Every generated file but a JSONL chat, byte for byte at its own path.
            for (Map.Entry<String, byte[]> e : expectedVerbatim.entrySet()) {
                assertThat(exported).as("cardshark export").containsKey(e.getKey());
                assertSameBytes(e.getKey(), e.getValue(), exported.remove(e.getKey()), "generated", "cardshark export");
            }
            // What is left: one shape-A .json file per JSONL chat.
            List<GenChat> jsonl = world.chats().stream().filter(c -> c.kind() == ChatKind.JSONL).toList();
            assertThat(exported.keySet()).as("files beyond the generated ones (the JSONL chats as .json)")
                    .hasSize(jsonl.size())
                    .allSatisfy(p -> assertThat(isDirectChatFile(p) && p.endsWith(".json")).as(p).isTrue());
            Map<String, String> pathOfChat = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> e : exported.entrySet()) {
                Json doc = JsonReader.read(e.getValue()).value();
                assertThat(doc).as(e.getKey()).isInstanceOf(JsonObject.class);
                Json id = ((JsonObject) doc).get("id");
                assertThat(id).as(e.getKey() + " \"id\"").isInstanceOf(JsonString.class);
                pathOfChat.put(((JsonString) id).value(), e.getKey());
            }
            for (GenChat chat : jsonl) {
                String path = pathOfChat.get(chat.chatId());
                assertThat(path).as("the shape-A file of JSONL chat " + chat.chatId()).isNotNull();
                String preferred = "chats/" + chat.chatId() + ".json";
                if (WorldIds.isSafeSegment(chat.chatId() + ".json") && !generated.containsKey(preferred)) {
                    assertThat(path).as("file of chat " + chat.chatId()).isEqualTo(preferred);
                }
                JsonObject doc = (JsonObject) JsonReader.read(exported.get(path)).value();
                assertThat(doc.get("messages")).as(path + " messages")
                        .isEqualTo(new JsonArray(new ArrayList<>(chat.messages())));
                assertThat(doc).as(path + " (shape A per §9.2)").isEqualTo(chat.expectedShapeA());
            }
        } finally {
            deleteTree(tmp);
        }
    }

    /** The API answers the same for an imported world and its documented export, and agrees with the files. */
    @Property(tries = 25, edgeCases = EdgeCasesMode.NONE)
    void apiSeesEqualWorldsAfterDocumentedRoundTrip(@ForAll("worlds") GenWorld world) throws IOException {
        Path tmp = tempDirectory("rt-api");
        try {
            Path source = world.writeTo(tmp.resolve("src"));
            Path one = tmp.resolve("one");
            String id = world.id();
            try (WorldStore first = open(tmp.resolve("store1"));
                 WorldStore second = open(tmp.resolve("store2"))) {
                assertThat(importOne(first, source).outcome()).isEqualTo(ImportOutcome.IMPORTED);
                first.folders().export(List.of(id), one, Layout.DOCUMENTED);
                assertThat(importOne(second, one.resolve(id)).outcome()).isEqualTo(ImportOutcome.IMPORTED);

                assertThat(second.locations().list(id)).as("locations().list").isEqualTo(first.locations().list(id));
                assertThat(second.locations().unconnected(id)).as("locations().unconnected")
                        .isEqualTo(first.locations().unconnected(id));
                assertThat(second.players().visits(id)).as("players().visits").isEqualTo(first.players().visits(id));
                assertThat(second.players().position(id)).as("players().position").isEqualTo(first.players().position(id));
                assertThat(second.players().state(id)).as("players().state").isEqualTo(first.players().state(id));
                assertThat(second.worlds().get(id).displayName()).as("display name")
                        .isEqualTo(first.worlds().get(id).displayName());
                assertThat(second.worlds().get(id).shape()).as("shape").isEqualTo(first.worlds().get(id).shape());
                assertThat(second.worlds().metadataDocument(id)).as("metadata document")
                        .isEqualTo(first.worlds().metadataDocument(id));
                assertThat(second.files().list(id)).as("files().list").isEqualTo(first.files().list(id));

                List<Chat> chats = first.chats().list(id);
                assertThat(second.chats().list(id)).as("chats().list").isEqualTo(chats);
                assertThat(chats).extracting(Chat::chatId).as("chat ids")
                        .containsExactlyInAnyOrderElementsOf(world.chats().stream().map(GenChat::chatId).toList());
                for (Chat chat : chats) {
                    assertThat(second.chats().pageForward(id, chat.chatId(), -1, 10_000).messages())
                            .as("messages of chat " + chat.chatId())
                            .isEqualTo(first.chats().pageForward(id, chat.chatId(), -1, 10_000).messages());
                }
                for (GenEvent event : world.events()) {
                    assertThat(second.events().get(id, event.eventId())).as("event " + event.eventId())
                            .isEqualTo(first.events().get(id, event.eventId()));
                }
                assertApiAnswersTheGeneratedWorld(world, first);
            }
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * What the store answers for the imported world agrees with the generated files: §3.4 defaults for absent
     * fields, §5.3 chat fields, messages as read (every key, in order), locations in stored order.
     */
    private static void assertApiAnswersTheGeneratedWorld(GenWorld world, WorldStore store) {
        String id = world.id();
        JsonObject state = world.state();
        List<Visit> visits = new ArrayList<>();
        if (state.get("visited_positions") instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                visits.add(new Visit(i, ((JsonString) a.get(i)).value()));
            }
        }
        assertThat(store.players().visits(id)).as("players().visits = visited_positions").isEqualTo(visits);
        String positionKey = state.get("current_position") instanceof JsonString s ? s.value() : "0,0,0";
        assertThat(store.worlds().get(id).positionKey()).as("worlds().get().positionKey = current_position, else \"0,0,0\"")
                .isEqualTo(positionKey);
        assertThat(store.players().position(id)).as("players().position = current_position as coordinates")
                .isEqualTo(Coordinates.parse(positionKey));
        JsonObject player = state.get("player") instanceof JsonObject o ? o : JsonObject.EMPTY;
        assertThat(store.players().state(id)).as("players().state: player's integers, else 100, 100, 1, 0")
                .isEqualTo(new PlayerState(stat(player, "health", 100), stat(player, "stamina", 100),
                        stat(player, "level", 1), stat(player, "experience", 0)));

        // Locations: connected ones first, each group in stored (file) order.
        List<String> gridIds = new ArrayList<>();
        List<String> loreIds = new ArrayList<>();
        Map<String, JsonObject> byId = new LinkedHashMap<>();
        Map<String, Coordinates> placed = new LinkedHashMap<>();
        Set<Coordinates> taken = new HashSet<>();
        if (state.get("locations") instanceof JsonObject grid) {
            grid.asMap().forEach((key, value) -> {
                JsonObject l = (JsonObject) value;
                String lid = ((JsonString) l.get("location_id")).value();
                gridIds.add(lid);
                byId.put(lid, l);
                Coordinates.parse(key).filter(taken::add).ifPresent(c -> placed.put(lid, c));
            });
        }
        if (state.get("unconnected_locations") instanceof JsonObject lore) {
            lore.asMap().values().forEach(value -> {
                JsonObject l = (JsonObject) value;
                String lid = ((JsonString) l.get("location_id")).value();
                loreIds.add(lid);
                byId.put(lid, l);
            });
        }
        List<Location> listed = store.locations().list(id);
        List<String> expectedOrder = new ArrayList<>(gridIds);
        expectedOrder.addAll(loreIds);
        assertThat(listed).extracting(Location::locationId).as("locations().list order").isEqualTo(expectedOrder);
        assertThat(store.locations().unconnected(id)).extracting(Location::locationId).as("locations().unconnected")
                .isEqualTo(loreIds);
        for (Location l : listed) {
            JsonObject raw = byId.get(l.locationId());
            String where = "location " + quoted(l.locationId());
            assertThat(l.name()).as(where + " name").isEqualTo(((JsonString) raw.get("name")).value());
            assertThat(l.description()).as(where + " description").isEqualTo(((JsonString) raw.get("description")).value());
            assertThat(l.coordinates()).as(where + " coordinates (from its key)").isEqualTo(placed.get(l.locationId()));
            if (gridIds.contains(l.locationId())) {
                for (String f : List.of("introduction", "zone_id", "room_type", "notes", "background", "lore_source")) {
                    String actual = switch (f) {
                        case "introduction" -> l.introduction();
                        case "zone_id" -> l.zoneId();
                        case "room_type" -> l.roomType();
                        case "notes" -> l.notes();
                        case "background" -> l.background();
                        default -> l.loreSource();
                    };
                    assertThat(actual).as(where + " " + f).isEqualTo(raw.get(f) instanceof JsonString s ? s.value() : null);
                }
                assertThat(l.npcs()).as(where + " npcs").isEqualTo(raw.get("npcs") instanceof JsonArray a
                        ? a.elements().stream().map(v -> ((JsonString) v).value()).toList() : List.of());
                assertThat(l.exits()).extracting(Exit::direction).as(where + " exit directions")
                        .isEqualTo(raw.get("explicit_exits") instanceof JsonObject x ? List.copyOf(x.keys()) : List.of());
                assertThat(l.events()).extracting(EventDefinition::id).as(where + " event definitions")
                        .isEqualTo(raw.get("events") instanceof JsonArray a
                                ? a.elements().stream().map(v -> ((JsonString) ((JsonObject) v).get("id")).value()).toList()
                                : List.of());
                boolean connected = !(raw.get("connected") instanceof JsonBool b) || b.value();
                assertThat(!Boolean.FALSE.equals(l.connected())).as(where + " connected (null and absent read as true)")
                        .isEqualTo(connected);
            } else {
                assertThat(l.loreSource()).as(where + " lore_source").isEqualTo(((JsonString) raw.get("lore_source")).value());
            }
        }

        // Chats: §5.3 fields; messages as read, in order.
        Map<String, Chat> chats = new TreeMap<>();
        store.chats().list(id).forEach(c -> chats.put(c.chatId(), c));
        assertThat(chats.keySet()).as("chat ids").isEqualTo(new TreeSet<>(world.chats().stream().map(GenChat::chatId).toList()));
        for (GenChat g : world.chats()) {
            Chat c = chats.get(g.chatId());
            String where = "chat " + quoted(g.chatId());
            assertThat(c.locationId()).as(where + " location").isEqualTo(g.locationValue());
            assertThat(c.title()).as(where + " title").isEqualTo(g.expectedTitle());
            assertThat(c.createdToken()).as(where + " created (JSON text)").isEqualTo(g.expectedTimeText(CREATED));
            assertThat(c.updatedToken()).as(where + " updated (JSON text)").isEqualTo(g.expectedTimeText(UPDATED));
            assertThat(c.messageCount()).as(where + " message count").isEqualTo(g.messages().size());
            List<ChatMessage> messages = store.chats().pageForward(id, g.chatId(), -1, 10_000).messages();
            assertThat(messages).as(where + " messages").hasSameSizeAs(g.messages());
            for (int i = 0; i < messages.size(); i++) {
                ChatMessage m = messages.get(i);
                JsonObject expected = g.messages().get(i);
                assertThat(m.seq()).as(where + " message seq").isEqualTo(i);
                assertThat(JsonReader.read(m.document()).value()).as(where + " message " + i + " document").isEqualTo(expected);
                assertThat(m.id()).as(where + " message " + i + " id")
                        .isEqualTo(expected.get("id") instanceof JsonString s ? s.value() : null);
                assertThat(m.role()).as(where + " message " + i + " role").isEqualTo(
                        expected.get("role") instanceof JsonString s ? s.value()
                                : expected.get("sender") instanceof JsonString s2 ? s2.value() : null);
                assertThat(m.content()).as(where + " message " + i + " content").isEqualTo(
                        expected.get("content") instanceof JsonString s ? s.value()
                                : expected.get("mes") instanceof JsonString s2 ? s2.value() : null);
            }
        }
    }

    private static final List<String> CREATED = List.of("created", "created_at", "metadata.created_at", "create_date",
            "chat_metadata.created_timestamp", "timestamp");
    private static final List<String> UPDATED = List.of("updated", "updated_at", "metadata.updated_at");

    private static long stat(JsonObject player, String key, long otherwise) {
        return player.get(key) instanceof JsonNumber n ? Long.parseLong(n.token()) : otherwise;
    }

    @Provide
    Arbitrary<GenWorld> worlds() {
        return WORLDS;
    }

    // =====================================================================================================
    // Helpers for the properties
    // =====================================================================================================

    /**
     * Every try's folder lives under one root. Each try deletes its own in a finally block; the root goes after
     * the class and again at JVM exit, because when bounded shrinking times out jqwik stops waiting for the
     * shrinker but does not stop it, so tries may still be running (and their finally blocks pending) then.
     */
    private static final Path ROOT = createRoot();

    private static Path createRoot() {
        try {
            Path root = Files.createTempDirectory("round-trip-properties");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root)));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDirectory(String prefix) throws IOException {
        return Files.createTempDirectory(ROOT, prefix);
    }

    @AfterContainer
    static void removeRoot() {
        deleteQuietly(ROOT);
    }

    /** Deletes what it can; files of a try that is still running may come and go meanwhile. */
    private static void deleteQuietly(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }

    private static WorldStore open(Path dataDir) {
        return WorldStore.configure().dataDir(dataDir).open();
    }

    private static ImportResult importOne(WorldStore store, Path worldFolder) {
        List<ImportResult> results = store.folders().importFolders(List.of(worldFolder), false);
        assertThat(results).hasSize(1);
        ImportResult r = results.get(0);
        assertThat(r.error()).as("import error of " + worldFolder).isNull();
        return r;
    }

    /**
     * §9.1 and the lossless rule of §1: the first documented export holds every generated value. JSON files are
     * the generated values written in the documented style; each chat is one JSONL file (§5.1) of its chat-level
     * object, with {@code "chat_id"} first when the §5.3 lookup would not yield its id, and its messages; a
     * location's only chat is named after the location; metadata.json comes back only when there was one.
     */
    private static void assertDocumentedHoldsEveryValue(GenWorld world, Map<String, byte[]> exported) {
        assertSameBytes("world_state.json", JsonWriter.toBytes(world.state(), JsonStyle.DOCUMENTED),
                exported.get("world_state.json"), "generated state in the documented style", "documented export");
        if (world.metadataFile() != null) {
            assertSameBytes("metadata.json", JsonWriter.toBytes(world.metadataFile(), JsonStyle.DOCUMENTED),
                    exported.get("metadata.json"), "generated metadata in the documented style", "documented export");
        } else if (world.metadataOpaque() != null) {
            assertSameBytes("metadata.json", world.metadataOpaque(), exported.get("metadata.json"), "generated",
                    "documented export");
        } else {
            assertThat(exported).as("documented export without a metadata.json imported (§4)").doesNotContainKey("metadata.json");
        }
        for (GenEvent e : world.events()) {
            assertSameBytes(e.path(), JsonWriter.toBytes(e.document(), JsonStyle.DOCUMENTED), exported.get(e.path()),
                    "generated event in the documented style", "documented export");
        }
        for (GenFile f : world.opaque()) {
            assertSameBytes(f.path(), f.bytes(), exported.get(f.path()), "generated", "documented export");
        }
        for (GenFile f : world.backups()) {
            assertSameBytes(f.path(), f.bytes(), exported.get(f.path()), "generated", "documented export");
        }
        // Chats: every direct child of chats/ is a .jsonl file, one per chat, found by its header.
        Map<String, String> fileOfChat = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : exported.entrySet()) {
            if (!isDirectChatFile(e.getKey()) || world.opaque().stream().anyMatch(f -> f.path().equals(e.getKey()))
                    || world.backups().stream().anyMatch(f -> f.path().equals(e.getKey()))) {
                continue;
            }
            assertThat(e.getKey()).as("a chat file of the documented export").endsWith(".jsonl");
            assertThat(WorldIds.isSafeSegment(e.getKey().substring("chats/".length()))).as(e.getKey() + " is a safe segment").isTrue();
            String text = new String(e.getValue(), StandardCharsets.UTF_8);
            int lf = text.indexOf('\n');
            JsonObject header = (JsonObject) JsonReader.read(lf < 0 ? text : text.substring(0, lf)).value();
            String id = lookupChatId(header);
            assertThat(id).as(e.getKey() + ": chat id of the header " + header).isNotNull();
            assertThat(fileOfChat.put(id, e.getKey())).as("two files for chat " + id).isNull();
        }
        assertThat(fileOfChat.keySet()).as("chat ids of the documented export")
                .isEqualTo(new TreeSet<>(world.chats().stream().map(GenChat::chatId).toList()));
        Map<String, Long> chatsAt = new java.util.HashMap<>();
        world.chats().forEach(c -> {
            String at = c.locationValue();
            if (at != null) {
                chatsAt.merge(at, 1L, Long::sum);
            }
        });
        for (GenChat c : world.chats()) {
            String path = fileOfChat.get(c.chatId());
            assertSameBytes(path, c.expectedJsonl(), exported.get(path), "generated chat as canonical JSONL", "documented export");
            String at = c.locationValue();
            if (at != null && chatsAt.get(at) == 1 && WorldIds.isSafeSegment(at + "_chat.jsonl")) {
                assertThat(path).as("the only chat of location " + quoted(at)).isEqualTo("chats/" + at + "_chat.jsonl");
            }
        }
    }

    /** §5.3: the first string among header chat_id, id, metadata.chat_id, chat_metadata.chat_id. */
    static String lookupChatId(JsonObject header) {
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

    private static boolean isDirectChatFile(String path) {
        return path.startsWith("chats/") && path.indexOf('/', "chats/".length()) < 0;
    }

    private static void assertSameTree(Map<String, byte[]> expected, Map<String, byte[]> actual, String expectedName,
                                       String actualName) {
        assertThat(actual.keySet()).as("paths of the " + actualName + " vs the " + expectedName)
                .isEqualTo(expected.keySet());
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            assertSameBytes(e.getKey(), e.getValue(), actual.get(e.getKey()), expectedName, actualName);
        }
    }

    /** Fails naming the path, the first differing byte and an excerpt of both sides around it. */
    private static void assertSameBytes(String path, byte[] expected, byte[] actual, String expectedName, String actualName) {
        if (Arrays.equals(expected, actual)) {
            return;
        }
        int at = Arrays.mismatch(expected, actual);
        fail(path + ": " + actualName + " differs from " + expectedName + " at byte " + at
                + " (lengths " + expected.length + " vs " + actual.length + ")\n  " + expectedName + ": "
                + excerpt(expected, at) + "\n  " + actualName + ": " + excerpt(actual, at));
    }

    private static String excerpt(byte[] bytes, int at) {
        int from = Math.max(0, at - 60);
        int to = Math.min(bytes.length, at + 60);
        String s = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder("…");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append("…").toString();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // =====================================================================================================
    // The generated world
    // =====================================================================================================

    enum ChatKind { JSONL, A, B }

    /** A chat file: JSONL (header + messages) or a .json document (shape A or B) with its messages inside. */
    record GenChat(ChatKind kind, String chatId, String path, JsonObject header, List<JsonObject> messages,
                   JsonObject document, Fmt style, boolean crlf, int blankAfter) {

        /** .json chats in their format; JSONL by §9.4's line rule, now and then with CRLF or a blank line (§5.1). */
        byte[] bytes() {
            if (kind != ChatKind.JSONL) {
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
        String locationValue() {
            for (String path : List.of("location_id", "metadata.location_id", "chat_metadata.location_id")) {
                if (at(header, path) instanceof JsonString s) {
                    return s.value().isEmpty() ? null : s.value();
                }
            }
            return null;
        }

        /** §5.3: the first string or number among title, metadata.title, chat_metadata.title. */
        String expectedTitle() {
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
        String expectedTimeText(List<String> lookup) {
            for (String path : lookup) {
                Json v = at(header, path);
                if (v instanceof JsonString || v instanceof JsonNumber) {
                    return JsonWriter.toCompactString(v);
                }
            }
            return null;
        }

        /** §5.1: the chat-level object, "chat_id" first when the lookup would not yield the id, then the messages. */
        byte[] expectedJsonl() {
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
        JsonObject expectedShapeA() {
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
            String head = kind == ChatKind.JSONL ? JsonWriter.toCompactString(header)
                    : JsonWriter.toCompactString(document.without("messages"));
            StringBuilder b = new StringBuilder(kind + " " + path + " id=" + quoted(chatId)
                    + (kind == ChatKind.JSONL ? (crlf ? " CRLF" : "") + (blankAfter >= 0 ? " blank line before message " + blankAfter : "")
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
    }

    record GenEvent(String eventId, JsonObject document, Fmt style) {
        String path() {
            return "events/" + eventId + ".json";
        }

        @Override
        public String toString() {
            return path() + " " + style + ": " + JsonWriter.toCompactString(document);
        }
    }

    record GenFile(String path, byte[] bytes) {
        @Override
        public String toString() {
            return path + " (" + bytes.length + " bytes)";
        }
    }

    /**
     * A whole world folder.
     *
     * @param metadataFile   metadata.json as an object, or {@code null}
     * @param metadataOpaque metadata.json as bytes that are not a JSON object, or {@code null}
     */
    record GenWorld(String id, WorldShape shape, JsonObject state, Fmt stateStyle, JsonObject metadataFile,
                    Fmt metadataStyle, byte[] metadataOpaque, List<GenChat> chats, List<GenEvent> events,
                    List<GenFile> opaque, List<GenFile> backups, List<String> emptyDirectories) {

        /** Every file of the folder, by relative path. */
        Map<String, byte[]> files() {
            Map<String, byte[]> files = new TreeMap<>();
            files.put("world_state.json", stateStyle.write(state));
            if (metadataFile != null) {
                files.put("metadata.json", metadataStyle.write(metadataFile));
            } else if (metadataOpaque != null) {
                files.put("metadata.json", metadataOpaque);
            }
            for (GenChat c : chats) {
                files.put(c.path(), c.bytes());
            }
            for (GenEvent e : events) {
                files.put(e.path(), e.style().write(e.document()));
            }
            for (GenFile f : opaque) {
                files.put(f.path(), f.bytes());
            }
            for (GenFile f : backups) {
                files.put(f.path(), f.bytes());
            }
            return files;
        }

        Path writeTo(Path base) throws IOException {
            Path folder = base.resolve(id);
            Files.createDirectories(folder);
            for (Map.Entry<String, byte[]> e : files().entrySet()) {
                Path p = folder.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, e.getValue());
            }
            for (String d : emptyDirectories) {
                Files.createDirectories(folder.resolve(d));
            }
            return folder;
        }

        ImportCounts expectedCounts() {
            int locations = state.get("locations") instanceof JsonObject o ? o.size() : 0;
            int unconnected = state.get("unconnected_locations") instanceof JsonObject o ? o.size() : 0;
            long messages = chats.stream().mapToLong(c -> c.messages().size()).sum();
            long bytes = files().values().stream().mapToLong(b -> b.length).sum();
            return new ImportCounts(locations, unconnected, chats.size(), messages, events.size(),
                    opaque.size() + (metadataOpaque != null ? 1 : 0), backups.size(), bytes);
        }

        /** What the generator covered; jqwik prints it after the property. */
        void collectStatistics() {
            Statistics.label("shape").collect(shape);
            Statistics.label("chats").collect(chats.stream().map(c -> c.kind().name()).sorted().toList().toString());
            Statistics.label("long chat (2000 messages)").collect(chats.stream().anyMatch(c -> c.messages().size() >= 2000));
            int grid = state.get("locations") instanceof JsonObject o ? o.size() : -1;
            Statistics.label("locations (-1: key absent)").collect(grid);
            Set<String> odd = new TreeSet<>();
            if (!stateStyle.reproducible()) {
                odd.add("state bytes no style reproduces");
            }
            for (GenChat c : chats) {
                if (c.kind() == ChatKind.JSONL && (c.crlf() || c.blankAfter() >= 0 && c.blankAfter() < c.messages().size())) {
                    odd.add("JSONL CRLF/blank line");
                }
                if (c.kind() != ChatKind.JSONL && !c.style().reproducible()) {
                    odd.add(".json chat bytes no style reproduces");
                }
                if (!WorldIds.isSafeSegment(c.chatId() + ".json")) {
                    odd.add("chat id no file can be named after");
                }
            }
            if (events.stream().anyMatch(e -> !e.style().reproducible())) {
                odd.add("event bytes no style reproduces");
            }
            if (locationIds(state).stream().anyMatch(id -> !WorldIds.isSafeSegment(id + "_chat.jsonl"))) {
                odd.add("location id too long for a file name");
            }
            if (JsonWriter.toCompactString(state).matches("(?s).*\\\\ud[89ab][0-9a-f]{2}(?!\\\\ud[c-f]).*")) {
                odd.add("lone high surrogate in state");
            }
            if (!backups.isEmpty()) {
                odd.add("backups");
            }
            if (metadataFile != null || metadataOpaque != null) {
                odd.add(metadataOpaque != null ? "metadata.json not an object" : "metadata.json");
            }
            Statistics.label("oddities").collect(odd.toString());
        }

        /** §2: state metadata.name, metadata.json name, top-level name, the folder name; first non-empty string. */
        String expectedDisplayName() {
            if (state.get("metadata") instanceof JsonObject m && m.get("name") instanceof JsonString s && !s.value().isEmpty()) {
                return s.value();
            }
            if (metadataFile != null && metadataFile.get("name") instanceof JsonString s && !s.value().isEmpty()) {
                return s.value();
            }
            if (state.get("name") instanceof JsonString s && !s.value().isEmpty()) {
                return s.value();
            }
            return id;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("GenWorld " + quoted(id) + " shape " + shape + "\n");
            b.append("  world_state.json ").append(stateStyle).append(": ").append(JsonWriter.toCompactString(state));
            if (metadataFile != null) {
                b.append("\n  metadata.json ").append(metadataStyle).append(": ")
                        .append(JsonWriter.toCompactString(metadataFile));
            } else if (metadataOpaque != null) {
                b.append("\n  metadata.json: ").append(metadataOpaque.length).append(" bytes, not an object");
            }
            chats.forEach(c -> b.append("\n  chat ").append(c));
            events.forEach(e -> b.append("\n  event ").append(e));
            opaque.forEach(f -> b.append("\n  file ").append(f));
            backups.forEach(f -> b.append("\n  backup ").append(f));
            emptyDirectories.forEach(d -> b.append("\n  empty directory ").append(d));
            return b.toString();
        }
    }

    private static String quoted(String s) {
        return JsonWriter.quote(s, true);
    }

    // =====================================================================================================
    // Generators: strings, numbers, JSON values
    // =====================================================================================================

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

    private static Arbitrary<String> text(int maxUnits) {
        return TEXT_UNIT.list().ofMaxSize(maxUnits).map(l -> String.join("", l));
    }

    private static final Arbitrary<String> TEXT = text(10);

    /** Letters, digits, {@code _ -} and some non-ASCII letters: a safe world id (§2). */
    private static final Arbitrary<String> SAFE_ID = Arbitraries.strings()
            .withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').withChars("_-äöüßéñøΩжπ東京ハ")
            .ofMinLength(1).ofMaxLength(12);

    /** A safe segment (§2) with more in it: spaces, dots, %, emoji; never {@code .}, {@code ..}, *.tmp or a backup name. */
    private static final Arbitrary<String> SEGMENT = Arbitraries.frequencyOf(
            Tuple.of(4, SAFE_ID),
            Tuple.of(1, Combinators.combine(SAFE_ID, Arbitraries.of(" ", ".", "%", "🐉", " (1)", "~", "'", ",", "+"), SAFE_ID)
                    .as((a, sep, c) -> a + sep + c)),
            Tuple.of(1, Arbitraries.of("origin_0_0_0", "lore_1", "start room", "Zoë 🦊", "a.b", "%41", "x~1", "東京")))
            .filter(s -> !s.equals(".") && !s.equals("..") && !s.endsWith(".tmp") && !s.contains(".backup."));

    private static Arbitrary<String> digits(int min, int max) {
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

    private static final Arbitrary<Json> NUMBER = NUMBER_TOKEN.map(JsonNumber::new);
    private static final Arbitrary<Json> STRING = TEXT.map(JsonString::new);
    private static final Arbitrary<Json> NULL = Arbitraries.just(JsonNull.INSTANCE);
    private static final Arbitrary<Json> BOOL = Arbitraries.of(JsonBool.TRUE, JsonBool.FALSE);
    private static final Arbitrary<Json> STRING_OR_NULL = Arbitraries.frequencyOf(Tuple.of(1, NULL), Tuple.of(3, STRING));

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
                        .map(RoundTripProperties::objectOfEntries)));
    }

    /** Keys of free-form objects: any text. */
    private static final Arbitrary<String> EXTRA_KEY_ANY = Arbitraries.frequencyOf(
            Tuple.of(3, text(6)),
            Tuple.of(2, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> "x_" + s)),
            Tuple.of(1, Arbitraries.of("", "extra", "_private", "zoë 🦊", "a/b~c", "\ud800", "Name", "ID")));

    private static final Arbitrary<Json> ANY_JSON = anyJson(3);

    private static Json objectOfEntries(List<Tuple2<String, Json>> entries) {
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
    private static final Arbitrary<List<Tuple2<String, Json>>> EXTRAS = Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(List.of())),
            Tuple.of(2, Combinators.combine(EXTRA_KEY_ANY.filter(k -> !RESERVED.contains(k)), ANY_JSON).as(Tuple::of)
                    .list().ofMinSize(1).ofMaxSize(3)));

    // =====================================================================================================
    // Generators: objects with known fields, extras at random places, sometimes shuffled
    // =====================================================================================================

    /** One known member of an object, or none. */
    private record Member(String key, Json value) {
    }

    private static Arbitrary<Optional<Member>> req(String key, Arbitrary<? extends Json> value) {
        return value.map(v -> Optional.of(new Member(key, v)));
    }

    private static Arbitrary<Optional<Member>> opt(String key, Arbitrary<? extends Json> value) {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Optional.<Member>empty())),
                Tuple.of(2, value.map(v -> Optional.of(new Member(key, v)))));
    }

    /**
     * An object of the given members (in their order), with unknown members inserted at random positions and,
     * now and then, every member shuffled (key order is data and must survive whatever it is).
     */
    private static Arbitrary<JsonObject> object(List<Arbitrary<Optional<Member>>> members) {
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

    // =====================================================================================================
    // Generators: world_state.json (§3.2)
    // =====================================================================================================

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

    private static Arbitrary<Json> strings(int max) {
        return STRING.list().ofMaxSize(max).map(l -> (Json) new JsonArray(l));
    }

    private static final Arbitrary<Json> SEGMENT_STRING = SEGMENT.map(JsonString::new);

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
                    .list().ofMaxSize(3).map(RoundTripProperties::objectOfEntries)));

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

    private static final Arbitrary<JsonObject> STATE_METADATA = object(List.of(
            opt("version", Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(new JsonString("1.0"))), Tuple.of(1, STRING))),
            opt("created_at", EPOCH_SECONDS),
            opt("last_modified", Arbitraries.frequencyOf(Tuple.of(3, EPOCH_SECONDS), Tuple.of(1, NUMBER))),
            opt("name", Arbitraries.frequencyOf(Tuple.of(4, STRING), Tuple.of(1, Arbitraries.just(new JsonString(""))))),
            opt("description", STRING),
            opt("tags", strings(3))));

    /** A placeholder the assembly replaces (keeping its position) with the generated locations. */
    private static final JsonObject PLACEHOLDER = JsonObject.EMPTY;

    private static Arbitrary<JsonObject> stateTemplate(WorldShape shape) {
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

    /**
     * How a JSON file is written: a §9.3 style (indent 2; ensure_ascii; LF or CRLF; final newline or not), or,
     * with a BOM or on one line, bytes no style reproduces (kept as original bytes, §9.3).
     */
    record Fmt(JsonStyle style, boolean bom) {
        byte[] write(Json value) {
            byte[] b = JsonWriter.toBytes(value, style);
            if (!bom) {
                return b;
            }
            byte[] withBom = new byte[b.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(b, 0, withBom, 3, b.length);
            return withBom;
        }

        /** Whether some §9.3 style reproduces the bytes. */
        boolean reproducible() {
            return style.indent() == 2 && !bom;
        }

        @Override
        public String toString() {
            return "(" + style + (bom ? ";BOM" : "") + ")";
        }
    }

    private static final Arbitrary<Fmt> STYLE = Arbitraries.frequencyOf(
            Tuple.of(12, Arbitraries.just(new Fmt(JsonStyle.CARDSHARK, false))),
            Tuple.of(6, Arbitraries.just(new Fmt(JsonStyle.DOCUMENTED, false))),
            Tuple.of(2, Arbitraries.of(new JsonStyle(2, true, true, false), new JsonStyle(2, true, false, true),
                    new JsonStyle(2, false, true, true)).map(st -> new Fmt(st, false))),
            Tuple.of(2, Arbitraries.of(new Fmt(new JsonStyle(JsonStyle.NO_INDENT, true, false, false), false),
                    new Fmt(new JsonStyle(JsonStyle.NO_INDENT, false, false, true), false),
                    new Fmt(JsonStyle.CARDSHARK, true))));

    /** A location as generated, before ids, keys and coordinates are made consistent. */
    private record RawLocation(String key, boolean coordinatesFollowKey, JsonObject location) {
    }

    private static final Arbitrary<RawLocation> RAW_LOCATION = Combinators.combine(
            LOCATION_KEY, Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(true)), Tuple.of(1, Arbitraries.just(false))),
            LOCATION).as(RawLocation::new);

    /** Unconnected keys: 0 = the location_id (CardShark's convention), 1 = lore_{n} from 9 on, 2 = any text. */
    private record RawLore(int keyMode, String text, JsonObject location) {
    }

    private static final Arbitrary<RawLore> RAW_LORE = Combinators.combine(
            Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)), Tuple.of(2, Arbitraries.just(1)), Tuple.of(1, Arbitraries.just(2))),
            TEXT, UNCONNECTED).as(RawLore::new);

    // =====================================================================================================
    // Generators: chats (§5), events (§6), files and backups (§7, §8)
    // =====================================================================================================

    private static final Arbitrary<Json> EPOCH_MILLIS = Arbitraries.longs().between(1_500_000_000_000L, 1_900_000_000_000L)
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
    private static JsonObject fillHeader(JsonObject header, String chatId, boolean withChatId, JsonString location) {
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
    private record RawChat(ChatKind kind, String idSeed, String stem, boolean headerHasChatId, JsonObject template,
                           List<JsonObject> messages, Fmt style, int locationChoice, boolean crlf, int blankAfter) {
    }

    private static final Arbitrary<ChatKind> CHAT_KIND = Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.just(ChatKind.JSONL)), Tuple.of(3, Arbitraries.just(ChatKind.A)),
            Tuple.of(1, Arbitraries.just(ChatKind.B)));

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

    private static final Arbitrary<RawChat> RAW_CHAT = CHAT_KIND.flatMap(kind -> Combinators.combine(
            kind == ChatKind.JSONL ? JSONL_CHAT_ID : CHAT_ID_SEED, SEGMENT,
            Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(true)), Tuple.of(1, Arbitraries.just(false))),
            kind == ChatKind.JSONL ? JSONL_HEADER : kind == ChatKind.A ? SHAPE_A : SHAPE_B,
            MESSAGES,
            kind == ChatKind.B
                    ? Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(new Fmt(JsonStyle.DOCUMENTED, false))), Tuple.of(1, STYLE))
                    : STYLE,
            Arbitraries.integers().between(0, 20), JSONL_LAYOUT)
            .as((id, stem, hasId, template, messages, style, location, layout) ->
                    new RawChat(kind, id, stem, hasId, template, messages, style, location, layout.get1(), layout.get2())));

    private static final Arbitrary<JsonObject> EVENT_RECORD = object(List.of(
            opt("id", Arbitraries.just(PLACEHOLDER)),
            opt("definition_id", SEGMENT_STRING),
            opt("location_id", SEGMENT_STRING),
            opt("trigger", Arbitraries.of("enter", "look", "timer", "interact").map(JsonString::new)),
            opt("timestamp", Arbitraries.frequencyOf(Tuple.of(3, EPOCH_MILLIS), Tuple.of(1, NUMBER))),
            opt("outcome", ANY_JSON)));

    private record RawEvent(String id, JsonObject document, Fmt style) {
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
    private record RawMetadata(JsonObject object, Fmt style, byte[] opaque) {
    }

    private static final Arbitrary<RawMetadata> RAW_METADATA = Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(new RawMetadata(null, null, null))),
            Tuple.of(3, Combinators.combine(STATE_METADATA, STYLE).as((o, s) -> new RawMetadata(o, s, null))),
            Tuple.of(1, Arbitraries.of("[1, 2]", "{\"name\": ", "\"just a string\"", "not json")
                    .map(s -> new RawMetadata(null, null, s.getBytes(StandardCharsets.UTF_8)))));

    // =====================================================================================================
    // Assembly: ids unique, keys unique, references consistent
    // =====================================================================================================

    private record Parts(String id, WorldShape shape, JsonObject template, boolean nameIsId, List<RawLocation> grid,
                         List<RawLore> lore, Fmt stateStyle) {
    }

    private record Extras(RawMetadata metadata, List<RawChat> chats, List<RawEvent> events, List<GenFile> opaque,
                          List<GenFile> backups, List<String> emptyDirectories) {
    }

    /** Empty directories, recorded on import and recreated by both exports (§7, §9). */
    private static final Arbitrary<List<String>> EMPTY_DIRECTORIES = Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(List.<String>of())),
            Tuple.of(1, Arbitraries.of("rooms", "images", "images/backgrounds", "images/objects", "chats", "events",
                    "notes/deep", "chats/old", "images/objects/sub", "Zoë 🦊").list().ofMinSize(1).ofMaxSize(2).uniqueElements()));

    private static final Arbitrary<Parts> PARTS = Arbitraries.of(WorldShape.F, WorldShape.M, WorldShape.H)
            .flatMap(shape -> Combinators.combine(
                    SAFE_ID, stateTemplate(shape),
                    Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(true)), Tuple.of(2, Arbitraries.just(false))),
                    RAW_LOCATION.list().ofMaxSize(5), RAW_LORE.list().ofMaxSize(3),
                    STYLE)
                    .as((id, template, nameIsId, grid, lore, style) -> new Parts(id, shape, template, nameIsId, grid, lore, style)));

    private static final Arbitrary<Extras> EXTRAS_PARTS = Combinators.combine(
            RAW_METADATA, RAW_CHAT.list().ofMaxSize(3), RAW_EVENT.list().ofMaxSize(2), OPAQUE.list().ofMaxSize(2),
            Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.<GenFile>of())), Tuple.of(1, BACKUP_FILE.list().ofMinSize(1).ofMaxSize(2))),
            EMPTY_DIRECTORIES)
            .as(Extras::new);

    private static final Arbitrary<GenWorld> WORLDS = Combinators.combine(PARTS, EXTRAS_PARTS).as(RoundTripProperties::assemble);

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
        for (RawLocation raw : p.grid()) {
            if (!gridKeys.add(raw.key())) {
                continue;
            }
            JsonObject l = raw.location();
            String id = unique(((JsonString) l.get("location_id")).value(), ids);
            locationIds.add(id);
            l = l.with("location_id", new JsonString(id));
            Optional<Coordinates> at = Coordinates.parse(raw.key());
            if (raw.coordinatesFollowKey() && l.get("coordinates") instanceof JsonArray && at.isPresent()) {
                Coordinates c = at.get();
                l = l.with("coordinates", JsonArray.of(JsonNumber.of(c.x()), JsonNumber.of(c.y()), JsonNumber.of(c.z())));
            }
            grid.put(raw.key(), l);
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
        }
        if (state.has("unconnected_locations")) {
            state = state.with("unconnected_locations", lore.build());
        }
        if (p.nameIsId() && state.has("name")) {
            state = state.with("name", new JsonString(p.id()));
        }
        List<String> linkable = state.has("locations") || state.has("unconnected_locations")
                ? locationIdsIn(state) : List.of();

        // Chats: chat ids unique in the world (§5.3), file names unique.
        Set<String> chatIds = new HashSet<>();
        Set<String> paths = new HashSet<>();
        List<GenChat> chats = new ArrayList<>();
        List<RawChat> second = new ArrayList<>();
        for (RawChat c : x.chats()) {
            if (c.kind() == ChatKind.JSONL && c.headerHasChatId()) {
                second.add(c);
                continue;
            }
            // The chat id is the file name: .json chats, and JSONL chats without a chat_id.
            String seed = c.kind() == ChatKind.JSONL ? c.stem() : c.idSeed();
            String id = unique(seed, chatIds);
            String path = "chats/" + id + (c.kind() == ChatKind.JSONL ? ".jsonl" : ".json");
            paths.add(path);
            chats.add(chat(c, id, path, linkable));
        }
        for (RawChat c : second) {
            String id = unique(c.idSeed(), chatIds);
            String stem = c.stem();
            for (int k = 2; paths.contains("chats/" + stem + ".jsonl"); k++) {
                stem = c.stem() + "_" + k;
            }
            String path = "chats/" + stem + ".jsonl";
            paths.add(path);
            chats.add(chat(c, id, path, linkable));
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
        RawMetadata m = x.metadata();
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
        return new GenWorld(p.id(), p.shape(), state, p.stateStyle(), m.object(), m.style(), m.opaque(), List.copyOf(chats),
                List.copyOf(events), List.copyOf(opaque), List.copyOf(backups), List.copyOf(empty));
    }

    private static List<String> locationIds(JsonObject state) {
        return locationIdsIn(state);
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

    /** The chat's location value: one of the world's location ids mostly, else "" (none) or an unknown id. */
    private static JsonString locationValue(int choice, List<String> linkable) {
        int slots = linkable.size() + 2;
        int c = choice % slots;
        if (c < linkable.size()) {
            return new JsonString(linkable.get(c));
        }
        return new JsonString(c == linkable.size() ? "" : "nowhere_" + choice);
    }

    private static GenChat chat(RawChat c, String chatId, String path, List<String> linkable) {
        JsonString location = locationValue(c.locationChoice(), linkable);
        JsonArray messages = new JsonArray(new ArrayList<>(c.messages()));
        return switch (c.kind()) {
            case JSONL -> {
                JsonObject header = fillHeader(c.template(), chatId, c.headerHasChatId(), location);
                yield new GenChat(ChatKind.JSONL, chatId, path, header, c.messages(), null, null, c.crlf(), c.blankAfter());
            }
            case A -> {
                JsonObject doc = c.template().with("id", new JsonString(chatId)).with("messages", messages)
                        .with("location_id", location);
                yield new GenChat(ChatKind.A, chatId, path, doc.without("messages"), c.messages(), doc, c.style(), false, -1);
            }
            case B -> {
                JsonObject metadata = ((JsonObject) c.template().get("metadata"))
                        .with("chat_id", new JsonString(chatId)).with("location_id", location);
                JsonObject doc = c.template().with("messages", messages).with("metadata", metadata);
                yield new GenChat(ChatKind.B, chatId, path, doc.without("messages"), c.messages(), doc, c.style(), false, -1);
            }
        };
    }
}
