/**
 * World folders: importing the folders CardShark writes into the store, and exporting worlds back into
 * folders. The format, with every file kind, shape and rule the importer and exporter follow, is the
 * reference {@code docs/world-folder-format.md} in the project's repository.
 *
 * <p>The front door is {@link io.cardshark.worlds.folder.WorldFolders}, reached through
 * {@link io.cardshark.worlds.WorldStore#folders()}. An import reports each world folder in an
 * {@link io.cardshark.worlds.folder.ImportResult} ({@link io.cardshark.worlds.folder.ImportOutcome},
 * {@link io.cardshark.worlds.folder.ImportCounts}, warnings, the reason for a rejection); an export reports
 * each world in an {@link io.cardshark.worlds.folder.ExportResult}, written in a
 * {@link io.cardshark.worlds.folder.Layout}. A {@link io.cardshark.worlds.folder.Progress} hears how far each
 * world has come.
 *
 * <ul>
 * <li>Import reads every file kind of a world folder and keeps values losslessly (unknown keys, key order,
 *     number tokens as written), one transaction per world: all of a world or none. It also reads the forms
 *     CardShark wrote later ({@link io.cardshark.worlds.folder.WorldForm}): a rooms-array world folder, a V2
 *     world card PNG and both ZIP exports, converting them to the store's model and keeping every original
 *     file of the source byte for byte. A folder the importer
 *     refuses is reported, not thrown, and the other worlds still import; the message names the folder, the
 *     file and the position ({@link io.cardshark.worlds.folder.FolderFormatException} describes the form). A
 *     missing or unusable {@code world_state.json} is recovered from the newest valid backup beside it.</li>
 * <li>Export writes each world into a temporary sibling folder, forces it to disk, re-reads and checks it,
 *     then renames it into place, so the target is always the complete old or the complete new folder. A
 *     file system failure is a {@link io.cardshark.worlds.WorldStoreException} with
 *     {@link io.cardshark.worlds.ErrorCode#IO_FAILURE}.</li>
 * </ul>
 *
 * <p>{@code WorldFolders} is thread-safe and belongs to its store: it holds nothing to close, and its calls
 * fail with {@link io.cardshark.worlds.StoreUnavailableException} once the store is closed (an import then
 * reports each world as rejected). Source folders are only read. The records are immutable; a
 * {@code Progress} is called on the thread that imports or exports.
 */
package io.cardshark.worlds.folder;
