package io.cardshark.worlds.internal.backup;

import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.NotFoundException;
import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.StoreUnavailableException;
import io.cardshark.worlds.WorldStoreException;
import io.cardshark.worlds.ErrorCode;
import io.cardshark.worlds.backup.BackupInfo;
import io.cardshark.worlds.backup.Backups;
import io.cardshark.worlds.internal.fs.FileSync;
import io.cardshark.worlds.internal.engine.StoreEngine;
import io.cardshark.worlds.internal.engine.StoreBackups;
import io.cardshark.worlds.internal.engine.StoreFiles;
import io.cardshark.worlds.internal.engine.StoreOpener;
import io.cardshark.worlds.internal.fs.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Whole-store backups with H2's {@code BACKUP TO}: a zip of the database file as of one moment, taken
 * while writers go on. The store's credentials file goes into the same zip, so a backup restores on its own.
 */
public final class BackupService implements Backups {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final String PREFIX = "worlds-";
    private static final String SUFFIX = ".zip";

    private final StoreEngine engine;

    public BackupService(StoreEngine engine) {
        this.engine = engine;
    }

    @Override
    public BackupInfo create() {
        refuseOnPostgres(engine.config(), "backup");
        try {
            return engine.withAdminConnection(c -> write(c, engine.config(), "manual"));
        } catch (IOException e) {
            throw failure("backup into " + engine.config().backupDir() + " failed", e);
        }
    }

    /**
     * A whole-store backup of a PostgreSQL store is the server's business: its own tools dump and restore the
     * store's schema consistently, of the server's version, with roles and grants. Per-world snapshots work as on H2.
     */
    private static void refuseOnPostgres(StoreConfig config, String what) {
        if (config.onPostgres()) {
            throw new StoreUnavailableException(null, "store at " + config.location() + ": " + what + " of a whole "
                    + "store in PostgreSQL is done with the server's own tools, of its version: pg_dump --format=custom "
                    + "--schema=<the store's schema> to back it up, pg_restore to restore it (snapshots and restore-world "
                    + "work here as on H2)");
        }
    }

    @Override
    public List<BackupInfo> list() {
        return list(engine.config());
    }

    /** The backups a store's opener takes: online before a migration, of the files before it drops foreign objects. */
    public static StoreBackups openingBackups(StoreConfig config) {
        return new StoreBackups() {
            @Override
            public void online(Connection admin, String reason) throws SQLException, IOException {
                write(admin, config, reason);
            }

            @Override
            public void offline(String reason) throws IOException {
                writeFiles(config, reason);
            }
        };
    }

    /**
     * Writes a backup of the database {@code c} belongs to. Also called before a schema migration, on the
     * migrating connection, before any change is made. The zip holds the credentials, so it is owner-only
     * from its creation: H2 writes into a file made here, which keeps its mode.
     */
    public static BackupInfo write(Connection c, StoreConfig config, String reason) throws SQLException, IOException {
        return writeZip(config, reason, temp -> {
            try (Statement st = c.createStatement()) {
                st.execute("BACKUP TO '" + temp.toString().replace("'", "''") + "'");
            }
            Path credentials = StoreFiles.credentials(config.dataDir());
            if (Files.exists(credentials)) {
                try (FileSystem zip = FileSystems.newFileSystem(temp, Map.of())) {
                    Files.copy(credentials, zip.getPath(credentials.getFileName().toString()));
                }
            }
        });
    }

    /**
     * A backup of the store's files as they lie, for when the database must not be opened: the lock is held,
     * so no process writes them meanwhile.
     */
    static BackupInfo writeFiles(StoreConfig config, String reason) throws IOException {
        try {
            return writeZip(config, reason, temp -> {
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
                    for (Path file : List.of(StoreFiles.database(config.dataDir()), StoreFiles.credentials(config.dataDir()))) {
                        if (Files.exists(file)) {
                            zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                            Files.copy(file, zip);
                            zip.closeEntry();
                        }
                    }
                }
            });
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    private interface ZipWriter {
        void write(Path temp) throws SQLException, IOException;
    }

    /** A new zip in the backup folder: owner-only, written under a temporary name, forced, renamed, pruned. */
    private static BackupInfo writeZip(StoreConfig config, String reason, ZipWriter writer) throws SQLException, IOException {
        Path dir = OwnerOnly.createDirectories(config.backupDir());
        String name = reserveName(dir, reason);
        Path temp = temp(dir, name);
        try {
            writer.write(temp);
            // The zip file system rewrites the zip through a file of its own; make sure of the mode it ends with.
            OwnerOnly.restrict(temp);
            FileSync.file(temp);
            Path target = dir.resolve(name);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            FileSync.directory(dir);
            BackupInfo info = info(target);
            log.info("backup {} written ({} bytes, reason {})", target, info.bytes(), reason);
            prune(config);
            return info;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Removes the temporary files of backups that a crash cut short, and narrows to their owner the backups
     * that releases before 0.2 made readable by everyone. Called on open, when this process holds the
     * store's lock and so no backup of it can be in progress.
     */
    public static void removeLeftovers(StoreConfig config) {
        Path dir = config.backupDir();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                // Ours, and the JDK zip file system's own (zipfstmp*.tmp) from adding the credentials entry.
                boolean ours = name.startsWith("." + PREFIX) && name.endsWith(SUFFIX + ".tmp");
                if (ours || (name.startsWith("zipfstmp") && name.endsWith(".tmp"))) {
                    Files.deleteIfExists(file);
                    log.info("removed {}, the leftover of an interrupted backup", file);
                } else if (stampOf(name) != null && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    OwnerOnly.restrict(file);
                }
            }
        } catch (IOException e) {
            log.warn("{}: leftovers of interrupted backups could not be removed: {}", dir, e.getMessage());
        }
    }

    /**
     * A name no other backup has or is being written under, reserved by creating its temporary file (owner-only,
     * {@code CREATE_NEW}): two backups started in the same millisecond, by two threads, get two names instead
     * of one overwriting the other.
     */
    private static String reserveName(Path dir, String reason) throws IOException {
        for (Instant at = Instant.now(); ; at = at.plusMillis(1)) {
            String name = PREFIX + Stamps.name(at, reason) + SUFFIX;
            try {
                OwnerOnly.createFile(temp(dir, name));
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            // The temporary file goes only when its backup is renamed in, so a free one with no backup of
            // the same name is ours alone.
            if (!Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                return name;
            }
            Files.delete(temp(dir, name));
        }
    }

    private static Path temp(Path dir, String name) {
        return dir.resolve("." + name + ".tmp");
    }

    static List<BackupInfo> list(StoreConfig config) {
        Path dir = config.backupDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<BackupInfo> backups = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (stampOf(file.getFileName().toString()) != null && Files.isRegularFile(file)) {
                    backups.add(info(file));
                }
            }
        } catch (IOException e) {
            throw failure(dir + ": cannot list backups", e);
        }
        backups.sort(Comparator.comparing(BackupInfo::createdAt).reversed().thenComparing(BackupInfo::name));
        return backups;
    }

    private static Stamps.Stamp stampOf(String fileName) {
        if (!fileName.startsWith(PREFIX) || !fileName.endsWith(SUFFIX)) {
            return null;
        }
        return Stamps.parse(fileName.substring(PREFIX.length(), fileName.length() - SUFFIX.length()));
    }

    private static BackupInfo info(Path file) {
        String name = file.getFileName().toString();
        Stamps.Stamp stamp = stampOf(name);
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            bytes = -1;
        }
        return new BackupInfo(name, file, stamp.at(), stamp.reason(), bytes);
    }

    private static void prune(StoreConfig config) {
        for (BackupInfo old : Stamps.expired(list(config), BackupInfo::createdAt, config.retention(), Instant.now())) {
            try {
                Files.deleteIfExists(old.path());
                log.info("backup {} pruned (retention {})", old.path(), config.retention());
            } catch (IOException e) {
                log.warn("backup {} could not be pruned: {}", old.path(), e.getMessage());
            }
        }
    }

    /** See {@code WorldStore.restore}. */
    public static BackupInfo restore(StoreConfig config, String name) {
        if (name == null || stampOf(name) == null) {
            throw new InvalidInputException(null, "backup name " + (name == null ? "null" : "'" + name + "'")
                    + " is not a backup file name (worlds-<time>-<reason>.zip); see the backups command");
        }
        refuseOnPostgres(config, "restore");
        Path zip = config.backupDir().resolve(name);
        if (!Files.isRegularFile(zip)) {
            throw new NotFoundException(null, "no backup " + name + " in " + config.backupDir());
        }
        Path dataDir = config.dataDir();
        StoreConfig quiet = quietCopy(config, dataDir);
        Path staging = dataDir.resolve(".restore-" + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            checkZip(zip);
            BackupInfo before = null;
            if (Files.exists(StoreFiles.database(dataDir))) {
                // Opening proves no other process has the store, and keeps what is replaced restorable.
                try (StoreEngine current = StoreOpener.open(quiet, openingBackups(quiet))) {
                    before = current.withAdminConnection(c -> write(c, quiet, "pre-restore"));
                }
            }
            OwnerOnly.createDirectories(staging);
            extract(zip, staging);
            // Open the staged copy once: it must be a store this code can read (and one holding nothing its
            // migrations did not make) before it replaces anything.
            StoreConfig staged = quietCopy(config, staging);
            StoreOpener.open(staged, openingBackups(staged)).close();
            // Nothing may open the store between the check and the swap: the swap happens under its lock.
            try (AutoCloseable lock = StoreOpener.lockClosed(dataDir)) {
                swapIn(staging, dataDir);
            }
            log.info("store at {} restored from backup {}", dataDir, zip);
            return before;
        } catch (IOException e) {
            throw failure("restoring " + zip + " into " + dataDir + " failed; the store is unchanged", e);
        } catch (WorldStoreException e) {
            throw e;
        } catch (Exception e) {
            throw new WorldStoreException(ErrorCode.IO_FAILURE, null, "restoring " + zip + " into " + dataDir
                    + " failed; the store is unchanged: " + e.getMessage(), e);
        } finally {
            try {
                FileSync.deleteTree(staging);
            } catch (IOException e) {
                log.warn("{} could not be deleted: {}", staging, e.getMessage());
            }
        }
    }

    /**
     * {@code config} as a restore opens the store and the staged copy: in {@code dataDir}, writable, never
     * created, attached or served to others, foreign objects refused; its backups stay where {@code config}
     * keeps them.
     */
    private static StoreConfig quietCopy(StoreConfig config, Path dataDir) {
        return new StoreConfig(dataDir, config.maxPoolSize(), config.lockTimeout(), config.durability(),
                config.backupDir(), config.snapshotDir(), config.retention(), config.verifyOnOpen(), false, false,
                false, false, false, config.applicationName(), config.sessions(), config.snapshotForm(), null,
                config.cacheSizeMb(), config.backgroundIndexing());
    }

    private static void checkZip(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            if (z.getEntry(StoreFiles.DATABASE) == null) {
                throw new InvalidInputException(null, zip + ": not a store backup (it holds no "
                        + StoreFiles.DATABASE + ")");
            }
        } catch (java.util.zip.ZipException e) {
            throw new InvalidInputException(null, zip + ": not a readable zip (" + e.getMessage() + ")");
        }
    }

    /**
     * Only the two known entries are taken, by their own names: nothing in the zip picks a path. Each file is
     * owner-only from its creation: one of them holds the store's passwords.
     */
    private static void extract(Path zip, Path staging) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (String entryName : List.of(StoreFiles.DATABASE, StoreFiles.CREDENTIALS)) {
                ZipEntry entry = z.getEntry(entryName);
                if (entry == null) {
                    continue;
                }
                Path target = OwnerOnly.createFile(staging.resolve(entryName));
                try (InputStream in = z.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                OwnerOnly.restrict(target);
                FileSync.file(target);
            }
        }
    }

    /**
     * The database file is renamed over the old one in one step, so the store holds the old or the new
     * content. The credentials go first: they are the same for every backup of one store. The staged database
     * is synced again first: opening it to check it wrote to it, and H2 leaves the last writes of a close
     * unsynced ({@code BareH2PowerCutTest}).
     */
    private static void swapIn(Path staging, Path dataDir) throws IOException {
        FileSync.file(staging.resolve(StoreFiles.DATABASE));
        Path credentials = staging.resolve(StoreFiles.CREDENTIALS);
        if (Files.exists(credentials)) {
            Files.move(credentials, StoreFiles.credentials(dataDir), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(staging.resolve(StoreFiles.DATABASE), StoreFiles.database(dataDir), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        FileSync.directory(dataDir);
    }

    private static WorldStoreException failure(String message, IOException e) {
        return new WorldStoreException(ErrorCode.IO_FAILURE, null, message + ": " + e, e);
    }
}
