package io.cardshark.worlds.folder;

import java.nio.file.Path;
import java.util.List;

/**
 * Import and export of world folders (the layout of {@code docs/world-folder-format.md}). Reach it
 * through {@code WorldStore.folders()}. Thread-safe.
 *
 * <p>Import: each world in one transaction, all or nothing; the source is opened read-only and never
 * changed; chats are streamed, a line at a time. CardShark's later forms (world cards, ZIP exports, the
 * rooms-array state) are converted to the store's model on the way in, their files kept byte for byte. Export: each world is written into a temporary sibling,
 * forced to disk, verified and renamed into place, so the target is always the complete old or the
 * complete new folder.
 */
public interface WorldFolders {

    /**
     * Imports world folders, worlds base folders (a folder of world folders), and worlds in the forms CardShark
     * adopted later (format spec §12): a world folder whose {@code world_state.json} holds a {@code rooms} array
     * (shape R), a V2 world card PNG, a ZIP export of format 1 and a {@code .cardshark.zip}. Each report says
     * the form found ({@link ImportResult#form()}, {@link ImportResult#formVersion()}); a version the importer
     * does not know is rejected, naming the version found and those supported. Worlds succeed or fail
     * independently; a rejected world leaves the store as it was and is reported, not thrown.
     *
     * @param paths   world folders, base folders, or files; a folder holding {@code world_state.json},
     *                {@code metadata.json}, a state backup or a world's own sub-folders is a world folder, and
     *                each sub-folder of any other is one (loose files and {@code *.tmp} entries are skipped); a
     *                regular file is a world card ({@code *.png}), a world archive ({@code *.zip}) or a rooms-array
     *                {@code world_state.json}, told apart by name and content
     * @param replace replace a world that already exists (atomically, after a snapshot of it), instead of
     *                refusing it
     * @return one report per world, in the order read
     * @throws io.cardshark.worlds.InvalidInputException when a path is neither a folder nor a regular file (links
     *                                                   are never followed)
     * @throws io.cardshark.worlds.WorldStoreException   with {@link io.cardshark.worlds.ErrorCode#IO_FAILURE}
     *                                                   when a base folder cannot be listed
     */
    default List<ImportResult> importFolders(List<Path> paths, boolean replace) {
        return importFolders(paths, replace, Progress.NONE);
    }

    /**
     * Like {@link #importFolders(List, boolean)}, telling {@code progress} how many bytes each world has read.
     *
     * @param paths    world folders, base folders, or world cards and archives
     * @param replace  replace a world that already exists (atomically, after a snapshot of it), instead of
     *                 refusing it
     * @param progress hears each world's progress, in bytes read
     * @return one report per world, in the order read
     * @throws io.cardshark.worlds.InvalidInputException when a path is neither a folder nor a regular file
     * @throws io.cardshark.worlds.WorldStoreException   with {@link io.cardshark.worlds.ErrorCode#IO_FAILURE}
     *                                                   when a base folder cannot be listed
     */
    List<ImportResult> importFolders(List<Path> paths, boolean replace, Progress progress);

    /**
     * Exports the given worlds into {@code targetDir}, one sub-folder each, named by the world's id. Each
     * world shows one moment of itself: writers carry on meanwhile. Worlds are exported in the order given,
     * and the first failure ends the call: worlds exported before it stay exported.
     *
     * @param worldIds  the worlds to export
     * @param targetDir the folder to export into, created when missing
     * @param layout    how to lay the folders out; {@code null} for {@link Layout#DOCUMENTED}
     * @return one report per world, in the order given
     * @throws io.cardshark.worlds.NotFoundException when a world does not exist
     * @throws FolderFormatException                 when a target folder exists and is not a world folder (it is
     *                                               left unchanged), or two stored paths would share one file on
     *                                               this file system
     * @throws io.cardshark.worlds.WorldStoreException with {@link io.cardshark.worlds.ErrorCode#IO_FAILURE}
     *                                                 when writing fails; a target is never left half written
     */
    default List<ExportResult> export(List<String> worldIds, Path targetDir, Layout layout) {
        return export(worldIds, targetDir, layout, Progress.NONE);
    }

    /**
     * Like {@link #export(List, Path, Layout)}, telling {@code progress} how many chat messages each world has
     * written.
     *
     * @param worldIds  the worlds to export
     * @param targetDir the folder to export into, created when missing
     * @param layout    how to lay the folders out; {@code null} for {@link Layout#DOCUMENTED}
     * @param progress  hears each world's progress, in chat messages written
     * @return one report per world, in the order given
     * @throws io.cardshark.worlds.NotFoundException when a world does not exist
     * @throws FolderFormatException                 when a target folder exists and is not a world folder
     * @throws io.cardshark.worlds.WorldStoreException with {@link io.cardshark.worlds.ErrorCode#IO_FAILURE}
     *                                                 when writing fails
     */
    List<ExportResult> export(List<String> worldIds, Path targetDir, Layout layout, Progress progress);

    /**
     * Exports every world of the store, ordered by id, as {@link #export(List, Path, Layout)} does.
     *
     * @param targetDir the folder to export into, created when missing
     * @param layout    how to lay the folders out; {@code null} for {@link Layout#DOCUMENTED}
     * @return one report per world, ordered by id; empty when the store holds no world
     * @throws FolderFormatException                   when a target folder exists and is not a world folder
     * @throws io.cardshark.worlds.WorldStoreException with {@link io.cardshark.worlds.ErrorCode#IO_FAILURE}
     *                                                 when writing fails
     */
    default List<ExportResult> exportAll(Path targetDir, Layout layout) {
        return exportAll(targetDir, layout, Progress.NONE);
    }

    /**
     * Like {@link #exportAll(Path, Layout)}, telling {@code progress} how many chat messages each world has
     * written.
     *
     * @param targetDir the folder to export into, created when missing
     * @param layout    how to lay the folders out; {@code null} for {@link Layout#DOCUMENTED}
     * @param progress  hears each world's progress, in chat messages written
     * @return one report per world, ordered by id; empty when the store holds no world
     * @throws FolderFormatException                   when a target folder exists and is not a world folder
     * @throws io.cardshark.worlds.WorldStoreException with {@link io.cardshark.worlds.ErrorCode#IO_FAILURE}
     *                                                 when writing fails
     */
    List<ExportResult> exportAll(Path targetDir, Layout layout, Progress progress);

    /**
     * Exports the given worlds into one ZIP archive of the worlds-base-folder layout: {@code {world id}/...} for each
     * world, exactly the files {@link #export(List, Path, Layout)} writes. The bytes are deterministic: entries in
     * code-point order of their paths (each folder before its contents), every time stamp 2000-01-01 00:00, deflate
     * at level 6, no extra fields, so exporting an unchanged store twice gives identical files (with one JDK's
     * zlib). The archive is written under a temporary name in its own folder, owner-only, forced to disk and
     * renamed over {@code archive}, and the folder forced: the archive is the complete old file or the complete new
     * one. Streamed: a world is exported to a scratch folder beside the archive and added a file at a time, so the
     * heap does not grow with the world.
     *
     * @param worldIds the worlds to put in the archive, in this order (their entries are sorted all the same)
     * @param archive  the archive to write; its folder is created when missing, and an existing file is replaced
     * @param layout   how to lay the worlds out; {@code null} for {@link Layout#DOCUMENTED}
     * @param progress hears each world's progress, in chat messages written
     * @return the report
     * @throws io.cardshark.worlds.NotFoundException   when a world does not exist (no archive is written)
     * @throws io.cardshark.worlds.WorldStoreException with {@link io.cardshark.worlds.ErrorCode#IO_FAILURE}
     *                                                 when writing fails; {@code archive} is then unchanged
     */
    ArchiveResult exportArchive(List<String> worldIds, Path archive, Layout layout, Progress progress);

    /**
     * Like {@link #exportArchive(List, Path, Layout, Progress)}, for every world of the store, ordered by id.
     *
     * @param archive  the archive to write
     * @param layout   how to lay the worlds out; {@code null} for {@link Layout#DOCUMENTED}
     * @param progress hears each world's progress, in chat messages written
     * @return the report; an empty store gives an archive without entries
     * @throws io.cardshark.worlds.WorldStoreException with {@link io.cardshark.worlds.ErrorCode#IO_FAILURE}
     *                                                 when writing fails
     */
    ArchiveResult exportAllArchive(Path archive, Layout layout, Progress progress);

    /**
     * Imports the worlds of a world archive ({@link #exportArchive}, or any ZIP of world folders, each at the top),
     * each world in one transaction as {@link #importFolders(List, boolean)} does. The archive is checked whole
     * before any world is imported: its central directory (read twice, both readings agreeing), every entry name
     * (no {@code ..}, absolute path, backslash, drive letter or control character; no two entries naming one file,
     * world folders compared ignoring case and Unicode normalisation as world ids clash), no links or special
     * entries, every {@code limits} bound, then every entry's data, held to its declared size and CRC-32 while it
     * is extracted (streamed) into an owner-only scratch folder of the store. A refused archive leaves the store
     * exactly as it was. Then each world folder is imported from the scratch folder, which is removed at the end.
     *
     * @param archive  the archive to read; only read
     * @param replace  replace a world that already exists (atomically, after a snapshot of it), instead of refusing it
     * @param limits   the bounds the archive must keep; {@link ArchiveLimits#DEFAULT} unless the caller knows better
     * @param progress hears each world's progress, in bytes read
     * @return one report per world, ordered by id; a world rejected by the folder importer is reported, not thrown
     * @throws FolderFormatException                   when the archive is refused: the message names the archive, the
     *                                                 entry and what is wrong with it, and nothing was imported
     * @throws io.cardshark.worlds.WorldStoreException with {@link io.cardshark.worlds.ErrorCode#IO_FAILURE}
     *                                                 when the scratch folder cannot be written
     */
    List<ImportResult> importArchive(Path archive, boolean replace, ArchiveLimits limits, Progress progress);

    /**
     * {@link #importArchive(Path, boolean, ArchiveLimits, Progress)} with {@link ArchiveLimits#DEFAULT} and no
     * progress.
     *
     * @param archive the archive to read
     * @param replace replace worlds that already exist instead of refusing them
     * @return one report per world, ordered by id
     * @throws FolderFormatException when the archive is refused; nothing was imported
     */
    default List<ImportResult> importArchive(Path archive, boolean replace) {
        return importArchive(archive, replace, ArchiveLimits.DEFAULT, Progress.NONE);
    }

}
