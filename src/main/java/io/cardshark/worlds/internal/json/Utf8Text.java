package io.cardshark.worlds.internal.json;

/** Byte-level facts about UTF-8 text that the reader needs before and around Jackson. */
final class Utf8Text {

    static final int BOM_LENGTH = 3;

    private Utf8Text() {
    }

    static boolean startsWithBom(byte[] b, int off, int len) {
        return len >= BOM_LENGTH && b[off] == (byte) 0xEF && b[off + 1] == (byte) 0xBB && b[off + 2] == (byte) 0xBF;
    }

    /** Whether the byte continues a multi-byte sequence rather than starting a code point. */
    static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** The index of the first surrogate without its partner, or -1 when the string is well-formed UTF-16. */
    static int indexOfUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
