package io.cardshark.worlds.internal.forms;

import io.cardshark.worlds.WorldIds;

import java.nio.charset.StandardCharsets;

/**
 * The rule an archive entry name must meet before any part of it is used as a path ("zip slip"): a relative,
 * {@code /}-separated path of non-empty segments, none of them {@code .} or {@code ..}, with no backslash, no
 * drive letter, no control character, each segment at most 255 UTF-8 bytes. A directory entry ends in one
 * {@code /}.
 */
final class ZipEntryNames {

    private ZipEntryNames() {
    }

    /** Why {@code name} is refused, or {@code null} when it is acceptable. */
    static String problem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x1F || (c >= 0x7F && c <= 0x9F)) {
                return String.format("contains the control character U+%04X", (int) c);
            }
            if (c == '\\') {
                return "contains a backslash";
            }
        }
        if (name.startsWith("/")) {
            return "is an absolute path";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && isAsciiLetter(name.charAt(0))) {
            return "starts with a drive letter";
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            String p = segmentProblem(segment);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String segmentProblem(String segment) {
        if (segment.isEmpty()) {
            return "has an empty path segment";
        }
        if (segment.equals("..")) {
            return "has a \"..\" segment";
        }
        if (segment.equals(".")) {
            return "has a \".\" segment";
        }
        if (segment.getBytes(StandardCharsets.UTF_8).length > WorldIds.MAX_SEGMENT_BYTES) {
            return "has a segment longer than " + WorldIds.MAX_SEGMENT_BYTES + " UTF-8 bytes";
        }
        return null;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** How many path segments the name has ({@code a/b/} and {@code a/b} both 2). */
    static int depth(String name) {
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return (int) path.chars().filter(c -> c == '/').count() + 1;
    }

    /** What sets two clashing names apart, for the refusal: {@code case} or {@code Unicode normalisation}. */
    static String difference(String a, String b) {
        return folded(a).equals(folded(b)) ? "case" : "Unicode normalisation";
    }

    static boolean isDirectory(String name) {
        return name.endsWith("/");
    }

    /**
     * The name folded as Windows compares names ({@code Tiny} and {@code tiny} are one file there, where CardShark
     * runs); a directory keeps its trailing {@code /}, so that a directory and a file of one name are told apart
     * and reported as a clash rather than as duplicates.
     */
    static String folded(String name) {
        return WorldIds.caseFold(name);
    }
}
