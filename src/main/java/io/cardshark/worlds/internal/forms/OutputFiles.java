package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.WorldIds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the files of a converted world, refusing a path the store could not write safely: every segment
 * must be a safe segment (non-empty, not {@code .}/{@code ..}, no {@code /}, {@code \} or control character,
 * at most 255 UTF-8 bytes; format §2), and no two paths may be equal ignoring case.
 *
 * <p>Originals go under {@value #ORIGINALS}, never at the paths the store's own export reserves
 * ({@code world_state.json}, {@code metadata.json}, {@code chats/}, {@code events/}).
 */
final class OutputFiles {

    static final String ORIGINALS = "cardshark-original/";

    private final Origin origin;
    private final Map<String, ConvertedFile> files = new LinkedHashMap<>();

    OutputFiles(Origin origin) {
        this.origin = origin;
    }

    /** Keeps a source file byte for byte under {@value #ORIGINALS}{@code relative}. */
    void original(String relative, byte[] bytes) {
        add(ORIGINALS + relative, bytes);
    }

    void add(String path, byte[] bytes) {
        for (String segment : path.split("/", -1)) {
            String problem = WorldIds.safeSegmentProblem(segment);
            if (problem != null) {
                throw origin.refuse("the file \"" + printable(path) + "\" cannot be kept: its path segment \""
                        + printable(segment) + "\" " + problem);
            }
        }
        if (files.putIfAbsent(WorldIds.caseFold(path), new ConvertedFile(path, bytes)) != null) {
            throw origin.refuse("two files would be kept at \"" + path + "\" (paths are compared ignoring case)");
        }
    }

    boolean has(String path) {
        return files.containsKey(WorldIds.caseFold(path));
    }

    List<ConvertedFile> list() {
        return new ArrayList<>(files.values());
    }

    /** Control characters as {@code \\uXXXX}, so that a message stays one readable line. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 0x20 || (c >= 0x7F && c <= 0x9F) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }
}
