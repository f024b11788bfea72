package io.cardshark.worlds.internal.rows;

import org.jooq.DSLContext;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static io.cardshark.worlds.internal.db.Tables.WORLD_BACKUP;
import static io.cardshark.worlds.internal.db.Tables.WORLD_DIRECTORY;
import static io.cardshark.worlds.internal.db.Tables.WORLD_FILE;
import static io.cardshark.worlds.internal.db.Tables.WORLD_ORIGINAL;

/**
 * The one writer of the tables that keep a world's files byte for byte: {@code WORLD_FILE} (images and every
 * other file), {@code WORLD_BACKUP} (the {@code *.backup.*.json} history an import brings),
 * {@code WORLD_DIRECTORY} (empty folders) and {@code WORLD_ORIGINAL} (the exact bytes of imported JSON that no
 * recorded style reproduces).
 */
public final class FileRows {

    private FileRows() {
    }

    /** Stores a file, replacing what was at its path. */
    public static void put(DSLContext dsl, String worldId, String path, byte[] content) {
        String sha256 = sha256(content);
        dsl.mergeInto(WORLD_FILE)
                .using(DSL.selectOne())
                .on(WORLD_FILE.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)), WORLD_FILE.PATH.eq(path))
                .whenMatchedThenUpdate()
                .set(WORLD_FILE.SIZE_BYTES, (long) content.length)
                .set(WORLD_FILE.SHA256, sha256)
                .set(WORLD_FILE.CONTENT, content)
                .whenNotMatchedThenInsert(WORLD_FILE.WORLD_KEY, WORLD_FILE.PATH, WORLD_FILE.SIZE_BYTES,
                        WORLD_FILE.SHA256, WORLD_FILE.CONTENT)
                .values(WorldKeys.of(dsl, worldId), path, (long) content.length, sha256, content)
                .execute();
    }

    /** Deletes the file at {@code path}; returns whether there was one. */
    public static boolean delete(DSLContext dsl, String worldId, String path) {
        return dsl.deleteFrom(WORLD_FILE)
                .where(WORLD_FILE.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)), WORLD_FILE.PATH.eq(path)).execute() > 0;
    }

    /** Stores a {@code *.backup.*.json} file of an imported folder. */
    public static void putBackup(DSLContext dsl, String worldId, String path, byte[] content) {
        dsl.insertInto(WORLD_BACKUP).set(WORLD_BACKUP.WORLD_KEY, WorldKeys.of(dsl, worldId)).set(WORLD_BACKUP.PATH, path)
                .set(WORLD_BACKUP.SIZE_BYTES, (long) content.length).set(WORLD_BACKUP.SHA256, sha256(content))
                .set(WORLD_BACKUP.CONTENT, content).execute();
    }

    /** Records an empty folder of an imported world, to be made again on export. */
    public static void putDirectory(DSLContext dsl, String worldId, String path) {
        dsl.insertInto(WORLD_DIRECTORY).set(WORLD_DIRECTORY.WORLD_KEY, WorldKeys.of(dsl, worldId))
                .set(WORLD_DIRECTORY.PATH, path).execute();
    }

    /** Keeps the exact bytes of an imported JSON document that no recorded style reproduces (format §9.3). */
    public static void putOriginal(DSLContext dsl, long worldKey, String path, byte[] content) {
        dsl.insertInto(WORLD_ORIGINAL).set(WORLD_ORIGINAL.WORLD_KEY, worldKey)
                .set(WORLD_ORIGINAL.PATH, path)
                .set(WORLD_ORIGINAL.CONTENT, content).execute();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Deletes the world's files, empty directories, backups and original bytes; {@link WorldRows#delete} calls this. */
    static void deleteWorld(DSLContext dsl, long worldKey) {
        for (TableField<?, Long> world : List.of(WORLD_FILE.WORLD_KEY, WORLD_DIRECTORY.WORLD_KEY,
                WORLD_BACKUP.WORLD_KEY, WORLD_ORIGINAL.WORLD_KEY)) {
            WorldRows.deleteRowsOf(dsl, worldKey, world);
        }
    }

    /** A branch: files, empty directories, backups and original bytes, copied inside the database. */
    public static void copyWorld(DSLContext dsl, String from, String to) {
        WorldCopy.copy(dsl, WORLD_FILE, WORLD_FILE.WORLD_KEY, from, to);
        WorldCopy.copy(dsl, WORLD_DIRECTORY, WORLD_DIRECTORY.WORLD_KEY, from, to);
        WorldCopy.copy(dsl, WORLD_BACKUP, WORLD_BACKUP.WORLD_KEY, from, to);
        WorldCopy.copy(dsl, WORLD_ORIGINAL, WORLD_ORIGINAL.WORLD_KEY, from, to);
    }

    /** A copy between stores ({@code copy}): the world's rows of its files, empty directories, backups and original bytes, as they are, into another store's database. */
    public static long copyAcross(DSLContext from, DSLContext to, String worldId) {
        return Across.copyWorld(from, to, WORLD_FILE, WORLD_FILE.WORLD_KEY, worldId,
                List.of(WORLD_FILE.PATH.asc()))
                + Across.copyWorld(from, to, WORLD_DIRECTORY, WORLD_DIRECTORY.WORLD_KEY, worldId,
                        List.of(WORLD_DIRECTORY.PATH.asc()))
                + Across.copyWorld(from, to, WORLD_BACKUP, WORLD_BACKUP.WORLD_KEY, worldId,
                        List.of(WORLD_BACKUP.PATH.asc()))
                + Across.copyWorld(from, to, WORLD_ORIGINAL, WORLD_ORIGINAL.WORLD_KEY, worldId,
                        List.of(WORLD_ORIGINAL.PATH.asc()));
    }
}
