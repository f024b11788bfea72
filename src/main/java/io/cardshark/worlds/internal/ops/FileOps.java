package io.cardshark.worlds.internal.ops;

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

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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

    /** {@code {stem}.backup.{tag}.json}: history, stored only by an import (format spec §8). */
    private static final Pattern BACKUP_NAME = Pattern.compile(".+\\.backup\\..+\\.json");

    /**
     * Paths the folder format gives a meaning of its own are not plain files: storing one here would clash
     * with what the exporter writes there, or come back as something else on the next import. Refused:
     * <ul>
     * <li>the exporter's own files, and any path beneath one as if it were a folder: {@code world_state.json},
     *     {@code metadata.json} (set it with {@code Worlds.setMetadataDocument}), {@code chats/*.json},
     *     {@code chats/*.jsonl}, {@code events/*.json};</li>
     * <li>the directories it always creates: {@code chats}, {@code events}, {@code images},
     *     {@code images/backgrounds}, {@code images/objects};</li>
     * <li>a backup name ({@code *.backup.*.json}, history that only an import brings), and any segment
     *     ending in {@code .tmp} (never read, stored or exported).</li>
     * </ul>
     * Everything an import stores as a plain file stays allowed: {@code images/...}, {@code rooms/...},
     * {@code world_card.png}, deeper files under {@code chats/} and {@code events/}, other names there.
     */
    private static void refuseReserved(String worldId, String path) {
        String[] segments = path.split("/");
        String reason = null;
        if (FolderPaths.isExportedDirectory(path)) {
            reason = "the exporter always creates a folder there";
        } else if (BACKUP_NAME.matcher(segments[segments.length - 1]).matches()) {
            reason = "it is a backup name, history that only an import brings";
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < segments.length && reason == null; i++) {
            if (segments[i].endsWith(".tmp")) {
                reason = "a name ending in .tmp is never exported or imported";
                break;
            }
            prefix.append(i == 0 ? "" : "/").append(segments[i]);
            String p = prefix.toString();
            if (exporterWrites(p)) {
                reason = i == segments.length - 1 ? "the exporter writes world data there"
                        : "the exporter writes world data at " + p + ", which cannot also be a folder";
            }
        }
        if (reason != null) {
            throw new InvalidInputException(worldId, "world " + worldId + ": file " + path
                    + ": the folder format reserves this path (" + reason + "); choose another");
        }
    }

    /** The files an export writes from the world's own tables (format spec §9.1, §9.2). */
    private static boolean exporterWrites(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return path.equals("world_state.json") || path.equals("metadata.json")
                || (directChild(path, "chats/") && (name.endsWith(".json") || name.endsWith(".jsonl")))
                || (directChild(path, "events/") && name.endsWith(".json"));
    }

    private static boolean directChild(String path, String folder) {
        return path.startsWith(folder) && path.length() > folder.length() && path.indexOf('/', folder.length()) < 0;
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
        String clash = dsl.select(WORLD_FILE.PATH).from(WORLD_FILE).where(WORLD_FILE.WORLD_ID.eq(worldId),
                        WORLD_FILE.PATH.in(above).or(DSL.left(WORLD_FILE.PATH, belowLength).eq(below)))
                .union(DSL.select(WORLD_BACKUP.PATH).from(WORLD_BACKUP).where(WORLD_BACKUP.WORLD_ID.eq(worldId),
                        WORLD_BACKUP.PATH.in(above).or(DSL.left(WORLD_BACKUP.PATH, belowLength).eq(below))))
                .union(DSL.select(WORLD_DIRECTORY.PATH).from(WORLD_DIRECTORY).where(WORLD_DIRECTORY.WORLD_ID.eq(worldId),
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
                    .where(WORLD_FILE.WORLD_ID.eq(worldId), WORLD_FILE.PATH.eq(path)).fetchOne(WORLD_FILE.CONTENT);
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
                    .from(WORLD_FILE).where(WORLD_FILE.WORLD_ID.eq(worldId), WORLD_FILE.PATH.eq(path))
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
                    .where(WORLD_FILE.WORLD_ID.eq(worldId)).orderBy(WORLD_FILE.PATH)
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
