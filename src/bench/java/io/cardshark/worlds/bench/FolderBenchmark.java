package io.cardshark.worlds.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.folder.ArchiveResult;
import io.cardshark.worlds.folder.ExportResult;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.folder.Progress;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Import and export of a big world (10,000 locations, 1,000,000 chat messages by default), with the raw
 * Jackson streaming parse and generate of the same chat bytes as the limit of the JSON side. Prints
 * figures; asserts nothing. Run it with a small heap to show that nothing is held whole:
 *
 * <pre>
 * mvn -B -q -Pbench -DskipTests package   (the bench profile compiles src/bench/java into target/test-classes)
 * java -Xmx256m -cp target/cardshark-worlds.jar:target/test-classes io.cardshark.worlds.bench.FolderBenchmark [locations] [messages] [dir]
 * </pre>
 */
public final class FolderBenchmark {

    /** The step of the bare H2 import that commits in steps: where commit every 1,000 to 10,000 rows cost least. */
    static final int BARE_COMMIT_EVERY = 2_000;

    public static void main(String[] args) throws IOException {
        int locations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("cardshark-bench");
        Path source = dir.resolve("source");
        Path world = source.resolve("Bench_World");
        System.out.printf("generating a world of %,d locations and %,d messages in %s%n", locations, messages, world);
        generate(world, locations, messages);
        long sourceBytes = size(world);
        long chatBytes = size(world.resolve("chats"));

        // Opening (and migrating) the store is not part of the import.
        WorldStore.configure().dataDir(dir.resolve("store")).open().close();
        resetPeaks();
        ImportResult imported;
        double importSeconds;
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            long t0 = System.nanoTime();
            imported = store.folders().importFolders(List.of(world), false).get(0);
            importSeconds = (System.nanoTime() - t0) / 1e9;
        }
        long importHeap = peakHeap();
        if (!imported.isImported()) {
            throw new IllegalStateException(imported.error());
        }

        resetPeaks();
        ExportResult exported;
        double exportSeconds;
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            long t1 = System.nanoTime();
            exported = store.folders().export(List.of("Bench_World"), dir.resolve("export"), Layout.DOCUMENTED).get(0);
            exportSeconds = (System.nanoTime() - t1) / 1e9;
        }
        long exportHeap = peakHeap();

        // The same world through one archive: written (a folder export, then zipped), then imported into a fresh store.
        resetPeaks();
        Path archive = dir.resolve("archive/Bench_World.zip");
        ArchiveResult zipped;
        double archiveExportSeconds;
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            long t2 = System.nanoTime();
            zipped = store.folders().exportArchive(List.of("Bench_World"), archive, Layout.DOCUMENTED, Progress.NONE);
            archiveExportSeconds = (System.nanoTime() - t2) / 1e9;
        }
        long archiveExportHeap = peakHeap();
        WorldStore.configure().dataDir(dir.resolve("store-from-archive")).open().close();
        resetPeaks();
        double archiveImportSeconds;
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store-from-archive")).open()) {
            long t3 = System.nanoTime();
            ImportResult fromArchive = store.folders().importArchive(archive, false).get(0);
            archiveImportSeconds = (System.nanoTime() - t3) / 1e9;
            if (!fromArchive.isImported()) {
                throw new IllegalStateException(fromArchive.error());
            }
        }
        long archiveImportHeap = peakHeap();

        // The import again, into a fresh store, the JIT now warm: what an application that imports a second world
        // sees. The first above is what a command-line import sees; on two cores, compiling the hot code takes
        // seconds of its CPU. Bare H2's imports below run warm too: this is the row to hold them against.
        WorldStore.configure().dataDir(dir.resolve("store-again")).open().close();
        resetPeaks();
        double againSeconds;
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store-again")).open()) {
            long t = System.nanoTime();
            ImportResult again = store.folders().importFolders(List.of(world), false).get(0);
            againSeconds = (System.nanoTime() - t) / 1e9;
            if (!again.isImported()) {
                throw new IllegalStateException(again.error());
            }
        }
        long againHeap = peakHeap();
        deleteTree(dir.resolve("store-again"));

        // The export again, from the same store, the JIT now warm: the first export above is the first in its JVM
        // (what a command-line export sees), while bare H2's export below runs after this store's steps have
        // compiled H2's read path. This is the row to hold it against.
        resetPeaks();
        double exportAgainSeconds;
        try (WorldStore store = WorldStore.configure().dataDir(dir.resolve("store")).open()) {
            long t = System.nanoTime();
            store.folders().export(List.of("Bench_World"), dir.resolve("export-again"), Layout.DOCUMENTED);
            exportAgainSeconds = (System.nanoTime() - t) / 1e9;
        }
        long exportAgainHeap = peakHeap();
        deleteTree(dir.resolve("export-again"));

        // H2's floor: the same chat files through plain JDBC, nothing of the store (BareH2Bulk).
        resetPeaks();
        double bareImportSeconds;
        double bareExportSeconds;
        try (BareH2Bulk bare = BareH2Bulk.create(dir.resolve("bare-h2"))) {
            long t4 = System.nanoTime();
            long bareImported = bare.importChats(world.resolve("chats"));
            bareImportSeconds = (System.nanoTime() - t4) / 1e9;
            long t5 = System.nanoTime();
            long bareExported = bare.exportChats(dir.resolve("bare-h2-export"));
            bareExportSeconds = (System.nanoTime() - t5) / 1e9;
            if (bareImported != messages || bareExported != messages) {
                throw new IllegalStateException("bare H2 moved " + bareImported + " and " + bareExported + " messages");
            }
        } catch (java.sql.SQLException e) {
            throw new IOException("bare H2: " + e.getMessage(), e);
        }

        // What H2 would take if the import committed in steps (BareH2Bulk.importChats(chats, commitEvery)).
        double bareStepsSeconds;
        try (BareH2Bulk bare = BareH2Bulk.create(dir.resolve("bare-h2-steps"))) {
            long t6 = System.nanoTime();
            long inSteps = bare.importChats(world.resolve("chats"), BARE_COMMIT_EVERY);
            bareStepsSeconds = (System.nanoTime() - t6) / 1e9;
            if (inSteps != messages) {
                throw new IllegalStateException("bare H2 in steps imported " + inSteps + " messages");
            }
        } catch (java.sql.SQLException e) {
            throw new IOException("bare H2 in steps: " + e.getMessage(), e);
        }

        double parseSeconds = BenchWorlds.jacksonParse(world.resolve("chats"));
        double generateSeconds = BenchWorlds.jacksonGenerate(messages);

        double mb = sourceBytes / 1e6;
        System.out.println();
        System.out.printf("%-34s %12s %14s %10s %12s%n", "step", "seconds", "messages/s", "MB/s", "peak heap MB");
        System.out.printf("%-34s %12.2f %,14.0f %10.1f %12.0f%n", "import (chats in steps)", importSeconds,
                messages / importSeconds, mb / importSeconds, importHeap / 1e6);
        System.out.printf("%-34s %12.2f %,14.0f %10.1f %12.0f%n", "import again (fresh store, JIT warm)", againSeconds,
                messages / againSeconds, mb / againSeconds, againHeap / 1e6);
        System.out.printf("%-34s %12.2f %,14.0f %10.1f %12.0f%n", "export (documented, atomic)", exportSeconds,
                messages / exportSeconds, exported.bytes() / 1e6 / exportSeconds, exportHeap / 1e6);
        System.out.printf("%-34s %12.2f %,14.0f %10.1f %12.0f%n", "export again (JIT warm)", exportAgainSeconds,
                messages / exportAgainSeconds, exported.bytes() / 1e6 / exportAgainSeconds, exportAgainHeap / 1e6);
        System.out.printf("%-34s %12.2f %,14.0f %10.1f %12.0f%n", "archive export (documented, zip)",
                archiveExportSeconds, messages / archiveExportSeconds, zipped.bytes() / 1e6 / archiveExportSeconds,
                archiveExportHeap / 1e6);
        System.out.printf("%-34s %12.2f %,14.0f %10.1f %12.0f%n", "archive import (fresh store)", archiveImportSeconds,
                messages / archiveImportSeconds, zipped.bytes() / 1e6 / archiveImportSeconds, archiveImportHeap / 1e6);
        System.out.printf("%-34s %12.2f %,14.0f %10.1f %12s%n", "bare H2 import (JDBC batches)", bareImportSeconds,
                messages / bareImportSeconds, mb / bareImportSeconds, "-");
        System.out.printf("%-34s %12.2f %,14.0f %10.1f %12s%n", "bare H2 import, commit per " + BARE_COMMIT_EVERY,
                bareStepsSeconds, messages / bareStepsSeconds, mb / bareStepsSeconds, "-");
        System.out.printf("%-34s %12.2f %,14.0f %10.1f %12s%n", "bare H2 export (JSONL, forced)", bareExportSeconds,
                messages / bareExportSeconds, exported.bytes() / 1e6 / bareExportSeconds, "-");
        System.out.printf("%-34s %12.2f %,14.0f %10.1f %12s%n", "raw Jackson parse of the chat bytes", parseSeconds,
                messages / parseSeconds, chatBytes / 1e6 / parseSeconds, "-");
        System.out.printf("%-34s %12.2f %,14.0f %10.1f %12s%n", "raw Jackson generate of as many", generateSeconds,
                messages / generateSeconds, chatBytes / 1e6 / generateSeconds, "-");
        System.out.printf("%nsource %.1f MB (chats %.1f MB), max heap %d MB, store file %.1f MB, archive %.1f MB%n", mb,
                chatBytes / 1e6, Runtime.getRuntime().maxMemory() / (1024 * 1024), size(dir.resolve("store")) / 1e6,
                zipped.bytes() / 1e6);

        // -Dbench.result=FILE: the figures as one JSON object, for the benchmark suite's runner (BenchMain).
        String result = System.getProperty("bench.result");
        if (result != null) {
            try (JsonGenerator g = new JsonFactory().createGenerator(Files.newBufferedWriter(Path.of(result)))) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeNumberField("locations", locations);
                g.writeNumberField("messages", messages);
                g.writeNumberField("sourceBytes", sourceBytes);
                g.writeNumberField("chatBytes", chatBytes);
                g.writeNumberField("maxHeapBytes", Runtime.getRuntime().maxMemory());
                g.writeNumberField("importSeconds", importSeconds);
                g.writeNumberField("importMessagesPerSecond", messages / importSeconds);
                g.writeNumberField("importPeakHeapBytes", importHeap);
                g.writeNumberField("importAgainMessagesPerSecond", messages / againSeconds);
                g.writeNumberField("importAgainPeakHeapBytes", againHeap);
                g.writeNumberField("exportSeconds", exportSeconds);
                g.writeNumberField("exportMessagesPerSecond", messages / exportSeconds);
                g.writeNumberField("exportPeakHeapBytes", exportHeap);
                g.writeNumberField("exportBytes", exported.bytes());
                g.writeNumberField("exportAgainMessagesPerSecond", messages / exportAgainSeconds);
                g.writeNumberField("exportAgainPeakHeapBytes", exportAgainHeap);
                g.writeNumberField("archiveExportMessagesPerSecond", messages / archiveExportSeconds);
                g.writeNumberField("archiveExportPeakHeapBytes", archiveExportHeap);
                g.writeNumberField("archiveImportMessagesPerSecond", messages / archiveImportSeconds);
                g.writeNumberField("archiveImportPeakHeapBytes", archiveImportHeap);
                g.writeNumberField("archiveBytes", zipped.bytes());
                g.writeNumberField("bareH2ImportMessagesPerSecond", messages / bareImportSeconds);
                g.writeNumberField("bareH2ExportMessagesPerSecond", messages / bareExportSeconds);
                g.writeNumberField("bareH2StepsImportMessagesPerSecond", messages / bareStepsSeconds);
                g.writeNumberField("jacksonParseSeconds", parseSeconds);
                g.writeNumberField("jacksonParseMessagesPerSecond", messages / parseSeconds);
                g.writeNumberField("jacksonGenerateSeconds", generateSeconds);
                g.writeNumberField("jacksonGenerateMessagesPerSecond", messages / generateSeconds);
                g.writeNumberField("storeBytes", size(dir.resolve("store")));
                g.writeEndObject();
            }
        }
    }

    /** A world folder in the documented layout, written as a stream: 10 JSONL chats share the messages. */
    static void generate(Path world, int locations, int messages) throws IOException {
        BenchWorlds.generateFolder(world, locations, messages, 10);
    }

    /**
     * The most heap in use, garbage included, sampled every 5 ms by a daemon thread since the last reset: what
     * the work needed at worst, as {@code -Xmx} would have to allow.
     */
    private static final java.util.concurrent.atomic.AtomicLong PEAK = new java.util.concurrent.atomic.AtomicLong();

    static {
        Thread sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (true) {
                PEAK.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static void resetPeaks() {
        System.gc();
        PEAK.set(0);
    }

    static long peakHeap() {
        return PEAK.get();
    }

    /** Deletes a store the benchmark is done with: the disk holds four copies of the world otherwise. */
    static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static long size(Path root) throws IOException {
        return BenchWorlds.size(root);
    }
}
