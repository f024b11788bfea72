package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.folder.ArchiveLimits;
import io.cardshark.worlds.folder.ArchiveResult;
import io.cardshark.worlds.folder.ExportResult;
import io.cardshark.worlds.folder.FolderFormatException;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Layout;
import io.cardshark.worlds.folder.Progress;
import io.cardshark.worlds.internal.engine.StoreEngine;
import io.cardshark.worlds.internal.forms.Origin;
import io.cardshark.worlds.internal.forms.SafeZip;
import io.cardshark.worlds.internal.fs.FileSync;
import io.cardshark.worlds.internal.fs.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * World archives: one ZIP of the worlds-base-folder layout, {@code {world id}/...} per world. Both directions go
 * through the folder code, so an archive holds exactly what a folder export writes and imports exactly as a
 * folder does: an export writes each world into a scratch folder beside the archive and adds it to the
 * {@link ArchiveWriter}; an import checks the whole archive with {@link SafeZip}, streams its entries into a scratch
 * folder of the store, and imports each world folder from there. The zip side of either direction holds a 64 KiB
 * buffer, whatever the world's size; the folder side holds what it holds for a folder (a chat a line or a message
 * at a time, a file or document whole).
 */
final class WorldArchives {

    private static final Logger log = LoggerFactory.getLogger(WorldArchives.class);
    private static final int BUFFER = 1 << 16;

    private final StoreEngine engine;
    private final WorldExporter exporter;
    private final WorldImporter importer;

    WorldArchives(StoreEngine engine, WorldExporter exporter, WorldImporter importer) {
        this.engine = engine;
        this.exporter = exporter;
        this.importer = importer;
    }

    // ---- export

    ArchiveResult export(List<String> worldIds, Path archive, Layout layout, Progress progress) {
        Path target = archive.toAbsolutePath().normalize();
        try (ArchiveWriter writer = ArchiveWriter.begin(target)) {
            List<ExportResult> worlds = new ArrayList<>();
            for (String id : sortedIds(worldIds)) {
                worlds.add(addWorld(writer, id, target, layout, progress));
            }
            long bytes = writer.commit();
            log.info("archive {}: {} worlds, {} entries, {} bytes", target, worlds.size(), writer.entries(), bytes);
            return new ArchiveResult(target, worlds, writer.entries(), bytes);
        } catch (IOException e) {
            throw IoFailure.of(null, "writing the archive", target, e);
        }
    }

    /** The archive's order is the ids' code-point order, whatever order they were asked in: the bytes must not vary. */
    private static List<String> sortedIds(List<String> worldIds) {
        TreeSet<String> ids = new TreeSet<>(ArchiveWriter.CODE_POINT_ORDER);
        for (String id : worldIds) {
            ids.add(WorldIds.requireValidId(id));
        }
        return List.copyOf(ids);
    }

    /** One world: exported as a folder into a scratch folder beside the archive, added, and the scratch removed. */
    private ExportResult addWorld(ArchiveWriter writer, String id, Path archive, Layout layout, Progress progress)
            throws IOException {
        Path scratch = ArchiveWriter.scratchName(archive, ".world");
        OwnerOnly.createDirectory(scratch);
        try {
            ExportResult folder = exporter.export(id, scratch, layout, progress);
            writer.addTree(folder.target(), id);
            return new ExportResult(id, archive, folder.layout(), folder.files(), folder.bytes(), folder.chats(),
                    folder.messages(), false);
        } finally {
            FileSync.deleteTree(scratch);
        }
    }

    // ---- import

    /**
     * Whether a {@code .zip} holds world folders rather than one of CardShark's own exports (format spec §12): no
     * {@code world_meta.json} or {@code world.png} at its top, and some entry inside a folder. One that cannot be
     * read as a ZIP is taken for a world archive too, whose importer then says why, naming the file.
     */
    static boolean isWorldArchive(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (!name.endsWith(".zip") || name.endsWith(".cardshark.zip")) {
            return false;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            return names.stream().noneMatch(n -> n.equals("world_meta.json") || n.equals("world.png"))
                    && names.stream().anyMatch(n -> n.indexOf('/') >= 0);
        } catch (IOException | RuntimeException notAZip) {
            return true;
        }
    }

    List<ImportResult> importArchive(Path archive, boolean replace, ArchiveLimits limits, Progress progress) {
        Path source = archive.toAbsolutePath().normalize();
        Path scratch = scratchFolder(source);
        try {
            List<String> worlds = extract(source, limits, scratch);
            List<ImportResult> results = new ArrayList<>();
            for (String id : worlds) {
                results.add(asFromArchive(importer.importWorld(scratch.resolve(id), replace, progress), scratch, source));
            }
            return results;
        } finally {
            try {
                FileSync.deleteTree(scratch);
            } catch (IOException e) {
                log.warn("{}: the scratch folder {} could not be removed: {}", source, scratch, e.getMessage());
            }
        }
    }

    /** The ids of the world folders in an archive, after every check that needs no entry data. */
    List<String> worldsIn(Path archive, ArchiveLimits limits) {
        try (SafeZip.Checked zip = SafeZip.open(archive.toAbsolutePath(), bounds(limits), WorldArchives::clashKey)) {
            return worldsOf(zip);
        }
    }

    /** The world folders the entries lie in, in the order they are imported: by id. */
    private static List<String> worldsOf(SafeZip.Checked zip) {
        TreeSet<String> worlds = new TreeSet<>(ArchiveWriter.CODE_POINT_ORDER);
        for (ZipEntry e : zip.entries()) {
            worlds.add(worldOf(e, zip.origin()));
        }
        return List.copyOf(worlds);
    }

    private static SafeZip.Limits bounds(ArchiveLimits limits) {
        return new SafeZip.Limits(limits.maxArchiveBytes(), limits.maxEntries(), limits.maxEntryBytes(),
                limits.maxTotalBytes(), limits.maxRatio(), 1L << 20, limits.maxDepth());
    }

    /** An owner-only folder inside the store's data folder, where the store's own files are protected too. */
    private Path scratchFolder(Path archive) {
        Path dataDir = engine.config().dataDir();
        try {
            OwnerOnly.createDirectories(dataDir);
            Path scratch = ArchiveWriter.scratchName(dataDir.resolve("archive-import"), "");
            return OwnerOnly.createDirectory(scratch);
        } catch (IOException e) {
            throw IoFailure.of(null, "making a scratch folder for the archive " + archive + " in", dataDir, e);
        }
    }

    /**
     * Checks the whole archive, then streams every entry into {@code scratch}; returns the world ids, sorted. Any
     * refusal comes before a world is imported, so a hostile archive changes nothing in the store.
     */
    private static List<String> extract(Path archive, ArchiveLimits limits, Path scratch) {
        try (SafeZip.Checked zip = SafeZip.open(archive, bounds(limits), WorldArchives::clashKey)) {
            List<String> worlds = worldsOf(zip);
            if (worlds.isEmpty()) {
                throw zip.origin().refuse("the archive holds no world folder");
            }
            for (ZipEntry e : zip.entries()) {
                extractEntry(zip, e, scratch);
            }
            return worlds;
        } catch (IOException e) {
            throw IoFailure.of(null, "extracting " + archive + " into", scratch, e);
        }
    }

    /** The world folder an entry belongs to; a file beside the worlds has no world to go to. */
    private static String worldOf(ZipEntry e, Origin origin) {
        String name = e.getName();
        int slash = name.indexOf('/');
        if (slash < 0) {
            throw origin.entry(name).refuse("expected every entry inside a world folder ({world id}/...), found a file"
                    + " at the top of the archive");
        }
        String id = name.substring(0, slash);
        String problem = WorldIds.safeSegmentProblem(id);
        if (problem != null) {
            throw origin.entry(name).refuse("the world folder name \"" + id + "\" " + problem + "; expected a world id");
        }
        return id;
    }

    private static void extractEntry(SafeZip.Checked zip, ZipEntry e, Path scratch) throws IOException {
        Path to = scratch.resolve(e.getName());
        if (e.isDirectory()) {
            Files.createDirectories(to);
            return;
        }
        Files.createDirectories(to.getParent());
        byte[] buffer = new byte[BUFFER];
        // CREATE_NEW: a name the file system folds onto another (case, normalisation) is refused, never overwritten.
        try (InputStream in = zip.stream(e);
             OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                     LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (java.nio.file.FileAlreadyExistsException clash) {
            throw zip.origin().entry(e.getName()).refuse("names the same file as another entry on this file system");
        }
    }

    /**
     * Two entries whose keys are equal would be one file, or one world, once extracted: world folders compare as
     * world ids clash (ignoring case, and Unicode normalisation, under which a person cannot tell two names apart);
     * the paths inside a world compare exactly, as the folder importer keeps them.
     */
    static String clashKey(String name) {
        int slash = name.indexOf('/');
        String world = slash < 0 ? name : name.substring(0, slash);
        String rest = slash < 0 ? "" : name.substring(slash);
        return WorldIds.caseFold(Normalizer.normalize(world, Normalizer.Form.NFC)) + rest;
    }

    /** The report names the archive and the world in it, never the scratch folder that is gone. */
    private static ImportResult asFromArchive(ImportResult r, Path scratch, Path archive) {
        String folder = scratch + java.io.File.separator;
        String named = archive + ", world ";
        java.util.function.UnaryOperator<String> rename = s -> s == null ? null : s.replace(folder, named);
        return new ImportResult(r.worldId(), archive, r.outcome(), r.stateFile(), r.shape(), r.form(), r.formVersion(),
                r.counts(), r.recovery().stream().map(rename).toList(), r.skipped(),
                r.warnings().stream().map(rename).toList(), rename.apply(r.error()));
    }

    /** For callers that must refuse rather than report: the archive-level refusal as the result of the whole file. */
    static ImportResult refused(Path archive, FolderFormatException e) {
        return new ImportResult(String.valueOf(archive.getFileName()), archive, io.cardshark.worlds.folder.ImportOutcome.REJECTED,
                null, null, null, null, io.cardshark.worlds.folder.ImportCounts.NONE, List.of(), List.of(), List.of(),
                e.getMessage());
    }
}
