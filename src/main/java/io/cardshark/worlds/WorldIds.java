package io.cardshark.worlds;

import java.nio.charset.StandardCharsets;

/**
 * World ids and path-safe names, exactly as the format spec (§2) defines them.
 *
 * <p>A world created from a display name gets the id CardShark computes,
 * {@code re.sub(r'[^\w\-]+', '_', name)} with Python's Unicode {@code \w}. Java's {@code \w} differs
 * (ASCII only, or with {@code UNICODE_CHARACTER_CLASS} it admits marks and joiners), so the rule is
 * spelled out over code points here.
 */
public final class WorldIds {

    /** The longest id or path segment, in UTF-8 bytes: most file systems' limit for one name. */
    public static final int MAX_SEGMENT_BYTES = 255;

    private WorldIds() {
    }

    /**
     * The id CardShark gives a world with this display name: each maximal run of code points that are
     * neither letters, digits, {@code _} nor {@code -} becomes one {@code _}.
     *
     * @param displayName the name people see, such as {@code Tiny World}
     * @return the id, such as {@code Tiny_World}
     * @throws InvalidInputException when the name is {@code null} or empty, or the id exceeds 255 UTF-8 bytes
     */
    public static String fromDisplayName(String displayName) {
        if (displayName == null || displayName.isEmpty()) {
            throw new InvalidInputException(null, "display name: expected a non-empty string");
        }
        StringBuilder id = new StringBuilder(displayName.length());
        boolean inRun = false;
        for (int i = 0; i < displayName.length(); ) {
            int cp = displayName.codePointAt(i);
            i += Character.charCount(cp);
            if (isWordCodePoint(cp)) {
                id.appendCodePoint(cp);
                inRun = false;
            } else if (!inRun) {
                id.append('_');
                inRun = true;
            }
        }
        String result = id.toString();
        if (utf8Length(result) > MAX_SEGMENT_BYTES) {
            throw new InvalidInputException(null, "display name \"" + displayName + "\": the id would exceed "
                    + MAX_SEGMENT_BYTES + " UTF-8 bytes");
        }
        return result;
    }

    /** Python's Unicode {@code \w} plus {@code -}: letters, decimal digits, letter and other numbers, {@code _}. */
    private static boolean isWordCodePoint(int cp) {
        if (cp == '_' || cp == '-') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /**
     * Whether a string can be one file or folder name: non-empty, not {@code .} or {@code ..}, no
     * {@code /}, {@code \}, control character (U+0000–U+001F, U+007F–U+009F) or unpaired surrogate, at most
     * 255 UTF-8 bytes.
     *
     * @param s the candidate name; may be {@code null}
     * @return {@code true} when it is a safe name; {@code false} for {@code null}
     */
    public static boolean isSafeSegment(String s) {
        return safeSegmentProblem(s) == null;
    }

    /**
     * Why a string is not a safe segment ({@link #isSafeSegment}), for messages.
     *
     * @param s the candidate name; may be {@code null}
     * @return the reason, a phrase such as {@code contains '/'}, or {@code null} when it is a safe segment
     */
    public static String safeSegmentProblem(String s) {
        if (s == null || s.isEmpty()) {
            return "is empty";
        }
        if (s.equals(".") || s.equals("..")) {
            return "is \"" + s + "\"";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '\\') {
                return "contains '" + c + "'";
            }
            if (c <= 0x1F || (c >= 0x7F && c <= 0x9F)) {
                return String.format("contains the control character U+%04X", (int) c);
            }
            // A file name is encoded to bytes; an unpaired surrogate has no encoding.
            if (Character.isHighSurrogate(c) ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(++i))
                    : Character.isLowSurrogate(c)) {
                return String.format("contains the unpaired surrogate U+%04X", (int) c);
            }
        }
        if (utf8Length(s) > MAX_SEGMENT_BYTES) {
            return "is longer than " + MAX_SEGMENT_BYTES + " UTF-8 bytes";
        }
        return null;
    }

    /**
     * Checks an id taken from a folder name or given by a caller: it must be a safe segment.
     *
     * @param worldId the id to check
     * @return {@code worldId}, unchanged
     * @throws InvalidInputException naming the id and why it is refused
     */
    public static String requireValidId(String worldId) {
        String problem = safeSegmentProblem(worldId);
        if (problem != null) {
            throw new InvalidInputException(worldId, "world id \"" + worldId + "\" " + problem
                    + "; expected a path-safe folder name");
        }
        return worldId;
    }

    /**
     * The form under which two ids clash: {@code String.equalsIgnoreCase} folding, char by char, as
     * Windows (where CardShark runs) treats {@code Tiny} and {@code tiny} as one folder.
     *
     * @param worldId the id to fold
     * @return the folded form; two ids clash when their folded forms are equal
     */
    public static String caseFold(String worldId) {
        char[] chars = worldId.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
        }
        return new String(chars);
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
