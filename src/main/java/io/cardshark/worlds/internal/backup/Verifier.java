package io.cardshark.worlds.internal.backup;

import io.cardshark.worlds.internal.rows.ImportRows;
import io.cardshark.worlds.internal.rows.MessageRows;
import io.cardshark.worlds.internal.rows.WorldKeys;
import io.cardshark.worlds.ErrorCode;
import io.cardshark.worlds.WorldStoreException;
import io.cardshark.worlds.backup.Finding;
import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.backup.VerifyReport;
import io.cardshark.worlds.folder.ImportOutcome;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.folder.WorldFolders;
import io.cardshark.worlds.internal.fs.FileSync;
import io.cardshark.worlds.internal.engine.Engine;
import io.cardshark.worlds.internal.engine.StoreEngine;
import io.cardshark.worlds.internal.index.SearchIndexCheck;
import io.cardshark.worlds.internal.db.DefaultSchema;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonSyntaxException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.cardshark.worlds.internal.db.Tables.CHAT;
import static io.cardshark.worlds.internal.db.Tables.CHAT_MESSAGE;
import static io.cardshark.worlds.internal.db.Tables.LOCATION;
import static io.cardshark.worlds.internal.db.Tables.LOCATION_EVENT;
import static io.cardshark.worlds.internal.db.Tables.LOCATION_EXIT;
import static io.cardshark.worlds.internal.db.Tables.LOCATION_NPC;
import static io.cardshark.worlds.internal.db.Tables.SEARCH_PROGRESS;
import static io.cardshark.worlds.internal.db.Tables.WORLD_IMPORT;
import static io.cardshark.worlds.internal.db.Tables.VISIT;
import static io.cardshark.worlds.internal.db.Tables.WORLD;
import static io.cardshark.worlds.internal.db.Tables.WORLD_BACKUP;
import static io.cardshark.worlds.internal.db.Tables.WORLD_FILE;

/**
 * Checks that the store holds what it promises. Quick: the invariants the indexes answer (message
 * sequences, counts) and the warnings. Full: every page read through H2 (whose pages carry checksums),
 * every foreign key, every file's SHA-256, every stored JSON document. Deep: each world exported,
 * imported into a scratch store and exported again, byte for byte the same.
 */
public final class Verifier {

    private static final Logger log = LoggerFactory.getLogger(Verifier.class);
    /** Column names that hold JSON text in every table that has them. */
    private static final List<String> JSON_COLUMNS = List.of("KEY_ORDER", "EXTRAS", "DOCUMENT", "HEADER");
    /** A damaged store can have millions of findings of one kind; a person needs the first few. */
    private static final int MAX_PER_CHECK = 20;

    /** A throwaway store for the deep check: its folder service, and how to close it. */
    public record Scratch(WorldFolders folders, Runnable close) {
    }

    /** Opens a throwaway store in an empty folder. */
    public interface ScratchStores {
        Scratch open(Path dataDir);
    }

    private final StoreEngine engine;
    private final WorldFolders folders;
    private final ScratchStores scratchStores;
    private final List<Finding> failures = new ArrayList<>();
    private final List<Finding> warnings = new ArrayList<>();
    private final Map<String, Integer> perCheck = new TreeMap<>();
    private long checks;

    public Verifier(StoreEngine engine, WorldFolders folders, ScratchStores scratchStores) {
        this.engine = engine;
        this.folders = folders;
        this.scratchStores = scratchStores;
    }

    public VerifyReport run(VerifyLevel level) {
        long started = System.nanoTime();
        engine.transaction(null, tx -> tx.read(null, dsl -> {
            messageSequences(dsl);
            placesThatNameNoLocation(dsl);
            if (level != VerifyLevel.QUICK) {
                foreignKeys(dsl);
                rowsOfNoWorld(dsl);
                rowsOfNoLocation(dsl);
                marksOfNoChat(dsl);
                messagesOfNoChat(dsl);
                fileDigests(dsl, WORLD_FILE, WORLD_FILE.WORLD_KEY, WORLD_FILE.PATH, WORLD_FILE.SIZE_BYTES,
                        WORLD_FILE.SHA256, WORLD_FILE.CONTENT);
                fileDigests(dsl, WORLD_BACKUP, WORLD_BACKUP.WORLD_KEY, WORLD_BACKUP.PATH, WORLD_BACKUP.SIZE_BYTES,
                        WORLD_BACKUP.SHA256, WORLD_BACKUP.CONTENT);
                jsonDocuments(dsl);
            }
            return null;
        }));
        foreignObjects();
        if (level != VerifyLevel.QUICK) {
            checks += SearchIndexCheck.run(engine, (world, detail) -> fail(world, "search-index", detail));
            everyPage();
        }
        if (level == VerifyLevel.DEEP) {
            roundTrips();
        }
        VerifyReport report = new VerifyReport(level, failures, warnings, checks);
        log.info("verify {}: {} checks, {} failures, {} warnings in {} ms", level, checks, failures.size(),
                warnings.size(), (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    private void fail(String worldId, String check, String detail) {
        if (perCheck.merge(check, 1, Integer::sum) <= MAX_PER_CHECK) {
            failures.add(new Finding(worldId, check, detail));
        }
    }

    private void warn(String worldId, String check, String detail) {
        if (perCheck.merge(check, 1, Integer::sum) <= MAX_PER_CHECK) {
            warnings.add(new Finding(worldId, check, detail));
        }
    }

    /**
     * Nothing the migrations did not make: no alias, trigger, linked table, other user... (the open refuses a
     * file that holds one; this finds one made since, by someone with the admin's password).
     */
    private void foreignObjects() {
        try {
            List<String> found = engine.foreignObjects();
            checks++;
            for (String object : found) {
                fail(null, "foreign-object", object + ", which the store's migrations did not make; close the store and "
                        + "open it with dropForeignObjects to remove it after a backup");
            }
        } catch (IOException | RuntimeException e) {
            fail(null, "foreign-object", "the store's objects could not be listed: " + e.getMessage());
        }
    }

    /** Messages are numbered 0, 1, 2, ... within a chat, and the chat's count says how many. */
    private void messageSequences(DSLContext dsl) {
        Field<Integer> n = DSL.count(CHAT_MESSAGE.SEQ);
        Field<Long> lo = DSL.min(CHAT_MESSAGE.SEQ);
        Field<Long> hi = DSL.max(CHAT_MESSAGE.SEQ);
        var rows = dsl.select(WORLD.ID, CHAT.CHAT_ID, CHAT.MESSAGE_COUNT, n, lo, hi)
                .from(CHAT).join(WORLD).on(WORLD.WORLD_KEY.eq(CHAT.WORLD_KEY)).leftJoin(CHAT_MESSAGE)
                .on(MessageRows.ofChat(CHAT.WORLD_KEY, CHAT.CHAT_KEY, DSL.inline(0L)))
                .groupBy(CHAT.CHAT_KEY, WORLD.ID, CHAT.CHAT_ID, CHAT.MESSAGE_COUNT)
                .fetch();
        for (var r : rows) {
            checks++;
            long count = r.get(n);
            boolean holes = count > 0 && (r.get(lo) != 0 || r.get(hi) != count - 1);
            if (holes || count != r.get(CHAT.MESSAGE_COUNT)) {
                fail(r.get(WORLD.ID), "message-sequence", "chat " + r.get(CHAT.CHAT_ID) + " holds " + count
                        + " messages numbered " + r.get(lo) + " to " + r.get(hi) + ", its count says "
                        + r.get(CHAT.MESSAGE_COUNT));
            }
        }
    }

    /** The format allows a position, a visit or a chat to name no location; usually it is a mistake. */
    private void placesThatNameNoLocation(DSLContext dsl) {
        Condition hasLocations = DSL.exists(DSL.selectOne().from(LOCATION)
                .where(LOCATION.WORLD_KEY.eq(WORLD.WORLD_KEY)));
        for (var r : dsl.select(WORLD.ID, WORLD.CURRENT_POSITION).from(WORLD)
                .where(WORLD.CURRENT_POSITION.isNotNull()).and(hasLocations)
                .and(DSL.notExists(gridLocationAt(WORLD.WORLD_KEY, WORLD.CURRENT_POSITION))).fetch()) {
            warn(r.value1(), "current-position", "current position " + r.value2() + " names no location");
        }
        checks++;
        for (var r : dsl.selectDistinct(WORLD.ID, VISIT.POSITION).from(VISIT).join(WORLD)
                .on(WORLD.WORLD_KEY.eq(VISIT.WORLD_KEY))
                .where(DSL.notExists(gridLocationAt(VISIT.WORLD_KEY, VISIT.POSITION))).orderBy(1, 2).fetch()) {
            warn(r.value1(), "visited-position", "visited position " + r.value2() + " names no location");
        }
        checks++;
        for (var r : dsl.select(WORLD.ID, CHAT.CHAT_ID, CHAT.LOCATION_ID).from(CHAT).join(WORLD)
                .on(WORLD.WORLD_KEY.eq(CHAT.WORLD_KEY))
                .where(CHAT.LOCATION_ID.isNotNull()).and(CHAT.LOCATION_ID.ne(""))
                .and(DSL.notExists(DSL.selectOne().from(LOCATION).where(LOCATION.WORLD_KEY.eq(CHAT.WORLD_KEY))
                .and(LOCATION.LOCATION_ID.eq(CHAT.LOCATION_ID)))).orderBy(1, 2).fetch()) {
            warn(r.value1(), "chat-location", "chat " + r.value2() + " names location " + r.value3()
                    + ", which the world does not have");
        }
        checks++;
    }

    private static org.jooq.Select<?> gridLocationAt(Field<Long> worldKey, Field<String> position) {
        Field<String> xyz = DSL.concat(LOCATION.X.cast(String.class), DSL.inline(","), LOCATION.Y.cast(String.class),
                DSL.inline(","), LOCATION.Z.cast(String.class));
        return DSL.selectOne().from(LOCATION).where(LOCATION.WORLD_KEY.eq(worldKey))
                .and(xyz.eq(position).or(LOCATION.ENTRY_KEY.eq(position)));
    }

    /** The database enforces them on write; a row that breaks one now means the file was damaged. */
    private void foreignKeys(DSLContext dsl) {
        for (Table<?> child : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            for (ForeignKey<?, ?> fk : child.getReferences()) {
                Table<?> parent = fk.getKey().getTable();
                Table<?> p = parent.as("P");
                Condition match = DSL.noCondition();
                Condition present = DSL.noCondition();
                List<? extends Field<?>> from = fk.getFields();
                List<? extends Field<?>> to = fk.getKeyFields();
                for (int i = 0; i < from.size(); i++) {
                    @SuppressWarnings("unchecked")
                    Field<Object> c = (Field<Object>) child.field(from.get(i));
                    @SuppressWarnings("unchecked")
                    Field<Object> k = (Field<Object>) p.field(to.get(i));
                    match = match.and(k.eq(c));
                    present = present.and(c.isNotNull());
                }
                int orphans = dsl.fetchCount(child, present.and(DSL.notExists(DSL.selectOne().from(p).where(match))));
                checks++;
                if (orphans > 0) {
                    fail(null, "foreign-key", orphans + " row(s) of " + child.getName() + " break " + fk.getName());
                }
            }
        }
    }

    /**
     * The relations the store keeps itself on H2 (schema V10 dropped their foreign keys, whose indexes duplicated
     * the primary keys; PostgreSQL keeps them): every row of a table with a world key belongs to a world. A row
     * of no world was left by a delete that did not go through the store, or by a damaged file. The messages are
     * {@link #messagesOfNoChat}'s. An import under way has rows under a key with no world row yet, by design
     * (schema V11): its key is in {@code WORLD_IMPORT}, and its rows are left out.
     */
    private void rowsOfNoWorld(DSLContext dsl) {
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            Field<Long> worldKey = table.field("WORLD_KEY", Long.class);
            if (worldKey != null && !List.of(WORLD, CHAT_MESSAGE, WORLD_IMPORT).contains(table)) {
                orphans(dsl, table, worldKey, "of no world", DSL.notExists(DSL.selectOne().from(WORLD)
                        .where(WORLD.WORLD_KEY.eq(worldKey))).andNot(ImportRows.unfinished(worldKey)));
            }
        }
    }

    /** Each exit, NPC and location event belongs to a location of its world (on H2 the store keeps this, V10). */
    private void rowsOfNoLocation(DSLContext dsl) {
        for (var child : List.of(LOCATION_EXIT, LOCATION_NPC, LOCATION_EVENT)) {
            Field<Long> worldKey = child.field(LOCATION.WORLD_KEY.getName(), Long.class);
            Field<String> locationId = child.field(LOCATION.LOCATION_ID.getName(), String.class);
            orphans(dsl, child, worldKey, "under no location of their world", DSL.notExists(DSL.selectOne()
                    .from(LOCATION).where(LOCATION.WORLD_KEY.eq(worldKey), LOCATION.LOCATION_ID.eq(locationId))));
        }
    }

    /** Each search mark belongs to a chat of its world (on H2 the store keeps this, V10). */
    private void marksOfNoChat(DSLContext dsl) {
        orphans(dsl, SEARCH_PROGRESS, SEARCH_PROGRESS.WORLD_KEY, "of no chat in their world", DSL.notExists(
                DSL.selectOne().from(CHAT).where(CHAT.WORLD_KEY.eq(SEARCH_PROGRESS.WORLD_KEY),
                        CHAT.CHAT_KEY.eq(SEARCH_PROGRESS.CHAT_KEY))));
    }

    /** Fails when rows of {@code table} match {@code orphan}, naming how many and up to five of their worlds' keys. */
    private void orphans(DSLContext dsl, Table<?> table, Field<Long> worldKey, String what, Condition orphan) {
        checks++;
        List<Long> worlds = dsl.selectDistinct(worldKey).from(table).where(orphan).orderBy(worldKey).limit(5)
                .fetch(worldKey);
        if (!worlds.isEmpty()) {
            fail(null, "foreign-key", dsl.fetchCount(table, orphan) + " row(s) of " + table.getName() + " " + what
                    + " (world keys " + worlds + (worlds.size() == 5 ? " and more" : "") + ")");
        }
    }

    /**
     * The relation the store keeps without a foreign key on every engine (schema V6: H2 kept a second index of every
     * message for it): each message's chat, in the message's world (by key). A message whose chat is gone was left by a
     * delete that did not go through the store, or by a damaged file.
     */
    private void messagesOfNoChat(DSLContext dsl) {
        Condition orphan = DSL.notExists(DSL.selectOne().from(CHAT)
                .where(CHAT.WORLD_KEY.eq(CHAT_MESSAGE.WORLD_KEY), CHAT.CHAT_KEY.eq(CHAT_MESSAGE.CHAT_KEY)));
        List<Long> chatKeys = dsl.selectDistinct(CHAT_MESSAGE.CHAT_KEY).from(CHAT_MESSAGE).where(orphan)
                .orderBy(CHAT_MESSAGE.CHAT_KEY).limit(5).fetch(CHAT_MESSAGE.CHAT_KEY);
        checks++;
        if (!chatKeys.isEmpty()) {
            fail(null, "foreign-key", dsl.fetchCount(CHAT_MESSAGE, orphan) + " message(s) of chats that are not there"
                    + " in their world"
                    + " (chat keys " + chatKeys + (chatKeys.size() == 5 ? " and more" : "") + ")");
        }
    }

    private void fileDigests(DSLContext dsl, Table<?> table, Field<Long> worldKey, Field<String> path,
                             Field<Long> size, Field<String> sha, Field<byte[]> content) {
        // Metadata first, then each blob streamed on its own: a world can hold files of any size.
        var files = dsl.select(worldKey, WORLD.ID, path, size, sha).from(table).join(WORLD)
                .on(WORLD.WORLD_KEY.eq(worldKey))
                .orderBy(WORLD.ID, path).fetch();
        for (Record r : files) {
            checks++;
            long key = r.get(worldKey);
            String w = r.get(WORLD.ID);
            String p = r.get(path);
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                long bytes = engine.withAdminConnection(c -> {
                    try (var st = c.prepareStatement("SELECT " + content.getName() + " FROM " + table.getName()
                            + " WHERE " + worldKey.getName() + " = ? AND " + path.getName() + " = ?")) {
                        st.setLong(1, key);
                        st.setString(2, p);
                        try (ResultSet rs = st.executeQuery()) {
                            if (!rs.next()) {
                                return -1L;
                            }
                            long total = 0;
                            try (InputStream in = rs.getBinaryStream(1)) {
                                byte[] buf = new byte[64 * 1024];
                                for (int read; (read = in.read(buf)) > 0; ) {
                                    digest.update(buf, 0, read);
                                    total += read;
                                }
                            }
                            return total;
                        }
                    }
                });
                if (bytes < 0) {
                    continue;
                }
                String actual = HexFormat.of().formatHex(digest.digest());
                if (bytes != r.get(size) || !actual.equals(r.get(sha))) {
                    fail(w, "file-digest", table.getName().toLowerCase() + " " + p + ": holds " + bytes
                            + " bytes with SHA-256 " + actual + ", recorded " + r.get(size) + " bytes with " + r.get(sha));
                }
            } catch (IOException | NoSuchAlgorithmException e) {
                fail(w, "file-digest", p + ": cannot be read (" + e.getMessage() + ")");
            }
        }
    }

    /** Every column that holds JSON text parses: the exporter will need it to. */
    private void jsonDocuments(DSLContext dsl) {
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            List<Field<?>> jsonFields = Arrays.stream(table.fields())
                    .filter(f -> JSON_COLUMNS.contains(f.getName().toUpperCase())).<Field<?>>map(f -> f).toList();
            if (jsonFields.isEmpty()) {
                continue;
            }
            Field<?>[] key = rowName(table);
            List<Field<?>> selected = new ArrayList<>(Arrays.asList(key));
            selected.addAll(jsonFields);
            try (Stream<? extends Record> rows = dsl.select(selected).from(table).fetchSize(1000).stream()) {
                rows.forEach(r -> {
                    for (Field<?> f : jsonFields) {
                        Object value = r.get(f.getName());
                        if (value == null) {
                            continue;
                        }
                        checks++;
                        try {
                            JsonReader.read(value.toString());
                        } catch (JsonSyntaxException e) {
                            fail(worldIdOf(dsl, r), "json-document", table.getName().toLowerCase() + "." + f.getName().toLowerCase()
                                    + " of row " + keyText(r, key) + " does not parse: " + e.getMessage());
                        }
                    }
                });
            }
        }
    }

    /**
     * The columns that name a row in a finding: its primary key, but a message by its world, chat and number
     * (its key, {@code MESSAGE_KEY}, is those in one number that a person cannot read).
     */
    private static Field<?>[] rowName(Table<?> table) {
        return table.equals(CHAT_MESSAGE)
                ? new Field<?>[] {CHAT_MESSAGE.WORLD_KEY, CHAT_MESSAGE.CHAT_KEY, CHAT_MESSAGE.SEQ}
                : table.getPrimaryKey().getFieldsArray();
    }

    /** Rows name their world by key only; a person needs its id. */
    private static String worldIdOf(DSLContext dsl, Record r) {
        Field<?> world = r.field("WORLD_KEY");
        if (world == null) {
            return r.field("ID") == null ? null : String.valueOf(r.get("ID"));
        }
        return dsl.select(WORLD.ID).from(WORLD).where(WORLD.WORLD_KEY.eq(((Number) r.get(world)).longValue()))
                .fetchOne(WORLD.ID);
    }

    private static String keyText(Record r, Field<?>[] key) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < key.length; i++) {
            b.append(i == 0 ? "" : ", ").append(r.get(key[i].getName()));
        }
        return b.append(')').toString();
    }

    /**
     * {@code SCRIPT} makes H2 read every row of every table and every LOB; a page whose checksum does not
     * match fails the read. The script itself is thrown away as it streams past. On PostgreSQL every column of
     * every row of the store's tables is read (large values from their TOAST tables too), which checks each
     * page's checksum where the cluster keeps them ({@code initdb --data-checksums}).
     */
    private void everyPage() {
        checks++;
        try {
            engine.withAdminConnection(c -> {
                if (engine.databaseEngine() == Engine.H2) {
                    readAll(c, "SCRIPT");
                    return null;
                }
                // A cursor of fetchSize rows at a time needs a transaction on PostgreSQL.
                c.setAutoCommit(false);
                try {
                    for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
                        if (!table.getTableType().isTable()) {
                            continue;
                        }
                        readAll(c, engine.databaseEngine().renderer().render(DSL.selectFrom(table)));
                    }
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                return null;
            });
        } catch (IOException | RuntimeException e) {
            fail(null, "page-checksum", "reading every page failed: " + e.getMessage());
        }
    }

    private static void readAll(java.sql.Connection c, String query) throws java.sql.SQLException {
        try (Statement st = c.createStatement()) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery(query)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                }
            }
        }
    }

    /** Each world out, into a scratch store, and out again: the two folders must be the same bytes. */
    private void roundTrips() {
        List<String> ids = engine.transaction(null, tx -> tx.read(null,
                dsl -> dsl.select(WORLD.ID).from(WORLD).orderBy(WORLD.ID).fetch(WORLD.ID)));
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("cardshark-verify");
            for (String id : ids) {
                checks++;
                Path round = scratch.resolve(Long.toString(checks));
                Path first = round.resolve("first");
                Path second = round.resolve("second");
                folders.export(List.of(id), first, Layout.DOCUMENTED);
                Scratch other = scratchStores.open(round.resolve("store"));
                try {
                    ImportResult result = other.folders().importFolders(List.of(first.resolve(id)), false).get(0);
                    if (result.outcome() == ImportOutcome.REJECTED) {
                        fail(id, "round-trip", "the exported folder does not import: " + result.error());
                        continue;
                    }
                    other.folders().export(List.of(id), second, Layout.DOCUMENTED);
                } finally {
                    other.close().run();
                }
                String difference = FolderDifference.of(first.resolve(id), second.resolve(id));
                if (difference != null) {
                    fail(id, "round-trip", "export, import, export changed the folder: " + difference);
                }
                FileSync.deleteTree(round);
            }
        } catch (IOException e) {
            throw new WorldStoreException(ErrorCode.IO_FAILURE, null, "deep verification needs a scratch folder: " + e, e);
        } finally {
            if (scratch != null) {
                try {
                    FileSync.deleteTree(scratch);
                } catch (IOException e) {
                    log.warn("{} could not be deleted: {}", scratch, e.getMessage());
                }
            }
        }
    }
}
