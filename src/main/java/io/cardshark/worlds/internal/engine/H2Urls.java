package io.cardshark.worlds.internal.engine;

import io.cardshark.worlds.Durability;
import io.cardshark.worlds.StoreConfig;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds the only JDBC URLs the store ever hands to H2. No caller-supplied URL or option reaches H2: the
 * H2 console CVEs came through options such as {@code INIT=RUNSCRIPT}. {@code StoreConfig} refuses a data
 * folder holding the URL's separator; everything else is fixed here. A database is named by its path
 * without H2's {@code .mv.db} suffix.
 */
public final class H2Urls {

    /**
     * H2's file system prefix for stores, {@code file} unless a test put its own file system in (the
     * power-cut tests register one with H2's pluggable file system). Never set outside tests.
     */
    private static volatile String fileSystem = "file";

    private H2Urls() {
    }

    /** The store's database in {@code dataDir}, named as H2 names it (no suffix). */
    static Path database(Path dataDir) {
        return dataDir.resolve(StoreFiles.DATABASE_NAME);
    }

    /**
     * The URL of the admin connections, which open the database and so fix its settings.
     * {@code WRITE_DELAY=0}: H2's default of 500 ms lost acknowledged commits on kill -9 in 14 of 20 runs on
     * this project's machine, and none with 0. {@code DB_CLOSE_ON_EXIT=FALSE}: the store closes the database
     * itself, after its own shutdown work. {@code TRACE_LEVEL_FILE=0}: H2 would otherwise keep a
     * {@code worlds.trace.db} of every failed statement and login beside the store; the store reports its
     * failures itself. {@code RETENTION_TIME} stays at its default: lowering it reproduces an H2 corruption bug.
     * At {@code POWER_LOSS}, {@link #NO_CHUNK_MOVES}: H2 2.4.240 can lose synced commits when the power (or
     * the process) fails while it moves chunks; at {@code PROCESS_CRASH}, H2's own compaction at close
     * ({@code MAX_COMPACT_TIME} is stored in the database, so a store once opened at {@code POWER_LOSS} gets
     * it back). {@code CACHE_SIZE}, the page cache ({@code StoreConfig.cacheSizeMb}), is given at every open
     * because H2 stores it in the database: a store once opened with a large cache would otherwise keep it.
     */
    static String admin(Path database, StoreConfig config) {
        return admin(fileSystem, database, config.durability(), config.lockTimeout())
                + ";CACHE_SIZE=" + config.cacheSizeMb() * 1024;
    }

    /** {@link #admin} on H2's in-memory file system: for throwaway databases that must not touch the disk. */
    static String inMemoryAdmin(String database, Duration lockTimeout) {
        return "jdbc:h2:memFS:" + database + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0" + session(lockTimeout);
    }

    private static String admin(String fs, Path database, Durability durability, Duration lockTimeout) {
        return base(fs, database) + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0"
                + (durability == Durability.POWER_LOSS ? NO_CHUNK_MOVES : H2_COMPACTION) + session(lockTimeout);
    }

    /**
     * H2 never moves a chunk of the file. To compact, H2 2.4.240 copies old chunks to the end of the file and
     * then writes where they are now; a crash or power cut between the two (the copy on the disk, the chunk
     * that records the move not) makes H2, on the next open, take the copied old chunk at the end of the file
     * for the last one and silently go back to that version, hundreds of synced commits earlier (the power-cut
     * harness found it, issue 17: seed 2663811664 lost acknowledged operations twice in 200 cuts). It moves
     * chunks in its background housekeeping when the file is fragmented ({@code AUTO_COMPACT_FILL_RATE}, 0
     * turns that housekeeping off) and when the database closes ({@code MAX_COMPACT_TIME}, 0 turns that off).
     * The cost is a larger file: the space of chunks that died is still reused for new ones, but chunks that
     * keep a few live pages are no longer rewritten (in {@code RestartSoakTest}'s workload the file grew to ten
     * times the live data), which is why {@code PROCESS_CRASH}, which promises nothing against a power cut,
     * keeps H2's compaction. {@code MAX_COMPACT_TIME} is stored in the database ({@code SchemaGuard} knows it);
     * {@code AUTO_COMPACT_FILL_RATE} is not.
     */
    static final String NO_CHUNK_MOVES = ";AUTO_COMPACT_FILL_RATE=0;MAX_COMPACT_TIME=0";
    /** H2's default compaction at close, for a store that an open at {@code POWER_LOSS} left without it. */
    static final String H2_COMPACTION = ";MAX_COMPACT_TIME=200";

    /**
     * The URL of the writer's and inspector's connections, which join the database the admin connection
     * opened: session settings only (a database setting needs admin rights). {@code LAZY_QUERY_EXECUTION}:
     * a cursor over a million messages streams rows instead of H2 first copying the whole result to a
     * temporary file.
     */
    static String member(Path database, Duration lockTimeout) {
        return base(fileSystem, database) + session(lockTimeout);
    }

    /** A connection to a store another process holds, through the inspection server it serves. */
    static String remote(int port, String key, Duration lockTimeout) {
        return "jdbc:h2:tcp://" + InspectionServer.LOOPBACK + ":" + port + "/" + key + session(lockTimeout);
    }

    /** What the inspection server maps its key to: the database this process has open. */
    static String databasePath(Path database) {
        return prefix() + slashes(database);
    }

    /** A database's file as H2's file system names it, for reading its catalogue before opening it. */
    static String databaseFile(Path database) {
        return prefix() + slashes(database) + ".mv.db";
    }

    private static String prefix() {
        return fileSystem.equals("file") ? "" : fileSystem + ":";
    }

    private static String base(String fs, Path database) {
        return "jdbc:h2:" + fs + ":" + slashes(database);
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static String session(Duration lockTimeout) {
        return ";LAZY_QUERY_EXECUTION=TRUE;LOCK_TIMEOUT=" + lockTimeout.toMillis();
    }

    /** For tests only: the H2 file system prefix of every store opened from now on ({@code file} to reset). */
    public static void useFileSystemForTests(String prefix) {
        fileSystem = prefix;
    }
}
