package io.cardshark.worlds.testing;

import io.cardshark.worlds.internal.fs.FileSync;
import io.cardshark.worlds.Durability;
import io.cardshark.worlds.StoreConfig;
import io.cardshark.worlds.WorldStore;
import io.cardshark.worlds.backup.VerifyLevel;
import io.cardshark.worlds.backup.VerifyReport;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.testing.CrashJournal.Op;
import io.cardshark.worlds.testing.CrashModel.ExportState;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The promises the crash harness ({@code CrashHarnessTest}) checks after each kill, one method each, each
 * judging the reopened store, its export folder and its backup folder against the {@link CrashModel}:
 *
 * <ul>
 *   <li>{@link #reopen}: the store opens;</li>
 *   <li>{@link #verifyPasses}: {@code verify} passes (QUICK, or FULL on a full check);</li>
 *   <li>{@link #everyWorldIsTheModel}: every world is exactly the model, or the model plus the one operation
 *       in flight, whole; an import is all or nothing;</li>
 *   <li>{@link #noHalfWrittenSnapshots}: what interrupted snapshots leave behind is gone once the store has
 *       been opened;</li>
 *   <li>{@link #exportsAreTheLastOrOld}: an export target is the last acknowledged export, complete, or the
 *       complete in-flight one, or the old one kept between the two renames;</li>
 *   <li>{@link #backupsAreKeptAndWhole}: every backup retention keeps is there and whole, what interrupted
 *       backups leave behind is gone, and now and then the newest restores to the model of its time.</li>
 * </ul>
 *
 * <p>A broken promise is a problem in the {@link CrashReport}; the model is then brought to what the store
 * holds, so that later kills are judged on their own. Exports are validated by importing them into a
 * scratch store, which a failure of its own replaces.
 */
public final class CrashChecks implements AutoCloseable {

    static final Pattern LEFTOVER = Pattern.compile("\\.(.+)\\.[0-9a-f]{12}(\\.old)?\\.tmp");
    static final Pattern BACKUP = Pattern.compile("worlds-\\d{8}T\\d{9}Z-[a-z0-9-]+\\.zip");
    /** A backup's own temporary zip, and the JDK zip file system's temporary file while it adds the credentials. */
    static final Pattern BACKUP_TEMP = Pattern.compile("\\.worlds-.*\\.zip\\.tmp|zipfstmp\\d*\\.tmp");

    private final Path dir;
    private final Path data;
    private final Path exports;
    private final long seed;
    private final CrashReport report;
    private final CrashReport.Figures figures;
    private Path scratchDir;
    private WorldStore scratch;
    /** Backup zips already read whole. */
    private final Set<String> zipsChecked = new HashSet<>();
    /** Unknown files in the backup folder, reported once each. */
    private final Set<String> strangers = new HashSet<>();

    /**
     * Checks of the store in {@code data} and the exports in {@code exports}; the scratch store (opened here)
     * and restored backups go into {@code dir}.
     */
    public CrashChecks(Path dir, Path data, Path exports, long seed, CrashReport report) {
        this.dir = dir;
        this.data = data;
        this.exports = exports;
        this.seed = seed;
        this.report = report;
        this.figures = report.figures;
        this.scratchDir = dir.resolve("scratch");
        this.scratch = WorldStore.open(CrashWorkload.config(scratchDir, Durability.PROCESS_CRASH));
    }

    /** The scratch store exports are imported into; the sources' images are taken in it too ({@link CrashSources}). */
    public WorldStore scratch() {
        return scratch;
    }

    /** The store opens after the kill; if not, that is the end of the run. */
    public WorldStore reopen(int kill, Durability durability, Path childLog) {
        try {
            return WorldStore.open(CrashWorkload.config(data, durability));
        } catch (RuntimeException e) {
            figures.corruptOpens++;
            report.problem(kill, "the store did not open: " + e);
            throw new AssertionError("kill " + kill + ": the store did not open (seed " + seed + ")\nchild log tail:\n"
                    + CrashReport.tail(childLog), e);
        }
    }

    /** {@code verify} passes: QUICK after every kill, FULL on a full check. */
    public void verifyPasses(int kill, WorldStore store, boolean full) {
        VerifyReport verify = store.verify(full ? VerifyLevel.FULL : VerifyLevel.QUICK);
        figures.fullVerifies += full ? 1 : 0;
        if (!verify.passed()) {
            figures.corruptOpens++;
            report.problem(kill, "verify " + verify.level() + " failed: " + verify.failures());
        }
    }

    /** Counts the snapshots the store lists, for the summary. */
    public void countSnapshots(WorldStore store) {
        figures.snapshotsListed = store.snapshots().list().size();
    }

    /** Half-written snapshot folders a kill left are gone once the store has been opened. */
    public void noHalfWrittenSnapshots(int kill, Durability durability) throws IOException {
        int halfWritten = snapshotLeftovers(CrashWorkload.config(data, durability).snapshotDir());
        if (halfWritten > 0) {
            figures.snapshotLeftovers += halfWritten;
            report.problem(kill, halfWritten + " half-written snapshot folders survived the open that removes them");
        }
    }

    /**
     * Every world is exactly the model (every acknowledged move, message, event, file, create, delete and
     * import present, nothing else), or the model plus the one operation in flight, whole; an import in
     * flight leaves the world its old self or exactly the source folder's world.
     */
    public void everyWorldIsTheModel(int kill, WorldStore store, CrashModel model, Op inFlight) {
        everyWorldIsTheModel(kill, WorldImage.captureAll(store), model, inFlight);
    }

    /** As {@link #everyWorldIsTheModel(int, WorldStore, CrashModel, Op)}, on the worlds already read from the store. */
    public void everyWorldIsTheModel(int kill, Map<String, WorldImage> actual, CrashModel model, Op inFlight) {
        Set<String> ids = new TreeSet<>(model.worlds().keySet());
        ids.addAll(actual.keySet());
        boolean changesWorld = inFlight != null && !Set.of("export", "backup").contains(inFlight.kind());
        for (String id : ids) {
            WorldImage expected = model.worlds().get(id);
            WorldImage got = actual.get(id);
            boolean touched = changesWorld && id.equals(inFlight.world());
            if (Objects.equals(expected, got)) {
                if (touched) {
                    figures.inFlightNotApplied.merge(inFlight.kind(), 1, Integer::sum);
                }
                continue;
            }
            WorldImage after = touched && (expected != null || Set.of("create", "import").contains(inFlight.kind()))
                    ? model.apply(expected, inFlight) : expected;
            if (touched && Objects.equals(after, got)) {
                figures.inFlightApplied.merge(inFlight.kind(), 1, Integer::sum);
            } else if (touched && inFlight.kind().equals("import")) {
                figures.partialImports++;
                report.problem(kill, "world " + id + ": import killed in the middle left it neither as it was ("
                        + WorldImage.diff(expected, got) + ") nor the source (" + WorldImage.diff(after, got) + ")");
            } else {
                figures.lost += WorldImage.missing(expected, got);
                report.problem(kill, "world " + id + " differs from the acknowledged operations"
                        + (inFlight == null ? "" : " (in flight: " + inFlight.text() + ")") + ": " + WorldImage.diff(expected, got));
            }
            // Carry on from what the store holds, so later kills are judged on their own.
            model.adopt(id, got);
        }
    }

    /**
     * An export target is the last acknowledged export (checked complete by importing it into the scratch
     * store and comparing with the model at the time of the export), or the complete in-flight export, or,
     * between the two renames, absent with the old folder in {@code .{id}.{hex}.old.tmp}; leftovers exist
     * only while an export of that world has been killed and none has completed since.
     */
    public void exportsAreTheLastOrOld(int kill, CrashModel model, Op inFlight) throws IOException {
        Map<String, List<Path>> leftovers = new TreeMap<>();
        Set<String> targets = new TreeSet<>();
        if (Files.isDirectory(exports)) {
            try (Stream<Path> s = Files.list(exports)) {
                for (Path p : s.toList()) {
                    String name = p.getFileName().toString();
                    Matcher m = LEFTOVER.matcher(name);
                    if (m.matches()) {
                        leftovers.computeIfAbsent(m.group(1), x -> new ArrayList<>()).add(p);
                    } else {
                        targets.add(name);
                    }
                }
            }
        }
        Set<String> worlds = new TreeSet<>(model.exported());
        worlds.addAll(targets);
        worlds.addAll(leftovers.keySet());
        for (String w : worlds) {
            ExportState st = model.export(w);
            boolean exporting = inFlight != null && inFlight.kind().equals("export") && w.equals(inFlight.world());
            Path target = exports.resolve(w);
            List<Path> left = leftovers.getOrDefault(w, List.of());
            figures.exportLeftovers += left.size();
            if (!left.isEmpty() && !st.dirty) {
                report.problem(kill, "export leftovers of " + w + " " + left + " remain after an export of it completed");
            }
            if (Files.isDirectory(target)) {
                String digest = CrashWorkload.treeDigest(target);
                if (digest.equals(st.digest)) {
                    if (!st.validated) {
                        validateExport(kill, w, target, st.image, "acknowledged");
                        st.validated = true;
                    }
                } else if (exporting) {
                    // The export in flight finished its rename before the kill: it must be complete.
                    validateExport(kill, w, target, model.worlds().get(w), "unacknowledged");
                    st.digest = digest;
                    st.image = model.worlds().get(w);
                    st.validated = true;
                } else {
                    figures.partialExports++;
                    report.problem(kill, "export target " + w + " changed without an export of it (digest " + digest
                            + ", last acknowledged " + st.digest + ")");
                    st.digest = digest;
                    st.validated = true;
                }
            } else if (st.digest != null) {
                boolean oldKept = false;
                for (Path p : left) {
                    if (p.getFileName().toString().endsWith(".old.tmp") && st.digest.equals(CrashWorkload.treeDigest(p))) {
                        oldKept = true;
                    }
                }
                if (st.dirty && oldKept) {
                    figures.exportsBetweenRenames++;
                } else {
                    figures.partialExports++;
                    report.problem(kill, "export target " + w + " is gone" + (oldKept ? "" : " and no .old.tmp holds the last export")
                            + " (leftovers " + left + ")");
                    st.digest = null;
                }
            }
        }
    }

    /**
     * Snapshot folders a kill left half written: a stamp folder without its world, or a temporary folder in
     * one. Opening the store removes them, so after the check's open there must be none.
     */
    private static int snapshotLeftovers(Path snapshotDir) throws IOException {
        if (!Files.isDirectory(snapshotDir)) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> worlds = Files.list(snapshotDir)) {
            for (Path world : worlds.toList()) {
                try (Stream<Path> stamps = Files.list(world)) {
                    for (Path stamp : stamps.toList()) {
                        if (!Files.isDirectory(stamp.resolve(world.getFileName().toString()))) {
                            n++;
                            continue;
                        }
                        try (Stream<Path> inside = Files.list(stamp)) {
                            n += (int) inside.filter(x -> x.getFileName().toString().endsWith(".tmp")).count();
                        }
                    }
                }
            }
        }
        return n;
    }

    /** Imports the exported folder into the scratch store: it must be the world as it was when exported. */
    private void validateExport(int kill, String w, Path folder, WorldImage expected, String which) throws IOException {
        figures.exportsValidated++;
        ImportResult r = scratch.folders().importFolders(List.of(folder), true).get(0);
        if (!r.isImported()) {
            // Before blaming the export: is it the scratch store (a store that has imported hundreds of worlds
            // in this process) that fails? Keep what it says, then retry once in a fresh scratch store.
            diagnoseScratch(kill, w, r.error());
            r = scratch.folders().importFolders(List.of(folder), true).get(0);
        }
        WorldImage got = r.isImported() ? WorldImage.capture(scratch, r.worldId()) : null;
        if (got == null || !got.equals(expected)) {
            figures.partialExports++;
            report.problem(kill, "the " + which + " export of " + w + " is not the world it exported: "
                    + (got == null ? "import rejected: " + r.error() : WorldImage.diff(expected, got)));
        }
    }

    /**
     * The scratch store refused an import: records the failure with its full cause (a probe write), the H2
     * trace file and a quick verification in {@code target/crash-harness-failures/}, counts it as a problem
     * of its own, and replaces the scratch store with a fresh one.

    /**
     * The scratch store refused an import: records the failure with its full cause (a probe write), the H2
     * trace file and a quick verification in {@code target/crash-harness-failures/}, counts it as a problem
     * of its own, and replaces the scratch store with a fresh one.
     */
    private void diagnoseScratch(int kill, String world, String error) throws IOException {
        figures.scratchFailures++;
        Path keep = CrashReport.FAILURES;
        Files.createDirectories(keep);
        StringWriter details = new StringWriter();
        PrintWriter out = new PrintWriter(details);
        out.println("kill " + kill + ": the scratch store (" + scratchDir + ") refused the import of the export of "
                + world + ": " + error);
        out.println("main thread interrupted: " + Thread.currentThread().isInterrupted() + "; scratch imports so far: "
                + figures.exportsValidated + "; heap used MB: "
                + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1_048_576);
        try {
            scratch.worlds().create("Scratch Probe " + kill);
            out.println("probe create: succeeded");
        } catch (RuntimeException e) {
            out.println("probe create failed:");
            e.printStackTrace(out);
        }
        try {
            out.println("verify QUICK: " + scratch.verify(VerifyLevel.QUICK).failures());
        } catch (RuntimeException e) {
            out.println("verify QUICK failed:");
            e.printStackTrace(out);
        }
        out.flush();
        Path file = keep.resolve("seed-" + seed + "-scratch-kill-" + kill + ".txt");
        Files.writeString(file, details.toString(), StandardCharsets.UTF_8);
        try (Stream<Path> traces = Files.list(scratchDir)) {
            for (Path t : traces.filter(p -> p.getFileName().toString().endsWith(".trace.db")).toList()) {
                Files.copy(t, keep.resolve("seed-" + seed + "-scratch-kill-" + kill + "-" + t.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        report.problem(kill, "the scratch store failed (not the store under test): " + error + " (details in " + file + ")");
        try {
            scratch.close();
        } catch (RuntimeException e) {
            report.log("closing the failed scratch store: %s", e);
        }
        scratchDir = dir.resolve("scratch-" + kill);
        scratch = WorldStore.open(CrashWorkload.config(scratchDir, Durability.PROCESS_CRASH));
    }

    /**
     * Every backup that retention keeps is there and is a whole zip holding {@code worlds.mv.db}, no backup
     * appears that nobody took, and an interrupted backup's temporary files are gone after the open; on a
     * {@code full} check the newest acknowledged backup is restored into a scratch folder and must equal the
     * model at the time it was taken.
     */
    public void backupsAreKeptAndWhole(int kill, CrashModel model, Op inFlight, boolean full) throws IOException {
        TreeMap<String, Map<String, WorldImage>> backups = model.backups();
        Path backupDir = CrashWorkload.config(data, Durability.PROCESS_CRASH).backupDir();
        TreeSet<String> present = new TreeSet<>();
        if (Files.isDirectory(backupDir)) {
            try (Stream<Path> s = Files.list(backupDir)) {
                for (Path p : s.toList()) {
                    String name = p.getFileName().toString();
                    if (BACKUP.matcher(name).matches()) {
                        present.add(name);
                    } else if (BACKUP_TEMP.matcher(name).matches()) {
                        // Left by a kill during a backup; the open before this check must have removed it.
                        figures.backupTempLeftovers++;
                        report.problem(kill, "the temporary file of an interrupted backup survived the open: " + name);
                        Files.delete(p);
                    } else if (strangers.add(name)) {
                        report.problem(kill, "unexpected file in the backup folder: " + name);
                    }
                }
            }
        }
        boolean backingUp = inFlight != null && inFlight.kind().equals("backup");
        Set<String> missing = new TreeSet<>(backups.keySet());
        missing.removeAll(present);
        Set<String> extra = new TreeSet<>(present);
        extra.removeAll(backups.keySet());
        boolean extraOk = extra.isEmpty() || (backingUp && extra.size() == 1
                && (backups.isEmpty() || extra.iterator().next().compareTo(backups.lastKey()) > 0));
        // The backup in flight, once written, prunes the oldest when retention is full.
        boolean missingOk = missing.isEmpty() || (!extra.isEmpty() && extraOk && missing.size() == 1
                && backups.size() >= CrashWorkload.KEEP && missing.iterator().next().equals(backups.firstKey()));
        if (!missing.isEmpty() && !missingOk) {
            figures.lost += missing.size();
            report.problem(kill, "acknowledged backups missing: " + missing + " (present " + present + ")");
        }
        if (!extraOk) {
            report.problem(kill, "backups nobody took: " + extra + " (expected " + backups.keySet() + ")");
        }
        for (String name : present) {
            if (zipsChecked.add(name)) {
                String bad = zipProblem(backupDir.resolve(name));
                if (bad != null) {
                    figures.partialBackups++;
                    report.problem(kill, "backup " + name + " is not whole: " + bad);
                }
            }
        }
        TreeMap<String, Map<String, WorldImage>> now = new TreeMap<>();
        for (String name : present) {
            now.put(name, backups.get(name));
        }
        backups.clear();
        backups.putAll(now);
        if (full) {
            String newest = null;
            for (Map.Entry<String, Map<String, WorldImage>> b : backups.entrySet()) {
                if (b.getValue() != null) {
                    newest = b.getKey();
                }
            }
            if (newest != null) {
                restoreAndCompare(kill, backupDir.resolve(newest), backups.get(newest));
            }
        }
    }

    /** Reads every entry to its end (the zip stream checks each CRC); the database file must be there. */
    private static String zipProblem(Path zip) {
        boolean database = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            byte[] buffer = new byte[64 * 1024];
            ZipEntry e;
            int entries = 0;
            while ((e = in.getNextEntry()) != null) {
                entries++;
                database |= e.getName().equals("worlds.mv.db");
                while (in.read(buffer) > 0) {
                    // read to the end: the CRC is checked there
                }
            }
            if (entries == 0) {
                return "no entries";
            }
        } catch (IOException e) {
            return e.toString();
        }
        return database ? null : "no worlds.mv.db in it";
    }

    /** Restores the backup into a scratch folder through the public restore; it must hold the model of its time. */
    private void restoreAndCompare(int kill, Path zip, Map<String, WorldImage> expected) throws IOException {
        Path root = dir.resolve("restore-" + kill);
        Path backupDir = root.resolve("backups");
        Files.createDirectories(backupDir);
        Files.copy(zip, backupDir.resolve(zip.getFileName()));
        StoreConfig config = WorldStore.configure().dataDir(root.resolve("store")).backupDir(backupDir)
                .snapshotDir(root.resolve("snapshots")).build();
        try {
            WorldStore.restore(config, zip.getFileName().toString());
            try (WorldStore restored = WorldStore.open(config)) {
                VerifyReport v = restored.verify(VerifyLevel.QUICK);
                if (!v.passed()) {
                    figures.partialBackups++;
                    report.problem(kill, "restored backup " + zip.getFileName() + " fails verification: " + v.failures());
                }
                Map<String, WorldImage> got = WorldImage.captureAll(restored);
                if (!got.equals(expected)) {
                    figures.partialBackups++;
                    Set<String> ids = new TreeSet<>(got.keySet());
                    ids.addAll(expected.keySet());
                    StringBuilder d = new StringBuilder();
                    for (String id : ids) {
                        if (!Objects.equals(got.get(id), expected.get(id))) {
                            d.append("; ").append(id).append(": ").append(WorldImage.diff(expected.get(id), got.get(id)));
                        }
                    }
                    report.problem(kill, "restored backup " + zip.getFileName() + " is not the store when it was taken" + d);
                }
            }
            figures.backupsRestored++;
        } catch (RuntimeException e) {
            figures.partialBackups++;
            report.problem(kill, "backup " + zip.getFileName() + " does not restore: " + e);
        } finally {
            FileSync.deleteTree(root);
        }
    }


    @Override
    public void close() {
        scratch.close();
    }
}
