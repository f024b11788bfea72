package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.folder.WorldForm;
import io.cardshark.worlds.internal.json.JsonObject;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A world converted from one of CardShark's later forms, ready for the store: the state, the files, and what
 * the conversion could not make consistent.
 *
 * @param worldId     the id CardShark would give the world's folder
 * @param form        the form the source is in
 * @param formVersion the version the source declares (schema_version "2", format_version "1"; see each form)
 * @param stateFile   where the world's state was read: the file ({@code world_state.json}, the card PNG's name)
 *                    or the archive entry ({@code world_state.json}, {@code world.png})
 * @param state       a shape-H {@code world_state.json} object: top-level {@code name} = the id,
 *                    {@code metadata.name} = the display name
 * @param metadata    the source's own descriptive metadata object, verbatim (see each form), for a
 *                    {@code metadata.json} (format §4); the state's {@code metadata} holds what the store reads
 * @param files       every image and every original file of the source, byte for byte; originals under
 *                    {@value LaterForms#ORIGINALS}
 * @param warnings    each gap found in the source (a reference to something absent), naming the room and the
 *                    reference; never fatal
 */
public record ConvertedWorld(String worldId, WorldForm form, String formVersion, String stateFile, JsonObject state,
                             JsonObject metadata, List<ConvertedFile> files, List<String> warnings) {

    public ConvertedWorld {
        Objects.requireNonNull(worldId, "worldId");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(formVersion, "formVersion");
        Objects.requireNonNull(stateFile, "stateFile");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(metadata, "metadata");
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    /** The file at {@code path}, if any. */
    public Optional<ConvertedFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }
}
