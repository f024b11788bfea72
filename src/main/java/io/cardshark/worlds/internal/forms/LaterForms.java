package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.folder.WorldForm;
import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.WorldIds;
import io.cardshark.worlds.internal.json.JsonArray;
import io.cardshark.worlds.internal.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The entry point for CardShark's later world forms: decides which form a file is in and converts it.
 *
 * <p>Detection, by file name first (CardShark names its exports so) and then by content:
 * <ul>
 *   <li>{@code *.png}: a V2 world card, if its card has {@code data.extensions.world_data};</li>
 *   <li>{@code *.zip}: read with {@link SafeZip}; an entry {@code world_meta.json} makes it ZIP format 1, else an
 *   entry {@code world.png} makes it a {@code .cardshark.zip}; anything else is refused;</li>
 *   <li>{@code *.json}: a world state with a {@code rooms} array ({@link #isRoomsArray}) is form R, its folder's
 *   name the world id. Shapes F, M and H are not later forms: the world folder importer reads them.</li>
 * </ul>
 */
public final class LaterForms {

    /** Where every original file of a source is kept in the converted world. */
    public static final String ORIGINALS = OutputFiles.ORIGINALS;

    /** The largest {@code world_state.json} read. */
    public static final long MAX_STATE_BYTES = 64L << 20;

    private LaterForms() {
    }

    /** A source read far enough to know its form, with what was read, so that converting does not read it twice. */
    private record Source(WorldForm form, byte[] bytes, List<SafeZip.Item> items, JsonObject state) {
    }

    /**
     * Whether a world state is form R: a {@code rooms} array and neither {@code schema_version} (the V2 schema,
     * which also has rooms) nor {@code locations} (the folder shapes), as CardShark's own detection orders them
     * (dcf8b76 {@code detect_schema_version}).
     */
    public static boolean isRoomsArray(JsonObject state) {
        return state.get("rooms") instanceof JsonArray && !state.has("schema_version") && !state.has("locations");
    }

    /** The form of the file at {@code path}; refused, naming the file, when it is none of them or is damaged. */
    public static WorldForm detect(Path path) {
        return inspect(path).form();
    }

    /** Converts a V2 world card PNG, a world ZIP or a form-R {@code world_state.json} (its folder's name is the id). */
    public static ConvertedWorld convert(Path file) {
        Source source = inspect(file);
        return switch (source.form()) {
            case V2_CARD -> V2CardForm.convert(file, source.bytes());
            case ZIP_FORMAT_1 -> ZipFormat1Form.convert(file, source.items());
            case CARDSHARK_ZIP -> CardSharkZipForm.convert(file, source.items());
            case SHAPE_R -> RoomsArrayForm.convert(file, folderName(file), source.state(), source.bytes());
            case WORLD_FOLDER -> throw new IllegalStateException("inspect never detects a world folder");
        };
    }

    private static Source inspect(Path path) {
        Origin origin = Origin.file(path);
        if (!Files.isRegularFile(path)) {
            throw origin.refuse("not a regular file");
        }
        String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            byte[] png = BoundedFiles.read(path, PngChunks.Limits.DEFAULT.maxFileBytes(), origin);
            V2CardForm.worldData(CharacterCard.fromPng(png, origin)); // refuses a card that is not a world card
            return new Source(WorldForm.V2_CARD, png, null, null);
        }
        if (name.endsWith(".zip")) {
            List<SafeZip.Item> items = SafeZip.read(path);
            List<String> names = items.stream().map(SafeZip.Item::name).toList();
            if (names.contains(ZipFormat1Form.META)) {
                return new Source(WorldForm.ZIP_FORMAT_1, null, items, null);
            }
            if (names.contains(CardSharkZipForm.WORLD)) {
                return new Source(WorldForm.CARDSHARK_ZIP, null, items, null);
            }
            throw origin.refuse("neither " + ZipFormat1Form.META + " (ZIP format 1) nor " + CardSharkZipForm.WORLD
                    + " (.cardshark.zip) is in the archive, nor any world folder (a world archive): not a world export");
        }
        if (name.endsWith(".json")) {
            byte[] bytes = BoundedFiles.read(path, MAX_STATE_BYTES, origin);
            if (Node.parse(bytes, origin).value() instanceof JsonObject state && isRoomsArray(state)) {
                return new Source(WorldForm.SHAPE_R, bytes, null, state);
            }
            throw origin.refuse("expected a rooms-array world state (form R); a state of shape F, M or H is read with its"
                    + " world folder: give the folder");
        }
        throw origin.refuse("not a later CardShark world form: expected a .png world card, a .zip world export"
                + " or a rooms-array world_state.json");
    }

    private static String folderName(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || folder.getFileName() == null) {
            throw Origin.file(file).refuse("a form-R world_state.json must be inside its world folder, whose name is the id");
        }
        return folder.getFileName().toString();
    }

    /** The id CardShark gives a world with this display name (format §2), refused when there is none. */
    static String worldId(String displayName, Origin origin) {
        try {
            return WorldIds.fromDisplayName(displayName);
        } catch (InvalidInputException e) {
            throw origin.refuse(e.getMessage());
        }
    }
}
