package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.internal.rows.ImportRows;
import io.cardshark.worlds.internal.rows.WorldKeys;
import io.cardshark.worlds.internal.rows.WorldRows;
import io.cardshark.worlds.internal.rows.MetadataRows;
import io.cardshark.worlds.internal.rows.FileRows;
import io.cardshark.worlds.internal.rows.EventRows;
import io.cardshark.worlds.internal.db.tables.records.WorldEventRecord;
import io.cardshark.worlds.internal.doc.FolderPaths;
import io.cardshark.worlds.internal.doc.ObjectLayout;
import io.cardshark.worlds.AlreadyExistsException;
import io.cardshark.worlds.WorldStoreException;
import io.cardshark.worlds.folder.FolderFormatException;
import io.cardshark.worlds.folder.ImportCounts;
import io.cardshark.worlds.folder.ImportOutcome;
import io.cardshark.worlds.folder.ImportResult;
import io.cardshark.worlds.folder.Progress;
import io.cardshark.worlds.folder.WorldForm;
import io.cardshark.worlds.internal.forms.ConvertedWorld;
import io.cardshark.worlds.internal.forms.LaterForms;
import io.cardshark.worlds.internal.doc.StoredJson;
import io.cardshark.worlds.internal.ops.BeforeDestroy;
import io.cardshark.worlds.internal.engine.StoreEngine;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonString;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonWriter;
import io.cardshark.worlds.internal.json.JsonSyntaxException;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static io.cardshark.worlds.internal.db.Tables.LOCATION;
import static io.cardshark.worlds.internal.db.Tables.WORLD;
import static io.cardshark.worlds.internal.db.Tables.WORLD_BACKUP;
import static io.cardshark.worlds.internal.db.Tables.WORLD_DIRECTORY;
import static io.cardshark.worlds.internal.db.Tables.WORLD_EVENT;
import static io.cardshark.worlds.internal.db.Tables.WORLD_FILE;
import static io.cardshark.worlds.internal.db.Tables.WORLD_METADATA;

/**
 * Imports one world atomically: every row of the world, or none (format spec §10.2). The chats come first, under a
 * world key of their own with no world row yet, so that no read finds them; on H2 they are committed in steps
 * ({@link ImportSteps}). The last step writes the world's row, its state and the rest, and the world appears whole.
 * After a failure the import deletes what its steps committed; after a crash, the next open does
 * ({@link ImportRows}). A world folder's state may be in shape F, M or H, or in CardShark's later form R; a world
 * card or archive is converted first (format spec §12) and then written the same way. The source is only read.
 */
final class WorldImporter {

    private static final Logger log = LoggerFactory.getLogger(WorldImporter.class);

    private final StoreEngine engine;

    private final BeforeDestroy beforeReplace;

    WorldImporter(StoreEngine engine, BeforeDestroy beforeReplace) {
        this.engine = engine;
        this.beforeReplace = beforeReplace;
    }

    ImportResult importWorld(Path folder, boolean replace, Progress progress) {
        String worldId = folder.getFileName() == null ? "" : folder.getFileName().toString();
        List<String> skipped = List.of();
        try {
            if (Files.isSymbolicLink(folder)) {
                throw new FolderFormatException(worldId, folder, null, folder
                        + ": expected a world folder, found a symbolic link (links are never followed)");
            }
            FolderScan scan = FolderScan.of(folder);
            skipped = scan.skipped();
            StateSource state = StateSource.choose(scan);
            return commit(scan, state, replace, new ProgressMeter(progress, scan.worldId(), scan.totalBytes()));
        } catch (WorldStoreException e) {
            return rejected(worldId, folder, skipped, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return rejected(worldId, folder, skipped, unreadable(folder, e));
        }
    }

    /**
     * Imports a world card PNG, a world ZIP or a rooms-array {@code world_state.json} given as a file (format spec
     * §12): converted first, outside the transaction, then written as a world folder's world is. The world's id
     * comes from its name, so a rejection before the name is read reports the file's name instead.
     */
    ImportResult importFile(Path file, boolean replace, Progress progress) {
        String name = String.valueOf(file.getFileName());
        try {
            ConvertedWorld world = LaterForms.convert(file);
            long size = Files.size(file);
            StateSource state = StateSource.converted(world, file, size);
            FolderScan scan = FolderScan.nothingBeside(file, world.worldId());
            return commit(scan, state, replace, new ProgressMeter(progress, world.worldId(), size));
        } catch (WorldStoreException e) {
            return rejected(e.worldId() != null ? e.worldId() : name, file, List.of(), e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return rejected(name, file, List.of(), unreadable(file, e));
        }
    }

    /** Writes the world and reports it; a failure leaves no row of it. */
    private ImportResult commit(FolderScan scan, StateSource state, boolean replace, ProgressMeter meter) {
        AtomicReference<ImportSteps> started = new AtomicReference<>();
        Work work;
        try {
            work = engine.transaction(scan.worldId(), tx -> tx.write(scan.worldId(), dsl -> {
                refuseClash(dsl, scan, replace);
                started.set(new ImportSteps(tx, ImportRows.begin(dsl, scan.worldId())));
                try {
                    return write(dsl, scan, state, replace, meter, started.get());
                } catch (IOException e) {
                    // Rolls the world back; reported as a rejection naming the folder and the file.
                    throw IoFailure.of(scan.worldId(), "reading", scan.folder(), e);
                }
            }));
        } catch (RuntimeException e) {
            discard(scan.worldId(), started.get(), e);
            throw e;
        }
        meter.finish();
        ImportOutcome outcome = state.recovered() ? ImportOutcome.RECOVERED : ImportOutcome.IMPORTED;
        if (state.recovered()) {
            log.warn("world {}: {} unusable, state recovered from {}", scan.worldId(), FolderScan.STATE, state.file());
        }
        ConvertedWorld converted = state.converted();
        WorldForm form = converted == null ? WorldForm.WORLD_FOLDER : converted.form();
        log.info("world {}: imported from {} ({}, {} locations, {} chats, {} messages, {} files)", scan.worldId(),
                scan.folder(), form.label(), work.counts().locations(), work.counts().chats(), work.counts().messages(),
                work.counts().files());
        return new ImportResult(scan.worldId(), scan.folder(), outcome, state.file(), state.shape(), form,
                converted == null ? null : converted.formVersion(), work.counts(), state.recovery(), scan.skipped(),
                work.warnings(), null);
    }

    /**
     * Deletes what the committed steps of a failed import left under its key (the rollback took the step under
     * way). When that fails too (a full disk), the rows stay out of sight until the store's next open deletes them.
     */
    private void discard(String worldId, ImportSteps steps, RuntimeException failure) {
        if (steps == null || !steps.committed()) {
            return;
        }
        try {
            engine.transaction(worldId, tx -> tx.write(worldId, dsl -> {
                ImportRows.discard(dsl, steps.worldKey());
                return null;
            }));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            log.warn("world {}: the rows of the failed import (world key {}) stay until the store is next opened: {}",
                    worldId, steps.worldKey(), e.getMessage());
        }
    }

    private static String unreadable(Path source, Exception e) {
        return source + ": cannot be read (" + (e instanceof IOException io ? IoFailure.describe(io) : e.getMessage()) + ")";
    }

    private static ImportResult rejected(String worldId, Path source, List<String> skipped, String message) {
        log.warn("world {}: rejected: {}", worldId, message);
        return new ImportResult(worldId, source, ImportOutcome.REJECTED, null, null, null, null, ImportCounts.NONE,
                List.of(), skipped, List.of(), message);
    }

    private record Work(ImportCounts counts, List<String> warnings) {
    }

    /** metadata.json as read: an object, or bytes kept as a file because they are no JSON object (§4). */
    private record MetadataFile(JsonObject object, byte[] bytes) {
    }

    private Work write(DSLContext dsl, FolderScan scan, StateSource state, boolean replace, ProgressMeter meter,
                       ImportSteps steps) throws IOException {
        String id = scan.worldId();
        long worldKey = steps.worldKey();
        ConvertedWorld converted = state.converted();
        List<String> warnings = new ArrayList<>(converted == null ? List.of() : converted.warnings());
        OriginalBytes originals = new OriginalBytes(dsl, worldKey);
        long bytes = state.sourceBytes();
        meter.add(bytes);
        MetadataFile metadataFile = scan.hasMetadata() ? readMetadataFile(scan, warnings) : null;
        bytes += metadataFile == null ? 0 : metadataFile.bytes().length;
        String stateStyle = originals.styleOf(FolderScan.STATE, state.bytes(), state.state(), false);

        ChatImporter chats = new ChatImporter(dsl, scan, worldKey, steps, originals, meter);
        try (chats) {
            for (String chat : scan.chats()) {
                chats.importChat(chat);
            }
            chats.finish();
        }
        bytes += chats.bytes();

        // The last step: the world's row makes the chats part of a world.
        replaceOrRefuse(dsl, scan, replace);
        String displayName = displayName(state.state(), metadataFile == null ? null : metadataFile.object(), id);
        StateRows rows = new StateRows(dsl, id);
        rows.insert(worldKey, state.state(), state.shape(), stateStyle, displayName);
        warnings.addAll(rows.warnings);
        writeMetadata(dsl, id, metadataFile, converted, originals);
        Set<String> locationIds = new HashSet<>(dsl.select(LOCATION.LOCATION_ID).from(LOCATION)
                .where(LOCATION.WORLD_KEY.eq(worldKey)).fetch(LOCATION.LOCATION_ID));
        warnings.addAll(chats.locationWarnings(locationIds));
        for (String event : scan.events()) {
            long size = importEvent(dsl, scan, event, originals);
            bytes += size;
            meter.add(size);
        }
        bytes += importFiles(dsl, scan, meter);
        int convertedFiles = converted == null ? 0 : ConvertedFiles.keep(dsl, scan, converted);
        ImportRows.finish(dsl, worldKey);
        boolean metadataAsFile = metadataFile != null && metadataFile.object() == null;
        ImportCounts counts = new ImportCounts(rows.locations, rows.unconnected, chats.chats, chats.messages,
                scan.events().size(), scan.files().size() + convertedFiles + (metadataAsFile ? 1 : 0),
                scan.backups().size(), bytes);
        return new Work(counts, warnings);
    }

    /** Replaces the world of the same id (after a snapshot of it), or refuses a clash ({@link #refuseClash}). */
    private void replaceOrRefuse(DSLContext dsl, FolderScan scan, boolean replace) {
        if (refuseClash(dsl, scan, replace)) {
            beforeReplace.run(dsl, scan.worldId(), "replace");
            WorldRows.delete(dsl, scan.worldId());
            log.info("world {}: replacing the stored world", scan.worldId());
        }
    }

    /**
     * Refuses a world whose id is taken, unless asked to replace that very world; returns whether there is one to
     * replace. Asked first before any chat is written, and again in the last step, when the answer counts.
     */
    private static boolean refuseClash(DSLContext dsl, FolderScan scan, boolean replace) {
        String id = scan.worldId();
        Optional<String> clash = WorldRows.clashingId(dsl, id);
        if (clash.isPresent() && (!replace || !clash.get().equals(id))) {
            throw new AlreadyExistsException(id, scan.folder() + ": world " + id + " clashes with existing world "
                    + clash.get() + (replace ? " (only that exact id can be replaced)" : "; import it with replace to replace it"));
        }
        return clash.isPresent();
    }

    /** metadata.json: a JSON object is a document; anything else is kept as an opaque file (§4), with a warning. */
    private static MetadataFile readMetadataFile(FolderScan scan, List<String> warnings) throws IOException {
        byte[] bytes = Files.readAllBytes(scan.folder().resolve(FolderScan.METADATA));
        try {
            Json parsed = JsonReader.read(bytes).value();
            if (parsed instanceof JsonObject o) {
                return new MetadataFile(o, bytes);
            }
            warnings.add(FolderScan.METADATA + ": expected an object, found " + parsed.describe() + "; kept as a file");
        } catch (JsonSyntaxException e) {
            warnings.add(FolderScan.METADATA + " " + e.getMessage() + "; kept as a file");
        }
        return new MetadataFile(null, bytes);
    }

    /**
     * The folder's metadata.json, or, for a world converted from a later form without one, the source's own
     * descriptive metadata as a metadata.json document (format spec §12), written as CardShark's writer would.
     */
    private static void writeMetadata(DSLContext dsl, String id, MetadataFile file, ConvertedWorld converted,
                                      OriginalBytes originals) {
        if (file != null && file.object() != null) {
            String style = originals.styleOf(FolderScan.METADATA, file.bytes(), file.object(), false);
            MetadataRows.put(dsl, id, MetadataRows.FILE, StoredJson.compact(file.object()), style);
        } else if (file != null) {
            FileRows.put(dsl, id, FolderScan.METADATA, file.bytes());
        } else if (converted != null) {
            JsonObject metadata = converted.metadata();
            byte[] bytes = JsonWriter.toBytes(metadata, JsonStyle.CARDSHARK);
            String style = originals.styleOf(FolderScan.METADATA, bytes, metadata, false);
            MetadataRows.put(dsl, id, MetadataRows.FILE, StoredJson.compact(metadata), style);
        }
    }

    /** The folder's opaque files, backups and empty directories, byte for byte; returns the bytes read. */
    private static long importFiles(DSLContext dsl, FolderScan scan, ProgressMeter meter) throws IOException {
        long bytes = 0;
        for (String file : scan.files()) {
            byte[] content = Files.readAllBytes(scan.folder().resolve(file));
            FileRows.put(dsl, scan.worldId(), file, content);
            bytes += content.length;
            meter.add(content.length);
        }
        for (String backup : scan.backups()) {
            byte[] content = Files.readAllBytes(scan.folder().resolve(backup));
            FileRows.putBackup(dsl, scan.worldId(), backup, content);
            bytes += content.length;
            meter.add(content.length);
        }
        for (String dir : scan.emptyDirectories()) {
            FileRows.putDirectory(dsl, scan.worldId(), dir);
        }
        return bytes;
    }

    /** Display name, first non-empty string wins (format spec §2). */
    private static String displayName(JsonObject state, JsonObject metadataFile, String id) {
        if (state.get("metadata") instanceof JsonObject meta && meta.get("name") instanceof JsonString s && !s.value().isEmpty()) {
            return s.value();
        }
        if (metadataFile != null && metadataFile.get("name") instanceof JsonString s && !s.value().isEmpty()) {
            return s.value();
        }
        if (state.get("name") instanceof JsonString s && !s.value().isEmpty()) {
            return s.value();
        }
        return id;
    }

    private static long importEvent(DSLContext dsl, FolderScan scan, String rel, OriginalBytes originals) throws IOException {
        byte[] content = Files.readAllBytes(scan.folder().resolve(rel));
        Json value;
        try {
            value = JsonReader.read(content).value();
        } catch (JsonSyntaxException e) {
            throw new FolderFormatException(scan.worldId(), scan.folder(), rel, scan.folder() + ": " + rel + " " + e.getMessage());
        }
        if (!(value instanceof JsonObject record)) {
            throw new FolderFormatException(scan.worldId(), scan.folder(), rel, scan.folder() + ": " + rel
                    + " at the top: expected an event object, found " + value.describe());
        }
        String name = rel.substring("events/".length());
        String eventId = name.substring(0, name.length() - ".json".length());
        int idBytes = eventId.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (idBytes == 0 || idBytes > 250) {
            throw new FolderFormatException(scan.worldId(), scan.folder(), rel, scan.folder() + ": " + rel
                    + ": expected an event id of 1 to 250 UTF-8 bytes, found " + idBytes);
        }
        String style = originals.styleOf(rel, content, value, false);
        WorldEventRecord row = new WorldEventRecord();
        row.setWorldKey(WorldKeys.of(dsl, scan.worldId()));
        row.setEventId(eventId);
        row.setDefinitionId(ObjectLayout.text(record.get("definition_id")));
        row.setLocationId(ObjectLayout.text(record.get("location_id")));
        row.setTriggerName(ObjectLayout.text(record.get("trigger")));
        row.setOccurredAt(ObjectLayout.integer(record.get("timestamp")));
        row.setDocument(StoredJson.compact(record));
        row.setStyle(style);
        EventRows.insert(dsl, row);
        return content.length;
    }

    /** Whether a folder is itself a world folder rather than a folder of worlds. */
    static boolean isWorldFolder(Path folder) throws IOException {
        if (Files.exists(folder.resolve(FolderScan.STATE), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                || Files.exists(folder.resolve(FolderScan.METADATA), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        // A world folder that lost its state still has a world's own sub-folders: import it as the world it
        // is, so the person hears that its world_state.json is missing, not that "chats" is no world.
        for (String own : WORLD_SUBFOLDERS) {
            if (Files.isDirectory(folder.resolve(own), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        try (var children = Files.list(folder)) {
            return children.anyMatch(p -> p.getFileName().toString().startsWith("world_state.")
                    && FolderPaths.isBackupName(p.getFileName().toString()));
        }
    }

    private static final List<String> WORLD_SUBFOLDERS = List.of("chats", "events", "images");
}
