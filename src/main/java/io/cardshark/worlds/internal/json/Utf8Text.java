package io.cardshark.worlds.internal.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The reader's text handling before Jackson: byte order marks, strict UTF-8, well-formed UTF-16. */
final class Utf8Text {

    static final int BOM_LENGTH = 3;
    static final char BOM = '\uFEFF';

    private Utf8Text() {
    }

    static boolean startsWithBom(byte[] b, int off, int len) {
        return len >= BOM_LENGTH && b[off] == (byte) 0xEF && b[off + 1] == (byte) 0xBB && b[off + 2] == (byte) 0xBF;
    }

    /**
     * Decodes strictly: malformed sequences, overlong forms, encoded surrogates and truncated sequences are
     * errors. Done here rather than left to Jackson because its byte parser decodes object keys leniently
     * (invalid bytes become U+FFFD when key canonicalisation is off), and because the reader needs characters
     * anyway (see {@link SurrogateKeys}).
     *
     * @return the characters: a buffer whose array holds them from index 0 up to its limit
     * @throws JsonSyntaxException "invalid UTF-8" at the first bad sequence
     */
    static CharBuffer decode(byte[] b, int off, int len) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(len); // UTF-8 never has fewer bytes than UTF-16 has units
        CoderResult result = decoder.decode(ByteBuffer.wrap(b, off, len), out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw ParseErrors.at(out.array(), 0, out.position(), "invalid UTF-8", "", null);
        }
        return out.flip();
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
