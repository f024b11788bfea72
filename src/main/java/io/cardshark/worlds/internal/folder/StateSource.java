package io.cardshark.worlds.internal.folder;

import io.cardshark.worlds.WorldShape;
import io.cardshark.worlds.folder.FolderFormatException;
import io.cardshark.worlds.internal.forms.ConvertedWorld;
import io.cardshark.worlds.internal.forms.LaterForms;
import io.cardshark.worlds.internal.forms.RoomsArrayForm;
import io.cardshark.worlds.internal.json.Json;
import io.cardshark.worlds.internal.json.JsonNumber;
import io.cardshark.worlds.internal.json.JsonObject;
import io.cardshark.worlds.internal.json.JsonReader;
import io.cardshark.worlds.internal.json.JsonStyle;
import io.cardshark.worlds.internal.json.JsonSyntaxException;
import io.cardshark.worlds.internal.json.JsonWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the document a world's state comes from: {@code world_state.json} when it conforms, else the
 * newest valid {@code world_state.backup.*.json} (format spec §8). Never invents a state. A
 * {@code world_state.json} in CardShark's rooms-array form R is converted instead (format spec §12), and so is
 * the state of a world card or archive ({@link #converted}).
 *
 * @param file        the file chosen, relative to the world folder (for a card or archive: the card, or the entry)
 * @param bytes       its exact bytes; for a converted state, the state as CardShark's writer would write it
 * @param recovery    empty when world_state.json was used; otherwise why it was not, and each backup tried
 * @param converted   the conversion the state comes from, or {@code null} for a state of shape F, M or H
 * @param sourceBytes the bytes read to get the state: the file's, or for a card or archive the whole source's
 */
record StateSource(String file, byte[] bytes, JsonObject state, WorldShape shape, List<String> recovery,
                   ConvertedWorld converted, long sourceBytes) {

    boolean recovered() {
        return !recovery.isEmpty();
    }

    /** A candidate file read and judged. */
    private record Candidate(String file, byte[] bytes, Json value, WorldShape shape, String problem,
                             FileTime modified, Long lastModified) {
        boolean valid() {
            return problem == null;
        }
    }

    static StateSource choose(FolderScan scan) throws IOException {
        Candidate primary = judge(scan.folder(), FolderScan.STATE);
        if (primary.value() instanceof JsonObject state && LaterForms.isRoomsArray(state)) {
            Path file = scan.folder().resolve(FolderScan.STATE);
            return converted(RoomsArrayForm.convert(file, scan.worldId(), state, primary.bytes()), scan.folder(),
                    primary.bytes().length);
        }
        if (primary.valid()) {
            return found(primary, List.of());
        }
        List<Candidate> backups = new ArrayList<>();
        for (String b : scan.stateBackups()) {
            backups.add(judge(scan.folder(), b));
        }
        List<Candidate> valid = new ArrayList<>(backups.stream().filter(Candidate::valid).toList());
        List<String> notes = new ArrayList<>();
        notes.add(FolderScan.STATE + primary.problem());
        if (valid.isEmpty()) {
            StringBuilder m = new StringBuilder(scan.folder() + ": " + FolderScan.STATE + primary.problem());
            if (backups.isEmpty()) {
                m.append("; no backups");
            } else {
                m.append("; no valid backup (").append(backups.size()).append(" tried)");
                for (Candidate c : backups) {
                    m.append(": ").append(c.file()).append(c.problem());
                }
            }
            throw new FolderFormatException(scan.worldId(), scan.folder(), FolderScan.STATE, m.toString());
        }
        valid.sort(newestFirst(valid));
        Candidate chosen = valid.get(0);
        notes.add("recovered from " + chosen.file() + " (" + valid.size() + " valid of " + backups.size() + " backups)");
        for (Candidate c : backups) {
            notes.add("tried " + c.file() + (c.valid() ? ": valid" : c.problem()));
        }
        return found(chosen, notes);
    }

    private static StateSource found(Candidate c, List<String> recovery) {
        return new StateSource(c.file(), c.bytes(), (JsonObject) c.value(), c.shape(), recovery, null, c.bytes().length);
    }

    /**
     * The state a later form was converted to (format spec §12). It is held to the rules of every other state
     * (a converter that made a state the store cannot take is refused here, not half imported) and written
     * as CardShark's own writer would (indent 2, ASCII), the style the store gives a world it made.
     *
     * @param source      the folder, card or archive read, for errors
     * @param sourceBytes how many bytes were read from it
     */
    static StateSource converted(ConvertedWorld world, Path source, long sourceBytes) {
        StateValidator.Verdict verdict = StateValidator.check(world.state());
        if (!verdict.conforms()) {
            throw new FolderFormatException(world.worldId(), source, world.stateFile(), source + ": "
                    + world.stateFile() + ": the state converted from " + world.form().label() + " does not conform "
                    + verdict.problem().describe());
        }
        byte[] bytes = JsonWriter.toBytes(world.state(), JsonStyle.CARDSHARK);
        return new StateSource(world.stateFile(), bytes, world.state(), verdict.shape(), List.of(), world, sourceBytes);
    }

    /**
     * Newest first (format spec §8 step 2). Modification times do not survive git or copies, so the
     * metadata's {@code last_modified} leads when every candidate has one; file names break ties.
     */
    private static Comparator<Candidate> newestFirst(List<Candidate> valid) {
        Comparator<Candidate> byLastModified = Comparator.comparing(Candidate::lastModified,
                Comparator.nullsFirst(Comparator.naturalOrder()));
        Comparator<Candidate> byMtime = Comparator.comparing(Candidate::modified,
                Comparator.nullsFirst(Comparator.naturalOrder()));
        Comparator<Candidate> byName = Comparator.comparing(Candidate::file);
        boolean allHaveLastModified = valid.stream().allMatch(c -> c.lastModified() != null);
        Comparator<Candidate> oldestFirst = allHaveLastModified
                ? byLastModified.thenComparing(byMtime).thenComparing(byName)
                : byMtime.thenComparing(byLastModified).thenComparing(byName);
        return oldestFirst.reversed();
    }

    /** Reads and judges one candidate; the problem text starts with the position, after the file name. */
    private static Candidate judge(Path folder, String file) throws IOException {
        Path p = folder.resolve(file);
        byte[] bytes;
        FileTime modified;
        try {
            bytes = Files.readAllBytes(p);
            modified = Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new Candidate(file, null, null, null, ": expected a world state file, found it missing", null, null);
        } catch (IOException e) {
            String found = Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? "a directory"
                    : "a file that cannot be read (" + e.getMessage() + ")";
            return new Candidate(file, null, null, null, ": expected a world state file, found " + found, null, null);
        }
        Json value;
        try {
            value = JsonReader.read(bytes).value();
        } catch (JsonSyntaxException e) {
            return new Candidate(file, bytes, null, null, " " + e.getMessage(), modified, null);
        }
        StateValidator.Verdict verdict = StateValidator.check(value);
        if (!verdict.conforms()) {
            return new Candidate(file, bytes, value, null, " " + verdict.problem().describe(), modified, null);
        }
        Long lastModified = null;
        if (((JsonObject) value).get("metadata") instanceof JsonObject meta && meta.get("last_modified") instanceof JsonNumber n) {
            try {
                lastModified = n.isInteger() ? n.longValueExact() : (long) n.doubleValue();
            } catch (ArithmeticException tooLarge) {
                lastModified = Long.MAX_VALUE;
            }
        }
        return new Candidate(file, bytes, value, verdict.shape(), null, modified, lastModified);
    }
}
