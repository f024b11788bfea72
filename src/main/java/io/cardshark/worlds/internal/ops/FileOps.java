package io.cardshark.worlds.internal.ops;

import io.cardshark.worlds.internal.rows.WorldKeys;
import io.cardshark.worlds.internal.doc.FolderPaths;
import io.cardshark.worlds.internal.rows.WorldRows;
import io.cardshark.worlds.internal.rows.FileRows;
import io.cardshark.worlds.internal.engine.Access;
import io.cardshark.worlds.WorldFiles;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.NotFoundException;
import io.cardshark.worlds.WorldFile;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.cardshark.worlds.internal.db.Tables.WORLD_BACKUP;
import static io.cardshark.worlds.internal.db.Tables.WORLD_DIRECTORY;
import static io.cardshark.worlds.internal.db.Tables.WORLD_FILE;

/** {@link WorldFiles} over the world_file table. */
public final class FileOps implements WorldFiles {

    private static final Logger log = LoggerFactory.getLogger(FileOps.class);

    /** The largest file one call stores: images and cards, not videos. */
    static final int MAX_FILE_BYTES = 256 * 1024 * 1024;

    private final Access access;

    public FileOps(Access access) {
        this.access = access;
    }

    @Override
    public WorldFile put(String worldId, String path, byte[] content) {
        Checks.worldId(worldId);
        Checks.relativePath(worldId, path);
        refuseReserved(worldId, path);
        if (content == null) {
            throw new InvalidInputException(worldId, "world " + worldId + ": file " + path + ": expected bytes, found null");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new InvalidInputException(worldId, "world " + worldId + ": file " + path + ": " + content.length
                    + " bytes is more than the " + MAX_FILE_BYTES + " a file may hold");
        }
        String sha256 = FileRows.sha256(content);
        return access.write(worldId, dsl -> {
            WorldRows.lock(dsl, worldId);
            refuseFolderClash(dsl, worldId, path);
            FileRows.put(dsl, worldId, path, content);
            log.debug("world {}: stored file {} ({} bytes)", worldId, path, content.length);
            return new WorldFile(worldId, path, content.length, sha256);
        });
    }

    /** Refuses a path the folder format gives a meaning of its own ({@link FolderPaths#reservedProblem}). */
    private static void refuseReserved(String worldId, String path) {
        String reason = FolderPaths.reservedProblem(path);
        if (reason != null) {
            throw new InvalidInputException(worldId, "world " + worldId + ": file " + path
                    + ": the folder format reserves this path (" + reason + "); choose another");
        }
    }

    /**
     * A path cannot be a file and a folder at once: {@code a} and {@code a/b} cannot both be exported.
     * Checked against the world's files, backups and recorded empty folders, in the writing transaction.
     */
    private static void refuseFolderClash(DSLContext dsl, String worldId, String path) {
        List<String> above = new ArrayList<>();
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            above.add(path.substring(0, slash));
        }
        String below = path + "/";
        var belowLength = DSL.inline(below.length());
        long key = WorldKeys.of(dsl, worldId);
        String clash = dsl.select(WORLD_FILE.PATH).from(WORLD_FILE).where(WORLD_FILE.WORLD_KEY.eq(key),
                        WORLD_FILE.PATH.in(above).or(DSL.left(WORLD_FILE.PATH, belowLength).eq(below)))
                .union(DSL.select(WORLD_BACKUP.PATH).from(WORLD_BACKUP).where(WORLD_BACKUP.WORLD_KEY.eq(key),
                        WORLD_BACKUP.PATH.in(above).or(DSL.left(WORLD_BACKUP.PATH, belowLength).eq(below))))
                .union(DSL.select(WORLD_DIRECTORY.PATH).from(WORLD_DIRECTORY).where(WORLD_DIRECTORY.WORLD_KEY.eq(key),
                        WORLD_DIRECTORY.PATH.eq(path).or(DSL.left(WORLD_DIRECTORY.PATH, belowLength).eq(below))))
                .limit(1).fetchOne(0, String.class);
        if (clash != null) {
            String what = above.contains(clash) ? "the world has a file " + clash + ", which cannot also be a folder"
                    : clash.equals(path) ? "the world has an empty folder there"
                    : "the world has " + clash + " beneath it, so it must stay a folder";
            throw new InvalidInputException(worldId, "world " + worldId + ": file " + path + ": " + what
                    + "; choose another path");
        }
    }

    @Override
    public byte[] get(String worldId, String path) {
        Checks.worldId(worldId);
        Checks.required(worldId, "path", path, 4000);
        return access.read(worldId, dsl -> {
            byte[] content = dsl.select(WORLD_FILE.CONTENT).from(WORLD_FILE)
                    .where(WORLD_FILE.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)), WORLD_FILE.PATH.eq(path))
                    .fetchOne(WORLD_FILE.CONTENT);
            if (content == null) {
                WorldRows.requireWorld(dsl, worldId);
                throw new NotFoundException(worldId, "world " + worldId + ": file " + path + " does not exist");
            }
            return content;
        });
    }

    @Override
    public Optional<WorldFile> describe(String worldId, String path) {
        Checks.worldId(worldId);
        Checks.required(worldId, "path", path, 4000);
        return access.read(worldId, dsl -> {
            Optional<WorldFile> file = dsl.select(WORLD_FILE.PATH, WORLD_FILE.SIZE_BYTES, WORLD_FILE.SHA256)
                    .from(WORLD_FILE).where(WORLD_FILE.WORLD_KEY.eq(WorldKeys.of(dsl, worldId)), WORLD_FILE.PATH.eq(path))
                    .fetchOptional(r -> new WorldFile(worldId, r.value1(), r.value2(), r.value3()));
            if (file.isEmpty()) {
                // As find() elsewhere: an absent file is an answer, an absent world is an error.
                WorldRows.requireWorld(dsl, worldId);
            }
            return file;
        });
    }

    @Override
    public List<WorldFile> list(String worldId) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> {
            WorldRows.requireWorld(dsl, worldId);
            return dsl.select(WORLD_FILE.PATH, WORLD_FILE.SIZE_BYTES, WORLD_FILE.SHA256).from(WORLD_FILE)
                    .where(WORLD_FILE.WORLD_KEY.eq(WorldKeys.of(dsl, worldId))).orderBy(WORLD_FILE.PATH)
                    .fetch(r -> new WorldFile(worldId, r.value1(), r.value2(), r.value3()));
        });
    }

    @Override
    public void delete(String worldId, String path) {
        Checks.worldId(worldId);
        Checks.required(worldId, "path", path, 4000);
        access.write(worldId, dsl -> {
            WorldRows.lock(dsl, worldId);
            if (!FileRows.delete(dsl, worldId, path)) {
                throw new NotFoundException(worldId, "world " + worldId + ": file " + path + " does not exist");
            }
            return null;
        });
    }
}
