package app;

import io.cardshark.worlds.ChatMessage;
import io.cardshark.worlds.Coordinates;
import io.cardshark.worlds.Location;
import io.cardshark.worlds.NewChat;
import io.cardshark.worlds.NewMessage;
import io.cardshark.worlds.World;
import io.cardshark.worlds.WorldStore;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A game that keeps its own scores in its own H2 database, migrated by its own Flyway scripts, and its
 * worlds in a cardshark-worlds store. It checks that the library brought nothing of its own choosing into
 * the game: one H2 (the game's), the game's logging, no command-line parts, and each migration set applied
 * to its own database only. Exits non-zero, failing the build, when anything is off.
 */
public final class GameApp {

    private static final Logger log = LoggerFactory.getLogger(GameApp.class);
    private static final List<String> problems = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        classpathHoldsOnlyTheGamesChoices(System.getProperty("app.h2.version"));
        loggingIsTheGames();
        gamesOwnMigrations(target);
        worldsInTheStore(target);
        theStoreTheCommandLineMade(target.resolve("cli-store"));
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.out.println("PROBLEM " + p));
            System.exit(1);
        }
        System.out.println("consumer ok: H2 " + org.h2.engine.Constants.FULL_VERSION + ", logging "
                + LoggerFactory.getILoggerFactory().getClass().getName());
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    private static void classpathHoldsOnlyTheGamesChoices(String h2Version) {
        List<String> jars = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> h2 = jars.stream().filter(j -> new File(j).getName().startsWith("h2-")).toList();
        check(h2.size() == 1 && h2.get(0).endsWith("h2-" + h2Version + ".jar"), "one H2, the game's " + h2Version
                + ", expected on the classpath; found " + h2);
        check(org.h2.engine.Constants.FULL_VERSION.startsWith(h2Version), "H2 running is "
                + org.h2.engine.Constants.FULL_VERSION);
        for (String leaked : List.of("slf4j-simple", "picocli", "progressbar", "jline")) {
            check(jars.stream().noneMatch(j -> new File(j).getName().startsWith(leaked)),
                    leaked + " is on the game's classpath: " + jars);
        }
        check(jars.stream().noneMatch(j -> j.endsWith("cardshark-worlds.jar")), "the shaded command-line jar came along");
        check(GameApp.class.getClassLoader().getResource("simplelogger.properties") == null,
                "a simplelogger.properties came along");
    }

    private static void loggingIsTheGames() {
        String factory = LoggerFactory.getILoggerFactory().getClass().getName();
        check(factory.equals("ch.qos.logback.classic.LoggerContext"), "logging is done by " + factory);
        log.info("the game's own logging");
    }

    private static void gamesOwnMigrations(Path target) throws Exception {
        String url = "jdbc:h2:file:" + target.resolve("game-db").toAbsolutePath();
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("MERGE INTO high_score KEY (player) VALUES ('ada', 42)");
            long applied = count(st, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"type\" = 'SQL'");
            check(applied == 1, "the game's database should hold its one migration, holds " + applied);
            check(count(st, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'WORLD'") == 0,
                    "the store's migrations ran on the game's database");
        }
    }

    private static void worldsInTheStore(Path target) throws Exception {
        Path data = target.resolve("worlds-data");
        try (WorldStore store = WorldStore.configure().dataDir(data).applicationName("the consumer game").open()) {
            World world = store.worlds().exists("Test_Keep") ? store.worlds().get("Test_Keep")
                    : store.worlds().create("Test Keep");
            store.useTransaction(tx -> {
                tx.locations().put(world.id(), Location.at(Coordinates.of(0, 0, 0), "gate", "Gate", "Rain."));
                tx.players().move(world.id(), Coordinates.of(0, 0, 0));
            });
            String chat = store.chats().create(world.id(), NewChat.at("gate", "First words")).chatId();
            ChatMessage hello = store.chats().append(world.id(), chat, NewMessage.of("user", "Hello?"));
            check(hello.seq() == 0, "the first message has sequence 0");
            check(store.players().position(world.id()).equals(java.util.Optional.of(Coordinates.of(0, 0, 0))),
                    "the player stands at the gate");
            try (Connection c = store.sqlConnection(false); Statement st = c.createStatement()) {
                check(count(st, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'HIGH_SCORE'") == 0,
                        "the game's migration ran on the world store");
                long applied = count(st, "SELECT COUNT(*) FROM \"cardshark_worlds_schema_history\""
                        + " WHERE \"success\" AND \"type\" = 'SQL'");
                long version = Long.parseLong(store.info().schemaVersion());
                check(applied == version, "the world store should hold its own " + version
                        + " migrations (one per schema version) in its own history table, holds " + applied);
            }
            log.info("world {} has {} location(s)", world.id(), store.locations().list(world.id()).size());
        }
    }

    /** A store made by the CLI's newer H2 opens in the game's older one, reads and takes writes. */
    private static void theStoreTheCommandLineMade(Path data) {
        try (WorldStore store = WorldStore.configure().dataDir(data).applicationName("the consumer game").open()) {
            check(store.worlds().exists("Emberfall_Keep"), "the CLI's store should hold Emberfall_Keep");
            store.players().move("Emberfall_Keep", Coordinates.of(0, 0, 0));
            check(store.players().position("Emberfall_Keep").equals(java.util.Optional.of(Coordinates.of(0, 0, 0))),
                    "a move in the CLI's store should be kept");
        } catch (RuntimeException e) {
            check(false, "the store the CLI made did not open in the game: " + e.getMessage());
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
