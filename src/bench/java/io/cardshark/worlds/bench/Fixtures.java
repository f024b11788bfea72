package io.cardshark.worlds.bench;

import io.cardshark.worlds.Durability;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.internal.json.JsonStyle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The data every trial starts from, built once per benchmark run and copied for each trial (a JMH fork), so that a
 * world of 100,000 locations or a chat of 1,000,000 messages is built once, not once per benchmark: the first fork
 * that needs a fixture builds it under {@code bench.dir/fixtures/{key}} (through a temporary name, so a half-built
 * fixture is never used), later forks copy it. BenchMain deletes the fixtures before and after a run.
 *
 * <p>Every approach holds the same content ({@link BenchWorlds}): this store's worlds are imported from a generated
 * world folder (atomically per world, as the import runs), the file approach's are that folder, SQLite's and bare
 * H2's are inserted row by row with the same keys and values.
 */
public final class Fixtures {

    /** The world every single-world fixture holds. */
    public static final String WORLD = "Bench_World";
    /** The chat every chat fixture holds. */
    public static final String CHAT = "chat_0";

    private Fixtures() {
    }

    public static Path benchDir() {
        return Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
    }

    public static Path fixtureRoot() {
        return benchDir().resolve("fixtures");
    }

    @FunctionalInterface
    public interface Builder {
        void build(Path dir) throws Exception;
    }

    /** The fixture {@code key}, built by {@code builder} into an empty folder if no complete one exists yet. */
    public static synchronized Path template(String key, Builder builder) {
        try {
            Path done = fixtureRoot().resolve(key);
            if (Files.exists(done.resolve(".complete"))) {
                return done;
            }
            Path building = fixtureRoot().resolve(key + ".building");
            BenchWorlds.deleteTree(building);
            BenchWorlds.deleteTree(done);
            Files.createDirectories(building);
            long t = System.nanoTime();
            builder.build(building);
            Files.writeString(building.resolve(".complete"), String.format("built in %.1f s%n", (System.nanoTime() - t) / 1e9));
            Files.move(building, done, StandardCopyOption.ATOMIC_MOVE);
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("building fixture " + key, e);
        }
    }

    /** A fresh private copy of fixture {@code key} for one trial; remove it with {@link #delete}. */
    public static Path copy(String key, Builder builder) {
        Path template = template(key, builder);
        try {
            Path trials = benchDir().resolve("trials");
            Files.createDirectories(trials);
            Path dir = Files.createTempDirectory(trials, key + "-");
            Files.delete(dir);
            BenchWorlds.copyTree(template, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path dir) {
        try {
            BenchWorlds.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WorldStore open(Path dir, Durability durability) {
        return open(dir, durability, StoreConfig.DEFAULT_CACHE_SIZE_MB);
    }

    /** {@link #open(Path, Durability)} with H2's page cache at {@code cacheSizeMb}. */
    public static WorldStore open(Path dir, Durability durability, int cacheSizeMb) {
        return open(dir, durability, cacheSizeMb, true);
    }

    /** {@link #open(Path, Durability, int)}, its search indexer's thread started or not. */
    public static WorldStore open(Path dir, Durability durability, int cacheSizeMb, boolean backgroundIndexing) {
        return WorldStore.configure().dataDir(dir.resolve("store")).durability(durability).cacheSizeMb(cacheSizeMb)
                .backgroundIndexing(backgroundIndexing).open();
    }

    private static void importFolder(Path storeDir, Path folder) {
        try (WorldStore store = WorldStore.configure().dataDir(storeDir).open()) {
            importSeconds(store, folder);
        }
    }

    /** Imports one world folder into {@code store}; returns the seconds it took. Fails when it is rejected. */
    static double importSeconds(WorldStore store, Path folder) {
        long t0 = System.nanoTime();
        ImportResult r = store.folders().importFolders(List.of(folder), false).get(0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!r.isImported()) {
            throw new IllegalStateException("import of " + folder + ": " + r.error());
        }
        return seconds;
    }

    // ---- one world of N locations ----

    /** Key of this store's world of {@code locations} locations: {@code store/}. */
    public static String h2World(int locations) {
        return "h2-world-" + locations;
    }

    public static Path copyH2World(int locations) {
        return copy(h2World(locations), dir -> {
            Path src = dir.resolve("src").resolve(WORLD);
            BenchWorlds.generateFolder(src, locations, 0, 0);
            importFolder(dir.resolve("store"), src);
            BenchWorlds.deleteTree(dir.resolve("src"));
        });
    }

    /** The file approach's world of {@code locations} locations: {@code Bench_World/world_state.json}, as CardShark wrote it. */
    public static Path copyFileWorld(int locations) {
        return copy("file-world-" + locations, dir ->
                BenchWorlds.writeWorldState(dir.resolve(WORLD).resolve("world_state.json"), WORLD, locations, JsonStyle.CARDSHARK));
    }

    /** The world of {@code locations} locations through plain JDBC, in SQLite or bare H2. */
    public static Path copyPlainWorld(JdbcWorlds.Engine engine, int locations) {
        return copy(engine.fixtureName() + "-world-" + locations, dir -> {
            try (JdbcWorlds db = JdbcWorlds.open(dir, engine.builder())) {
                db.insertWorld(WORLD, "Bench World");
                db.insertLocations(WORLD, locations, BenchWorlds::npc);
                db.commit();
            }
        });
    }

    // ---- one chat of M messages in a world of 10 locations ----

    public static Path copyH2Chat(int messages) {
        return copy("h2-chat-" + messages, dir -> {
            Path src = dir.resolve("src").resolve(WORLD);
            BenchWorlds.generateFolder(src, 10, messages, 1);
            importFolder(dir.resolve("store"), src);
            BenchWorlds.deleteTree(dir.resolve("src"));
        });
    }

    /** {@code chat.jsonl}: the header and {@code messages} lines. */
    public static Path copyJsonlChat(int messages) {
        return copy("jsonl-chat-" + messages, dir -> {
            Path src = dir.resolve("src");
            BenchWorlds.generateFolder(src, 1, messages, 1);
            Files.move(src.resolve("chats").resolve("loc_0_chat.jsonl"), dir.resolve("chat.jsonl"));
            BenchWorlds.deleteTree(src);
        });
    }

    /** The template (never a copy) of {@code chat_0.json} in CardShark's shape A; callers copy the file. */
    public static Path shapeAChat(int messages) {
        return template("shape-a-chat-" + messages, dir -> BenchWorlds.writeShapeAChat(dir.resolve("chat_0.json"), 0, messages));
    }

    /** The chat of {@code messages} messages through plain JDBC, in SQLite or bare H2. */
    public static Path copyPlainChat(JdbcWorlds.Engine engine, int messages) {
        return copy(engine.fixtureName() + "-chat-" + messages, dir -> {
            try (JdbcWorlds db = JdbcWorlds.open(dir, engine.builder())) {
                db.insertWorld(WORLD, "Bench World");
                db.insertLocations(WORLD, 10, BenchWorlds::npc);
                db.insertChat(WORLD, CHAT, messages);
                db.commit();
            }
        });
    }

    // ---- many worlds ----

    public static String worldId(int w) {
        return String.format("World_%04d", w);
    }

    /** NPC of location {@code i} of world {@code w} in the many-worlds fixtures: each NPC is in 20 locations of 20 worlds. */
    public static String manyNpc(int w, int i) {
        return "characters/npc_" + ((w * 10 + i) % 500) + ".png";
    }

    /** {@code worlds} worlds of {@code locations} locations and one chat each, built through the API. */
    public static Path copyH2Worlds(int worlds, int locations) {
        return copy("h2-worlds-" + worlds + "x" + locations, dir -> {
            try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
                int side = BenchWorlds.side(locations);
                for (int from = 0; from < worlds; from += 100) {
                    int start = from;
                    store.useTransaction(tx -> {
                        for (int w = start; w < Math.min(worlds, start + 100); w++) {
                            String id = tx.worlds().create(worldId(w).replace('_', ' ')).id();
                            for (int i = 0; i < locations; i++) {
                                Location l = BenchWorlds.location(i, side);
                                tx.locations().put(id, l.withNpcs(List.of(manyNpc(w, i))));
                            }
                            tx.chats().create(id, new NewChat(CHAT, BenchWorlds.locationId(0), "Chat"));
                        }
                    });
                }
            }
        });
    }

    /** {@code worlds} worlds of {@code locations} locations and one empty chat each, in SQLite or bare H2. */
    public static Path copyPlainWorlds(JdbcWorlds.Engine engine, int worlds, int locations) {
        return copy(engine.fixtureName() + "-worlds-" + worlds + "x" + locations, dir -> {
            try (JdbcWorlds db = JdbcWorlds.open(dir, engine.builder())) {
                for (int w = 0; w < worlds; w++) {
                    int world = w;
                    db.insertWorld(worldId(w), worldId(w).replace('_', ' '));
                    db.insertLocations(worldId(w), locations, i -> manyNpc(world, i));
                    db.insertChat(worldId(w), CHAT, 0);
                }
                db.commit();
            }
        });
    }
}
