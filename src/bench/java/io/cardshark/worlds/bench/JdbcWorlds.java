package io.cardshark.worlds.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparisons: the same worlds through plain JDBC, in SQLite (org.xerial sqlite-jdbc, WAL mode, with
 * {@code synchronous=NORMAL}, where a commit survives the process like this store's default level, or {@code FULL},
 * where it survives a power loss) or in bare H2 (the same H2 version and settings as the store's, none of its code:
 * the floor this store can reach on H2; at the power-loss level each commit is followed by {@code CHECKPOINT SYNC},
 * which is how the store forces H2's file to disk). The schema is a minimal equivalent of this store's: the world,
 * metadata, location (with its exits, NPCs and inline events), visit, player, chat and message tables with the same
 * keys, unique constraints, foreign keys and indexes. The operations do what this store's do: a write first bumps
 * the world's row version (the world lock), then changes its rows, in one transaction; reads return whole locations
 * with their children. One connection per instance, never shared between threads.
 */
public final class JdbcWorlds implements AutoCloseable {

    /** Where the rows go, and how a commit is made durable. */
    public enum Engine {
        SQLITE_NORMAL("worlds.sqlite"),
        SQLITE_FULL("worlds.sqlite"),
        /** Bare H2 at this store's default level: every commit written to the file, none forced to disk. */
        H2("worlds"),
        /** Bare H2 at this store's power-loss level: every commit forced to disk. */
        H2_SYNC("worlds");

        /** The database's name in its folder (H2 adds {@code .mv.db}). */
        final String fileName;

        Engine(String fileName) {
            this.fileName = fileName;
        }

        boolean isH2() {
            return this == H2 || this == H2_SYNC;
        }

        /** The engine that builds the fixtures of this one: the durability level does not change the file. */
        Engine builder() {
            return isH2() ? H2 : SQLITE_NORMAL;
        }

        /** The fixtures' name for this engine's files. */
        String fixtureName() {
            return isH2() ? "bare-h2" : "sqlite";
        }
    }

    public static final String SCHEMA = """
            CREATE TABLE world (
                id TEXT NOT NULL PRIMARY KEY,
                display_name TEXT NOT NULL,
                state_shape TEXT NOT NULL,
                current_position TEXT,
                created_at INTEGER NOT NULL,
                modified_at INTEGER NOT NULL,
                row_version INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX ix_world_display_name ON world (display_name);
            CREATE TABLE world_metadata (
                world_id TEXT NOT NULL REFERENCES world (id) ON DELETE CASCADE,
                source TEXT NOT NULL,
                document TEXT NOT NULL,
                name TEXT,
                last_modified INTEGER,
                PRIMARY KEY (world_id, source));
            CREATE INDEX ix_world_metadata_last_modified ON world_metadata (last_modified);
            CREATE TABLE location (
                world_id TEXT NOT NULL REFERENCES world (id) ON DELETE CASCADE,
                location_id TEXT NOT NULL,
                placement TEXT NOT NULL,
                entry_key TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                x INTEGER, y INTEGER, z INTEGER,
                name TEXT,
                description TEXT,
                introduction TEXT,
                connected INTEGER,
                key_order TEXT NOT NULL,
                PRIMARY KEY (world_id, location_id),
                UNIQUE (world_id, placement, entry_key),
                UNIQUE (world_id, placement, ordinal),
                UNIQUE (world_id, x, y, z));
            CREATE TABLE location_exit (
                world_id TEXT NOT NULL,
                location_id TEXT NOT NULL,
                direction TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                target_coordinates TEXT,
                name TEXT,
                locked INTEGER,
                PRIMARY KEY (world_id, location_id, direction),
                FOREIGN KEY (world_id, location_id) REFERENCES location (world_id, location_id) ON DELETE CASCADE);
            CREATE TABLE location_npc (
                world_id TEXT NOT NULL,
                location_id TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                npc_ref TEXT NOT NULL,
                PRIMARY KEY (world_id, location_id, ordinal),
                FOREIGN KEY (world_id, location_id) REFERENCES location (world_id, location_id) ON DELETE CASCADE);
            CREATE INDEX ix_location_npc_ref ON location_npc (npc_ref);
            CREATE TABLE location_event (
                world_id TEXT NOT NULL,
                location_id TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                event_id TEXT,
                description TEXT,
                PRIMARY KEY (world_id, location_id, ordinal),
                FOREIGN KEY (world_id, location_id) REFERENCES location (world_id, location_id) ON DELETE CASCADE);
            CREATE TABLE visit (
                world_id TEXT NOT NULL REFERENCES world (id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                position TEXT NOT NULL,
                PRIMARY KEY (world_id, seq));
            CREATE TABLE player_state (
                world_id TEXT NOT NULL PRIMARY KEY REFERENCES world (id) ON DELETE CASCADE,
                health INTEGER, stamina INTEGER, level INTEGER, experience INTEGER);
            CREATE TABLE chat (
                chat_key INTEGER PRIMARY KEY,
                world_id TEXT NOT NULL REFERENCES world (id) ON DELETE CASCADE,
                chat_id TEXT NOT NULL,
                location_id TEXT,
                title TEXT,
                updated_token TEXT,
                header TEXT NOT NULL,
                message_count INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                UNIQUE (world_id, chat_id));
            CREATE INDEX ix_chat_location ON chat (world_id, location_id);
            CREATE INDEX ix_chat_created ON chat (world_id, created_at);
            CREATE TABLE chat_message (
                message_key INTEGER PRIMARY KEY,
                chat_key INTEGER NOT NULL,
                seq INTEGER NOT NULL,
                message_id TEXT,
                role TEXT,
                document TEXT NOT NULL);
            """;

    private static final JsonFactory JSON = new JsonFactory();

    private final Connection connection;
    private final boolean syncEachCommit;
    private final Statement checkpointSync;
    private final PreparedStatement lockWorld;
    private final PreparedStatement setPosition;
    private final PreparedStatement lastVisit;
    private final PreparedStatement insertVisit;
    private final PreparedStatement findChat;
    private final PreparedStatement insertMessage;
    private final PreparedStatement updateChat;
    private final PreparedStatement locationAt;
    private final PreparedStatement locationById;
    private final PreparedStatement exitsOf;
    private final PreparedStatement npcsOf;
    private final PreparedStatement eventsOf;
    private final PreparedStatement npcAppears;
    private final PreparedStatement listWorlds;

    private JdbcWorlds(Connection connection, Engine engine) throws SQLException {
        this.connection = connection;
        this.syncEachCommit = engine == Engine.H2_SYNC;
        this.checkpointSync = connection.createStatement();
        lockWorld = connection.prepareStatement("UPDATE world SET row_version = row_version + 1, modified_at = ? WHERE id = ?");
        setPosition = connection.prepareStatement("UPDATE world SET current_position = ? WHERE id = ?");
        // As the store's VisitRows asks it: H2 reads every visit of the world for MAX(seq), and walks its primary
        // key backwards only when the order names every key column (SQLite takes either as one index probe).
        lastVisit = connection.prepareStatement(
                "SELECT seq FROM visit WHERE world_id = ? ORDER BY world_id DESC, seq DESC LIMIT 1");
        insertVisit = connection.prepareStatement("INSERT INTO visit (world_id, seq, position) VALUES (?, ?, ?)");
        findChat = connection.prepareStatement("SELECT chat_key, message_count FROM chat WHERE world_id = ? AND chat_id = ?");
        insertMessage = connection.prepareStatement(
                "INSERT INTO chat_message (chat_key, seq, message_id, role, document, message_key) VALUES (?, ?, ?, ?, ?, ?)");
        updateChat = connection.prepareStatement(
                "UPDATE chat SET message_count = ?, updated_token = ?, header = ? WHERE chat_key = ?");
        String location = "SELECT location_id, name, description, introduction, x, y, z, connected FROM location ";
        locationAt = connection.prepareStatement(location + "WHERE world_id = ? AND x = ? AND y = ? AND z = ?");
        locationById = connection.prepareStatement(location + "WHERE world_id = ? AND location_id = ?");
        exitsOf = connection.prepareStatement("SELECT direction, target_coordinates, name, locked FROM location_exit "
                + "WHERE world_id = ? AND location_id = ? ORDER BY ordinal");
        npcsOf = connection.prepareStatement("SELECT npc_ref FROM location_npc WHERE world_id = ? AND location_id = ? ORDER BY ordinal");
        eventsOf = connection.prepareStatement("SELECT event_id, description FROM location_event "
                + "WHERE world_id = ? AND location_id = ? ORDER BY ordinal");
        npcAppears = connection.prepareStatement("SELECT DISTINCT l.world_id, l.location_id, l.name FROM location_npc n "
                + "JOIN location l ON l.world_id = n.world_id AND l.location_id = n.location_id "
                + "WHERE n.npc_ref = ? ORDER BY l.world_id, l.location_id");
        listWorlds = connection.prepareStatement("SELECT w.id, w.display_name, w.state_shape, w.modified_at, "
                + "(SELECT MAX(m.last_modified) FROM world_metadata m WHERE m.world_id = w.id), "
                + "(SELECT COUNT(*) FROM location l WHERE l.world_id = w.id), "
                + "(SELECT COUNT(*) FROM chat c WHERE c.world_id = w.id) "
                + "FROM world w ORDER BY w.display_name, w.id");
    }

    /** Opens (creating when absent) the SQLite database {@code file} with {@code synchronous} NORMAL or FULL. */
    public static JdbcWorlds open(Path file, String synchronous) throws SQLException {
        return open(file.getParent(), Engine.valueOf("SQLITE_" + synchronous));
    }

    /** Opens (creating when absent) the database of {@code engine} in folder {@code dir}. */
    public static JdbcWorlds open(Path dir, Engine engine) throws SQLException {
        Connection c = engine.isH2() ? openH2(dir.resolve(engine.fileName), engine) : openSqlite(dir.resolve(engine.fileName), engine);
        c.setAutoCommit(false);
        if (!hasSchema(c, engine)) {
            try (Statement s = c.createStatement()) {
                for (String ddl : schema(engine).split(";")) {
                    if (!ddl.isBlank()) {
                        s.execute(ddl);
                    }
                }
            }
            c.commit();
        }
        return new JdbcWorlds(c, engine);
    }

    private static Connection openSqlite(Path file, Engine engine) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(engine == Engine.SQLITE_FULL ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(60_000);
        // DEFERRED (the driver re-begins a transaction at once after each commit: IMMEDIATE would keep the write
        // lock while idle). Every write transaction here starts with a write, so it waits for the lock in the busy
        // handler and never has to upgrade a read snapshot.
        config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /**
     * H2 with the settings the store opens its database with (see the store's {@code H2Urls}): at the power-loss
     * level H2 never moves chunks, which a power cut during a move made H2 2.4.240 reopen an old version.
     */
    private static Connection openH2(Path database, Engine engine) throws SQLException {
        String level = engine == Engine.H2_SYNC ? ";AUTO_COMPACT_FILL_RATE=0;MAX_COMPACT_TIME=0" : ";MAX_COMPACT_TIME=200";
        return DriverManager.getConnection("jdbc:h2:file:" + database.toAbsolutePath()
                + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0;LOCK_TIMEOUT=60000" + level, "sa", "");
    }

    /**
     * Whether the tables exist. A plain query and a commit: JDBC's metadata calls leave SQLite's driver holding a
     * read snapshot, and a write that must upgrade one fails with SQLITE_BUSY at once instead of waiting.
     */
    private static boolean hasSchema(Connection c, Engine engine) throws SQLException {
        String query = engine.isH2() ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'WORLD'"
                : "SELECT COUNT(*) FROM sqlite_master WHERE name = 'world'";
        boolean exists;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            exists = r.getInt(1) > 0;
        }
        c.commit();
        return exists;
    }

    /**
     * SQLite's DDL, or the same in H2's types: H2's TEXT is a CLOB and its INTEGER 32 bits, where SQLite's are a
     * string and 64 bits; SQLite's {@code INTEGER PRIMARY KEY} is the row id, H2's equivalent an identity column.
     */
    static String schema(Engine engine) {
        if (!engine.isH2()) {
            return SCHEMA;
        }
        return SCHEMA.replace(" TEXT", " VARCHAR").replace(" INTEGER", " BIGINT")
                .replace("chat_key BIGINT PRIMARY KEY", "chat_key BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
    }

    /**
     * A message's key as the store's schema 9 makes it: the chat's key times 2^32 plus the number, one integer that
     * is SQLite's row id ({@code INTEGER PRIMARY KEY}) and H2's rows' own key (a one-{@code BIGINT} primary key), so
     * that neither keeps a second map of the messages. Like the store, no foreign key to the chat.
     */
    private static long messageKey(long chatKey, long seq) {
        return chatKey * 4_294_967_296L + seq;
    }

    public Connection connection() {
        return connection;
    }

    /** Rolls back after {@code failure}, keeping it the exception that is thrown. */
    private void rollback(Exception failure) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    // ---- writes ----

    private void lock(String worldId) throws SQLException {
        lockWorld.setLong(1, System.currentTimeMillis());
        lockWorld.setString(2, worldId);
        if (lockWorld.executeUpdate() != 1) {
            throw new IllegalStateException("no world " + worldId);
        }
    }

    /** Moves the player one step: position and a visit, in one transaction. */
    public void move(String worldId, int x, int y, int z) throws SQLException {
        try {
            lock(worldId);
            String position = x + "," + y + "," + z;
            setPosition.setString(1, position);
            setPosition.setString(2, worldId);
            setPosition.executeUpdate();
            lastVisit.setString(1, worldId);
            int seq;
            try (ResultSet r = lastVisit.executeQuery()) {
                seq = r.next() ? r.getInt(1) + 1 : 0;
            }
            insertVisit.setString(1, worldId);
            insertVisit.setInt(2, seq);
            insertVisit.setString(3, position);
            insertVisit.executeUpdate();
            commit();
        } catch (SQLException | RuntimeException e) {
            rollback(e);
            throw e;
        }
    }

    /** Appends messages {@code from .. from+count-1} (BenchWorlds' messages) to a chat, in one transaction. */
    public void append(String worldId, String chatId, long from, int count) throws SQLException {
        try {
            long now = System.currentTimeMillis();
            lock(worldId);
            long chatKey;
            long first;
            findChat.setString(1, worldId);
            findChat.setString(2, chatId);
            try (ResultSet r = findChat.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("no chat " + chatId);
                }
                chatKey = r.getLong(1);
                first = r.getLong(2);
            }
            for (int i = 0; i < count; i++) {
                long m = from + i;
                insertMessage.setLong(1, chatKey);
                insertMessage.setLong(2, first + i);
                insertMessage.setString(3, "msg_" + m);
                insertMessage.setString(4, BenchWorlds.role(m));
                insertMessage.setString(5, document(m, now));
                insertMessage.setLong(6, messageKey(chatKey, first + i));
                if (count == 1) {
                    insertMessage.executeUpdate();
                } else {
                    insertMessage.addBatch();
                }
            }
            if (count > 1) {
                insertMessage.executeBatch();
            }
            updateChat.setLong(1, first + count);
            updateChat.setString(2, Long.toString(now));
            updateChat.setString(3, header(chatId, now));
            updateChat.setLong(4, chatKey);
            updateChat.executeUpdate();
            commit();
        } catch (SQLException | RuntimeException e) {
            rollback(e);
            throw e;
        }
    }

    /** The message document, every key in order, as this store keeps it. */
    static String document(long m, long timestamp) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", "msg_" + m);
            g.writeStringField("role", BenchWorlds.role(m));
            g.writeStringField("content", BenchWorlds.content(m));
            g.writeNumberField("timestamp", timestamp);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String header(String chatId, long updated) {
        return "{\"chat_id\": \"" + chatId + "\", \"title\": \"Chat\", \"location_id\": \"loc_0\", \"created\": "
                + BenchWorlds.T0 + ", \"updated\": " + updated + "}";
    }

    // ---- reads ----

    /** A location with its children, as a read returns it. */
    public record Loc(String id, String name, String description, String introduction, int x, int y, int z,
                      boolean connected, List<String> exits, List<String> npcs, List<String> events) {
    }

    public Loc at(String worldId, int x, int y, int z) throws SQLException {
        locationAt.setString(1, worldId);
        locationAt.setInt(2, x);
        locationAt.setInt(3, y);
        locationAt.setInt(4, z);
        return readLocation(worldId, locationAt);
    }

    public Loc byId(String worldId, String locationId) throws SQLException {
        locationById.setString(1, worldId);
        locationById.setString(2, locationId);
        return readLocation(worldId, locationById);
    }

    private Loc readLocation(String worldId, PreparedStatement query) throws SQLException {
        try {
            Loc base;
            try (ResultSet r = query.executeQuery()) {
                if (!r.next()) {
                    connection.commit();
                    return null;
                }
                base = new Loc(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5), r.getInt(6),
                        r.getInt(7), r.getBoolean(8), null, null, null);
            }
            List<String> exits = strings(exitsOf, worldId, base.id());
            List<String> npcs = strings(npcsOf, worldId, base.id());
            List<String> events = strings(eventsOf, worldId, base.id());
            connection.commit();
            return new Loc(base.id(), base.name(), base.description(), base.introduction(), base.x(), base.y(), base.z(),
                    base.connected(), exits, npcs, events);
        } catch (SQLException | RuntimeException e) {
            rollback(e);
            throw e;
        }
    }

    private static List<String> strings(PreparedStatement query, String worldId, String locationId) throws SQLException {
        query.setString(1, worldId);
        query.setString(2, locationId);
        List<String> out = new ArrayList<>();
        try (ResultSet r = query.executeQuery()) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** Where an NPC appears, across every world: (world, location, name). */
    public List<String[]> whereNpcAppears(String npc) throws SQLException {
        npcAppears.setString(1, npc);
        List<String[]> out = new ArrayList<>();
        try (ResultSet r = npcAppears.executeQuery()) {
            while (r.next()) {
                out.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
            }
        }
        connection.commit();
        return out;
    }

    /** One line per world, with its metadata and counts. */
    public record Summary(String id, String name, String shape, long modifiedAt, Long lastModified, int locations, int chats) {
    }

    public List<Summary> listWorlds() throws SQLException {
        List<Summary> out = new ArrayList<>();
        try (ResultSet r = listWorlds.executeQuery()) {
            while (r.next()) {
                long lm = r.getLong(5);
                Long lastModified = r.wasNull() ? null : lm;
                out.add(new Summary(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), lastModified,
                        r.getInt(6), r.getInt(7)));
            }
        }
        connection.commit();
        return out;
    }

    // ---- building fixtures (one transaction each, committed by the caller's commit()) ----

    public void insertWorld(String id, String displayName) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement w = connection.prepareStatement(
                "INSERT INTO world (id, display_name, state_shape, current_position, created_at, modified_at) "
                        + "VALUES (?, ?, 'H', '0,0,0', ?, ?)");
             PreparedStatement p = connection.prepareStatement(
                     "INSERT INTO player_state (world_id, health, stamina, level, experience) VALUES (?, 100, 100, 1, 0)");
             PreparedStatement m = connection.prepareStatement(
                     "INSERT INTO world_metadata (world_id, source, document, name, last_modified) VALUES (?, 'STATE', ?, ?, ?)");
             PreparedStatement v = connection.prepareStatement("INSERT INTO visit (world_id, seq, position) VALUES (?, 0, '0,0,0')")) {
            w.setString(1, id);
            w.setString(2, displayName);
            w.setLong(3, now);
            w.setLong(4, now);
            w.executeUpdate();
            p.setString(1, id);
            p.executeUpdate();
            m.setString(1, id);
            m.setString(2, "{\"name\": \"" + displayName + "\", \"last_modified\": " + now / 1000 + "}");
            m.setString(3, displayName);
            m.setLong(4, now / 1000);
            m.executeUpdate();
            v.setString(1, id);
            v.executeUpdate();
        }
    }

    /** Locations {@code 0 .. count-1} of BenchWorlds' grid, with NPC {@code npcOf(i)} each. */
    public void insertLocations(String worldId, int count, java.util.function.IntFunction<String> npcOf) throws SQLException {
        int side = BenchWorlds.side(count);
        try (PreparedStatement l = connection.prepareStatement("INSERT INTO location (world_id, location_id, placement, "
                + "entry_key, ordinal, x, y, z, name, description, introduction, connected, key_order) "
                + "VALUES (?, ?, 'GRID', ?, ?, ?, ?, 0, ?, ?, NULL, 1, ?)");
             PreparedStatement n = connection.prepareStatement(
                     "INSERT INTO location_npc (world_id, location_id, ordinal, npc_ref) VALUES (?, ?, 0, ?)")) {
            for (int i = 0; i < count; i++) {
                var c = BenchWorlds.coordinates(i, side);
                l.setString(1, worldId);
                l.setString(2, BenchWorlds.locationId(i));
                l.setString(3, c.key());
                l.setInt(4, i);
                l.setInt(5, c.x());
                l.setInt(6, c.y());
                l.setString(7, "Room " + i);
                l.setString(8, BenchWorlds.description(i));
                l.setString(9, "[\"name\",\"coordinates\",\"location_id\",\"description\",\"introduction\",\"events\",\"npcs\",\"explicit_exits\",\"connected\"]");
                l.addBatch();
                n.setString(1, worldId);
                n.setString(2, BenchWorlds.locationId(i));
                n.setString(3, npcOf.apply(i));
                n.addBatch();
                if (i % 10_000 == 9_999) {
                    l.executeBatch();
                    n.executeBatch();
                }
            }
            l.executeBatch();
            n.executeBatch();
        }
    }

    /** A chat {@code chatId} with messages {@code 0 .. messages-1}. */
    public void insertChat(String worldId, String chatId, int messages) throws SQLException {
        long key;
        try (PreparedStatement c = connection.prepareStatement("INSERT INTO chat (world_id, chat_id, location_id, title, "
                + "header, message_count, created_at) VALUES (?, ?, 'loc_0', 'Chat', ?, 0, ?)", Statement.RETURN_GENERATED_KEYS)) {
            c.setString(1, worldId);
            c.setString(2, chatId);
            c.setString(3, header(chatId, BenchWorlds.T0));
            c.setLong(4, System.currentTimeMillis());
            c.executeUpdate();
            try (ResultSet r = c.getGeneratedKeys()) {
                r.next();
                key = r.getLong(1);
            }
        }
        for (int from = 0; from < messages; from += 10_000) {
            int n = Math.min(10_000, messages - from);
            for (int i = 0; i < n; i++) {
                long m = from + i;
                insertMessage.setLong(1, key);
                insertMessage.setLong(2, m);
                insertMessage.setString(3, "msg_" + m);
                insertMessage.setString(4, BenchWorlds.role(m));
                insertMessage.setString(5, document(m, BenchWorlds.T0 + m));
                insertMessage.setLong(6, messageKey(key, m));
                insertMessage.addBatch();
            }
            insertMessage.executeBatch();
        }
        try (PreparedStatement u = connection.prepareStatement("UPDATE chat SET message_count = ? WHERE chat_key = ?")) {
            u.setLong(1, messages);
            u.setLong(2, key);
            u.executeUpdate();
        }
    }

    /** Commits, and at {@link Engine#H2_SYNC} forces H2's file to disk as the store's power-loss level does. */
    public void commit() throws SQLException {
        connection.commit();
        if (syncEachCommit) {
            checkpointSync.execute("CHECKPOINT SYNC");
        }
    }

    @Override
    public void close() throws SQLException {
        checkpointSync.close();
        connection.close();
    }
}
