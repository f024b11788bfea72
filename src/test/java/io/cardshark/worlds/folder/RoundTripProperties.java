package io.cardshark.worlds.folder;

import io.cardshark.worlds.internal.fs.FileSync;
import io.cardshark.worlds.Chat;
import io.cardshark.worlds.ChatMessage;
import io.cardshark.worlds.EventDefinition;
import io.cardshark.worlds.Exit;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.PlayerState;
import io.cardshark.worlds.Visit;
import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonBool;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonWriter;
import io.cardshark.worlds.testing.GenChat;
import io.cardshark.worlds.testing.GenEvent;
import io.cardshark.worlds.testing.GenFile;
import io.cardshark.worlds.testing.GenMessage;
import io.cardshark.worlds.testing.GenWorld;
import io.cardshark.worlds.testing.GenWorlds;
import io.cardshark.worlds.testing.Trees;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>The worlds and their generators live in {@code testing}: {@link GenWorlds} draws them, {@link GenWorld}
 * and {@link GenChat} hold what was generated.
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
                assertThat(first.worlds().get(world.id()).displayName())
                        .as("display name (§2), from the %s", world.expected().displayNameFrom())
                        .isEqualTo(world.expected().displayName());
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
            FileSync.deleteTree(tmp);
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
            if (world.chats().stream().anyMatch(c -> c.kind() == GenChat.Kind.JSONL)) {
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
            List<GenChat> jsonl = world.chats().stream().filter(c -> c.kind() == GenChat.Kind.JSONL).toList();
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
                if (chat.expected().idFile() && !generated.containsKey(preferred)) {
                    assertThat(path).as("file of chat " + chat.chatId()).isEqualTo(preferred);
                }
                JsonObject doc = (JsonObject) JsonReader.read(exported.get(path)).value();
                assertThat(doc.get("messages")).as(path + " messages")
                        .isEqualTo(new JsonArray(new ArrayList<>(chat.documents())));
                assertThat(doc).as(path + " (shape A per §9.2)").isEqualTo(chat.expectedShapeA());
            }
        } finally {
            FileSync.deleteTree(tmp);
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
            FileSync.deleteTree(tmp);
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
        assertThat(store.worlds().get(id).positionKey()).as("worlds().get().positionKey = current_position, else \"0,0,0\"")
                .isEqualTo(world.expected().positionKey());
        assertThat(store.players().position(id)).as("players().position = current_position as coordinates")
                .isEqualTo(world.expected().position());
        JsonObject player = state.get("player") instanceof JsonObject o ? o : JsonObject.EMPTY;
        assertThat(store.players().state(id)).as("players().state: player's integers, else 100, 100, 1, 0")
                .isEqualTo(new PlayerState(stat(player, "health", 100), stat(player, "stamina", 100),
                        stat(player, "level", 1), stat(player, "experience", 0)));

        // Locations: connected ones first, each group in stored (file) order.
        List<String> gridIds = new ArrayList<>();
        List<String> loreIds = new ArrayList<>();
        Map<String, JsonObject> byId = new LinkedHashMap<>();
        if (state.get("locations") instanceof JsonObject grid) {
            grid.asMap().values().forEach(value -> {
                JsonObject l = (JsonObject) value;
                String lid = ((JsonString) l.get("location_id")).value();
                gridIds.add(lid);
                byId.put(lid, l);
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
            assertThat(l.coordinates()).as(where + " coordinates (from its key)")
                    .isEqualTo(world.expected().grid().get(l.locationId()));
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
            assertThat(c.locationId()).as(where + " location").isEqualTo(g.expected().locationId());
            assertThat(c.title()).as(where + " title").isEqualTo(g.expected().title());
            assertThat(c.createdToken()).as(where + " created (JSON text)").isEqualTo(g.expected().created());
            assertThat(c.updatedToken()).as(where + " updated (JSON text)").isEqualTo(g.expected().updated());
            assertThat(c.messageCount()).as(where + " message count").isEqualTo(g.messages().size());
            List<ChatMessage> messages = store.chats().pageForward(id, g.chatId(), -1, 10_000).messages();
            assertThat(messages).as(where + " messages").hasSameSizeAs(g.messages());
            for (int i = 0; i < messages.size(); i++) {
                ChatMessage m = messages.get(i);
                GenMessage expected = g.messages().get(i);
                assertThat(m.seq()).as(where + " message seq").isEqualTo(i);
                assertThat(JsonReader.read(m.document()).value()).as(where + " message " + i + " document")
                        .isEqualTo(expected.document());
                assertThat(m.id()).as(where + " message " + i + " id").isEqualTo(expected.id());
                assertThat(m.role()).as(where + " message " + i + " role (role, or sender)").isEqualTo(expected.role());
                assertThat(m.content()).as(where + " message " + i + " content").isEqualTo(expected.content());
            }
        }
    }

    private static long stat(JsonObject player, String key, long otherwise) {
        return player.get(key) instanceof JsonNumber n ? Long.parseLong(n.token()) : otherwise;
    }

    @Provide
    Arbitrary<GenWorld> worlds() {
        return GenWorlds.worlds();
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
     * object, with {@code "chat_id"} first when the header does not hold the chat's id, and its messages; a
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
        // Chats: every direct child of chats/ is a .jsonl file, one per chat, holding exactly that chat's
        // canonical JSONL (which names the chat: its header holds the chat id, or gets "chat_id" first).
        Map<String, byte[]> chatFiles = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : exported.entrySet()) {
            if (!isDirectChatFile(e.getKey()) || world.opaque().stream().anyMatch(f -> f.path().equals(e.getKey()))
                    || world.backups().stream().anyMatch(f -> f.path().equals(e.getKey()))) {
                continue;
            }
            assertThat(e.getKey()).as("a chat file of the documented export").endsWith(".jsonl");
            assertThat(WorldIds.isSafeSegment(e.getKey().substring("chats/".length()))).as(e.getKey() + " is a safe segment").isTrue();
            chatFiles.put(e.getKey(), e.getValue());
        }
        assertThat(chatFiles.keySet()).as("chat files of the documented export, one per chat").hasSize(world.chats().size());
        Map<String, Long> chatsAt = new java.util.HashMap<>();
        world.chats().forEach(c -> {
            String at = c.expected().locationId();
            if (at != null) {
                chatsAt.merge(at, 1L, Long::sum);
            }
        });
        for (GenChat c : world.chats()) {
            byte[] expected = c.expectedJsonl();
            String path = chatFiles.entrySet().stream().filter(e -> Arrays.equals(e.getValue(), expected))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (path == null) {
                // No file holds it: show where it differs from the file that comes closest.
                String closest = chatFiles.entrySet().stream()
                        .max(Comparator.comparingInt(e -> Arrays.mismatch(e.getValue(), expected)))
                        .map(Map.Entry::getKey).orElse("chats/(none)");
                assertSameBytes(closest, expected, chatFiles.get(closest) == null ? new byte[0] : chatFiles.get(closest),
                        "chat " + quoted(c.chatId()) + " as canonical JSONL", "documented export");
            }
            chatFiles.remove(path);
            String at = c.expected().locationId();
            if (at != null && chatsAt.get(at) == 1 && c.expected().locationFile()) {
                assertThat(path).as("the only chat of location " + quoted(at)).isEqualTo("chats/" + at + "_chat.jsonl");
            }
        }
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


    private static String quoted(String s) {
        return JsonWriter.quote(s, true);
    }
}
