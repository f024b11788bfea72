package io.cardshark.worlds.testing.powercut;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.store.fs.Recorder;
import org.h2.store.fs.rec.FilePathRec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deterministic reproduction, on plain H2 (the MVStore API, no project code), of the loss the power-cut harness
 * found (issue 17; the report: {@code docs/h2-chunk-move-report.md}). <b>This test documents a bug in H2 2.4.240</b>:
 * {@link #withH2sCompactionACrashWhileItMovesChunksLosesSyncedCommitsLater} asserts what H2 does today, the loss.
 * When an H2 upgrade makes it fail, H2 has changed: flip it to expect every acknowledged commit, and look again at
 * the store's workaround ({@code H2Urls.NO_CHUNK_MOVES}).
 *
 * <p>The workload: ten puts and five removes, each committed and synced ({@code commit(); sync()}), then a close
 * with H2's compaction at close ({@code close(200)}, what H2's default {@code MAX_COMPACT_TIME} of 200 ms does).
 * The process dies ({@code kill -9} or a power cut: the writes made so far are on the disk, nothing after) at some
 * write of that close. Then the store is opened again, one more put is committed and synced (acknowledged), the
 * store is closed cleanly ({@code close(0)}), and opened once more.
 *
 * <p>What H2 2.4.240 does when the process dies right after its compaction copied a live chunk past the end of the
 * file ({@code RandomAccessStore.compactMoveChunks}: copies first, the chunk recording their new places after):
 * the first reopen recovers correctly (every acknowledged put is there), but its recovery
 * ({@code FileStore.findLastChunkWithCompleteValidChunkSet}) fixes the chunk metadata only in memory: the chunk
 * whose copy it adopts is re-pointed there, and dead chunks whose space the interrupted compaction had already
 * reused are given block 0. The layout map in the file keeps the old entries, and their space is free for new
 * chunks. After the next clean close, the reopen checks the newest chunks of the layout
 * ({@code RandomAccessStore.readStoreHeader}, clean-shutdown path), finds a chunk that is not where the layout
 * says (dead chunk 2, its block now holding new chunk 16), and falls back to the chunks it had checked before that
 * one: it opens the store at version 1. Every commit after the first is gone, with no error.
 *
 * <p>The crash is made with H2's own recording file system ({@link FilePathRec}, {@code rec:}), whose recorder
 * sees each write after it is made: at the chosen write the test copies the file (what the disk holds if the
 * process dies right then), lets H2 fail, and puts the copy back before reopening. Nothing is simulated: every
 * byte in the file was written by H2.
 *
 * <p>With the workaround ({@code AUTO_COMPACT_FILL_RATE=0;MAX_COMPACT_TIME=0} on a JDBC URL, which H2 hands to the
 * MVStore as {@code autoCompactFillRate(0)} and {@code close(0)}) H2 never moves a chunk: the close makes one write
 * (the store header), and a crash at it loses nothing ({@link #withoutChunkMovesNoCrashInTheCloseLosesAnything}).
 */
class H2ChunkMoveReproTest {

    private static final int KEYS = 10;
    private static final String VALUE = "v".repeat(1000);
    private static final int ACKNOWLEDGED_KEY = -1;
    /** H2's default {@code MAX_COMPACT_TIME}: compaction at close. */
    private static final int H2_DEFAULT_COMPACT_TIME = 200;

    @TempDir
    Path tmp;

    private final Crash crash = new Crash();

    @BeforeEach
    void installRecorder() {
        FilePathRec.register();
        FilePathRec.setRecorder(crash);
    }

    @AfterEach
    void removeRecorder() {
        FilePathRec.setRecorder((op, fileName, data, x) -> { });
    }

    /** H2 2.4.240's behaviour, the bug: flip when H2 fixes it (see the class comment). */
    @Test
    void withH2sCompactionACrashWhileItMovesChunksLosesSyncedCommitsLater() throws IOException {
        Outcome o = run(false, Crash.Trigger.COPY_PAST_END, 0);

        assertThat(o.crashedAt()).as("the close's compaction copied a live chunk past the end of the file")
                .contains("chunk copy");
        assertThat(o.afterCrash()).as("the first reopen after the crash has every acknowledged put")
                .isEqualTo(expectedAfterWorkload());
        // What H2 2.4.240 does: the store opens at version 1. The acknowledged put (committed, synced, closed
        // cleanly) and four of the five keys acknowledged before the crash are gone, and nothing reports it.
        assertThat(o.reopenedAtVersion()).isEqualTo(1);
        assertThat(o.finalKeys()).as("H2 %s lost synced commits", org.h2.engine.Constants.FULL_VERSION)
                .doesNotContainKey(ACKNOWLEDGED_KEY)
                .isNotEqualTo(expected());
    }

    /** The workaround: H2 moves no chunk, and a crash at any write of the close loses nothing. */
    @Test
    void withoutChunkMovesNoCrashInTheCloseLosesAnything() throws IOException {
        int writes = closeWrites(true);
        System.out.printf("without chunk moves the close makes %d writes; a crash at each loses nothing%n", writes);
        assertThat(writes).isPositive();
        for (int k = 1; k <= writes; k++) {
            Outcome o = run(true, Crash.Trigger.NTH_WRITE, k);
            assertThat(o.crashedAt()).as("write %d", k).doesNotContain("chunk copy");
            assertThat(o.afterCrash()).as("write %d", k).isEqualTo(expectedAfterWorkload());
            assertThat(o.finalKeys()).as("crash at write %d of %d (%s)", k, writes, o.crashedAt()).isEqualTo(expected());
        }
        // and without any crash, the same
        assertThat(run(true, Crash.Trigger.NEVER, 0).finalKeys()).isEqualTo(expected());
    }

    // ---------------------------------------------------------------------------------------------------------

    /** What one run saw: where the process died, the keys after the first and the second reopen. */
    record Outcome(String crashedAt, Map<Integer, Integer> afterCrash, long reopenedAtVersion,
                   Map<Integer, Integer> finalKeys) {
    }

    private Outcome run(boolean workaround, Crash.Trigger trigger, int nth) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "run");
        Path file = dir.resolve("repro.mv.db");
        String name = "rec:" + file;
        crash.watch(file);

        // 1. The workload, every change committed and synced.
        MVStore store = open(name, workaround);
        MVMap<Integer, String> map = store.openMap("data");
        for (int i = 0; i < KEYS; i++) {
            map.put(i, VALUE);
            store.commit();
            store.sync();
        }
        for (int i = 1; i < KEYS; i += 2) {
            map.remove(i);
            store.commit();
            store.sync();
        }

        // 2. The close, and the process dies at the chosen write of it.
        crash.arm(trigger, nth);
        try {
            store.close(workaround ? 0 : H2_DEFAULT_COMPACT_TIME);
        } catch (RuntimeException e) {
            if (!crash.happened()) {
                throw e;
            }
            store.closeImmediately();
        }
        String crashedAt = crash.disarm();
        if (crash.happened()) {
            Files.copy(crash.snapshot(), file, StandardCopyOption.REPLACE_EXISTING);
        }

        // 3. Reopen: every acknowledged put is there. One more put, committed, synced; a clean close.
        store = open(name, workaround);
        map = store.openMap("data");
        Map<Integer, Integer> afterCrash = keys(map);
        map.put(ACKNOWLEDGED_KEY, VALUE);
        store.commit();
        store.sync();
        // Closed without compaction either way: a compaction here runs for as long as its time allows, so the
        // run would depend on the machine's speed.
        store.close(0);

        // 4. Reopen.
        store = open(name, workaround);
        try {
            return new Outcome(crashedAt, afterCrash, store.getCurrentVersion(), keys(store.openMap("data")));
        } finally {
            store.close(0);
        }
    }

    /** How many writes the close of the workload makes when nothing crashes. */
    private int closeWrites(boolean workaround) throws IOException {
        run(workaround, Crash.Trigger.NEVER, 0);
        return crash.writesSinceArmed();
    }

    private static MVStore open(String name, boolean workaround) {
        MVStore.Builder builder = new MVStore.Builder().fileName(name).autoCommitDisabled();
        if (workaround) {
            builder.autoCompactFillRate(0); // what AUTO_COMPACT_FILL_RATE=0 sets
        }
        return builder.open();
    }

    private static Map<Integer, Integer> keys(MVMap<Integer, String> map) {
        Map<Integer, Integer> keys = new TreeMap<>();
        map.forEach((k, v) -> keys.put(k, v.length()));
        return keys;
    }

    private static Map<Integer, Integer> expectedAfterWorkload() {
        Map<Integer, Integer> keys = new TreeMap<>();
        for (int i = 0; i < KEYS; i += 2) {
            keys.put(i, VALUE.length());
        }
        return keys;
    }

    private static Map<Integer, Integer> expected() {
        Map<Integer, Integer> keys = expectedAfterWorkload();
        keys.put(ACKNOWLEDGED_KEY, VALUE.length());
        return keys;
    }

    /**
     * H2's recorder ({@link FilePathRec}) sees each write after it was made. Armed, it counts the writes to one
     * file and, at the trigger, copies the file (the disk as the dead process leaves it) and fails that write
     * and every later one, as a dead process makes none.
     */
    static final class Crash implements Recorder {
        enum Trigger { NEVER, NTH_WRITE, COPY_PAST_END }

        private Path file;
        private Trigger trigger = Trigger.NEVER;
        private int nth;
        private int writes;
        private int maxChunkId = -1;
        private String crashedAt;
        private Path snapshot;

        /** Watches a new store's file: its chunk ids start again. */
        synchronized void watch(Path file) {
            this.file = file;
            this.trigger = Trigger.NEVER;
            this.maxChunkId = -1;
            this.crashedAt = null;
            this.snapshot = file.resolveSibling(file.getFileName() + ".at-crash");
        }

        /** From now on, the process dies at the trigger; the writes are counted from here. */
        synchronized void arm(Trigger trigger, int nth) {
            this.trigger = trigger;
            this.nth = nth;
            this.writes = 0;
        }

        /** Stops watching; returns where the process died ("none" if it did not). */
        synchronized String disarm() {
            trigger = Trigger.NEVER;
            file = null;
            return crashedAt == null ? "none" : crashedAt;
        }

        synchronized boolean happened() {
            return crashedAt != null;
        }

        synchronized int writesSinceArmed() {
            return writes;
        }

        synchronized Path snapshot() {
            return snapshot;
        }

        @Override
        public synchronized void log(int op, String fileName, byte[] data, long position) {
            if (file == null || !fileName.endsWith(file.toString())) {
                return;
            }
            if (crashedAt != null) {
                throw new IllegalStateException("the process is dead");
            }
            if (op != WRITE && op != TRUNCATE) {
                return;
            }
            String what = describe(op, data, position);
            trackChunkIds(op, data);
            if (op == WRITE) {
                writes++;
            }
            boolean now = switch (trigger) {
                case NEVER -> false;
                case NTH_WRITE -> op == WRITE && writes == nth;
                case COPY_PAST_END -> what.startsWith("chunk copy") && position + data.length >= size();
            };
            if (now) {
                crashedAt = "write " + writes + ": " + what;
                try {
                    Files.copy(file, snapshot, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                throw new IllegalStateException("the process dies after " + crashedAt);
            }
        }

        private long size() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A chunk write is a copy when its id is not new: compaction moving a chunk writes its bytes unchanged. */
        private String describe(int op, byte[] data, long position) {
            if (op == TRUNCATE) {
                return "truncate to block " + position / 4096;
            }
            int id = chunkId(data);
            String where = String.format("at block 0x%x, %d blocks", position / 4096, (data.length + 4095) / 4096);
            if (id >= 0) {
                return (id <= maxChunkId ? "chunk copy " : "new chunk ") + Integer.toHexString(id) + " " + where;
            }
            return data.length > 1 && data[0] == 'H' && data[1] == ':' ? "store header" : "write " + where;
        }

        private void trackChunkIds(int op, byte[] data) {
            if (op == WRITE) {
                maxChunkId = Math.max(maxChunkId, chunkId(data));
            }
        }

        private static int chunkId(byte[] data) {
            if (data == null || data.length < 8) {
                return -1;
            }
            String head = new String(data, 0, Math.min(data.length, 32), StandardCharsets.ISO_8859_1);
            int comma = head.indexOf(',');
            if (!head.startsWith("chunk:") || comma < 0) {
                return -1;
            }
            return Integer.parseInt(head.substring(6, comma), 16);
        }
    }
}
