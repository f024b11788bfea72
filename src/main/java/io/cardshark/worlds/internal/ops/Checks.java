package io.cardshark.worlds.internal.ops;

import io.cardshark.worlds.InvalidInputException;
import io.cardshark.worlds.WorldIds;

/** Validation of what callers pass in; every failure names the world and the field. */
final class Checks {

    /** Longest text a free-text field accepts, in chars: generous, but a bound. */
    static final int MAX_TEXT = 1_000_000;
    /** Longest name-like field (names, titles, ids inside a world). */
    static final int MAX_NAME = 1000;

    private Checks() {
    }

    static String worldId(String worldId) {
        if (worldId == null) {
            throw new InvalidInputException(null, "world id: expected a string, found null");
        }
        return WorldIds.requireValidId(worldId);
    }

    static String required(String worldId, String field, String value, int maxLength) {
        if (value == null) {
            throw new InvalidInputException(worldId, where(worldId) + field + ": expected a string, found null");
        }
        return optional(worldId, field, value, maxLength);
    }

    static String nonEmpty(String worldId, String field, String value, int maxLength) {
        required(worldId, field, value, maxLength);
        if (value.isBlank()) {
            throw new InvalidInputException(worldId, where(worldId) + field + ": expected a non-blank string, found \""
                    + value + "\"");
        }
        return value;
    }

    static String optional(String worldId, String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new InvalidInputException(worldId, where(worldId) + field + ": expected at most " + maxLength
                    + " characters, found " + value.length());
        }
        return value;
    }

    /** An id that may become part of a file name on export (chat ids, event ids, file names). */
    static String safeSegment(String worldId, String field, String value, int maxBytes) {
        nonEmpty(worldId, field, value, MAX_NAME);
        String problem = WorldIds.safeSegmentProblem(value);
        if (problem == null && value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxBytes) {
            problem = "is longer than " + maxBytes + " UTF-8 bytes";
        }
        if (problem != null) {
            throw new InvalidInputException(worldId, where(worldId) + field + " \"" + value + "\" " + problem
                    + "; expected a path-safe name");
        }
        return value;
    }

    /**
     * A relative file path inside a world folder: {@code /}-separated safe segments, none of them a
     * backup or temporary name the folder format reserves.
     */
    static String relativePath(String worldId, String path) {
        required(worldId, "path", path, 4000);
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            throw new InvalidInputException(worldId, where(worldId) + "path \"" + path
                    + "\": expected a relative path like images/backgrounds/hall.png");
        }
        for (String segment : path.split("/", -1)) {
            String problem = WorldIds.safeSegmentProblem(segment);
            if (problem != null) {
                throw new InvalidInputException(worldId, where(worldId) + "path \"" + path + "\": segment \""
                        + segment + "\" " + problem + "; a file must stay inside its world folder");
            }
        }
        return path;
    }

    static void positive(String worldId, String field, int value) {
        if (value <= 0) {
            throw new InvalidInputException(worldId, where(worldId) + field + ": expected a positive number, found " + value);
        }
    }

    static String where(String worldId) {
        return worldId == null ? "" : "world " + worldId + ": ";
    }
}
