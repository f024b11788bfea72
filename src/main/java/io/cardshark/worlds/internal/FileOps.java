package io.cardshark.worlds.internal;

import io.cardshark.worlds.Files;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.NotFoundException;
import io.cardshark.worlds.WorldFile;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static io.cardshark.worlds.internal.db.Tables.WORLD_FILE;

/** {@link Files} over the world_file table. */
public final class FileOps implements Files {

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
        String sha256 = sha256(content);
        return access.write(worldId, dsl -> {
            WorldLocks.lockForWrite(dsl, worldId);
            dsl.mergeInto(WORLD_FILE)
                    .using(DSL.selectOne())
                    .on(WORLD_FILE.WORLD_ID.eq(worldId), WORLD_FILE.PATH.eq(path))
                    .whenMatchedThenUpdate()
                    .set(WORLD_FILE.SIZE_BYTES, (long) content.length)
                    .set(WORLD_FILE.SHA256, sha256)
                    .set(WORLD_FILE.CONTENT, content)
                    .whenNotMatchedThenInsert(WORLD_FILE.WORLD_ID, WORLD_FILE.PATH, WORLD_FILE.SIZE_BYTES,
                            WORLD_FILE.SHA256, WORLD_FILE.CONTENT)
                    .values(worldId, path, (long) content.length, sha256, content)
                    .execute();
            log.debug("world {}: stored file {} ({} bytes)", worldId, path, content.length);
            return new WorldFile(worldId, path, content.length, sha256);
        });
    }

    /**
     * Paths the folder format gives a meaning of its own (the state, metadata, chats, events, backups,
     * temporary files) are not plain files: storing one here would clash with them on export.
     */
    private static void refuseReserved(String worldId, String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        boolean reserved = path.equals("world_state.json") || path.equals("metadata.json")
                || (path.startsWith("chats/") && path.indexOf('/', 6) < 0 && (name.endsWith(".json") || name.endsWith(".jsonl")))
                || (path.startsWith("events/") && path.indexOf('/', 7) < 0 && name.endsWith(".json"))
                || name.matches(".*\\.backup\\..*\\.json") || name.endsWith(".tmp");
        if (reserved) {
            throw new InvalidInputException(worldId, "world " + worldId + ": file " + path
                    + ": the folder format reserves this path for world data; choose another");
        }
    }

    @Override
    public byte[] get(String worldId, String path) {
        Checks.worldId(worldId);
        Checks.required(worldId, "path", path, 4000);
        return access.read(worldId, dsl -> {
            byte[] content = dsl.select(WORLD_FILE.CONTENT).from(WORLD_FILE)
                    .where(WORLD_FILE.WORLD_ID.eq(worldId), WORLD_FILE.PATH.eq(path)).fetchOne(WORLD_FILE.CONTENT);
            if (content == null) {
                WorldLocks.requireWorld(dsl, worldId);
                throw new NotFoundException(worldId, "world " + worldId + ": file " + path + " does not exist");
            }
            return content;
        });
    }

    @Override
    public Optional<WorldFile> describe(String worldId, String path) {
        Checks.worldId(worldId);
        Checks.required(worldId, "path", path, 4000);
        return access.read(worldId, dsl -> dsl.select(WORLD_FILE.PATH, WORLD_FILE.SIZE_BYTES, WORLD_FILE.SHA256)
                .from(WORLD_FILE).where(WORLD_FILE.WORLD_ID.eq(worldId), WORLD_FILE.PATH.eq(path))
                .fetchOptional(r -> new WorldFile(worldId, r.value1(), r.value2(), r.value3())));
    }

    @Override
    public List<WorldFile> list(String worldId) {
        Checks.worldId(worldId);
        return access.read(worldId, dsl -> {
            WorldLocks.requireWorld(dsl, worldId);
            return dsl.select(WORLD_FILE.PATH, WORLD_FILE.SIZE_BYTES, WORLD_FILE.SHA256).from(WORLD_FILE)
                    .where(WORLD_FILE.WORLD_ID.eq(worldId)).orderBy(WORLD_FILE.PATH)
                    .fetch(r -> new WorldFile(worldId, r.value1(), r.value2(), r.value3()));
        });
    }

    @Override
    public void delete(String worldId, String path) {
        Checks.worldId(worldId);
        Checks.required(worldId, "path", path, 4000);
        access.write(worldId, dsl -> {
            WorldLocks.lockForWrite(dsl, worldId);
            int deleted = dsl.deleteFrom(WORLD_FILE).where(WORLD_FILE.WORLD_ID.eq(worldId), WORLD_FILE.PATH.eq(path)).execute();
            if (deleted == 0) {
                throw new NotFoundException(worldId, "world " + worldId + ": file " + path + " does not exist");
            }
            return null;
        });
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
