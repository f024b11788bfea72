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
        return decode(strictDecoder(), b, off, len, CharBuffer.allocate(len));
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Decodes into {@code out}, which has room for {@code len} chars (UTF-8 has no fewer bytes than UTF-16 units). */
    private static CharBuffer decode(CharsetDecoder decoder, byte[] b, int off, int len, CharBuffer out) {
        CoderResult result = decoder.decode(ByteBuffer.wrap(b, off, len), out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw ParseErrors.at(out.array(), 0, out.position(), "invalid UTF-8", "", null);
        }
        return out.flip();
    }

    /**
     * {@link #decode} for one reader of many lines (a JSONL file's): its decoder and its buffer are made once, not
     * per line (a million lines a chat). Each result is valid until the next call. Not thread-safe.
     */
    static final class Lines {
        /** Lines longer than this are decoded into a buffer of their own, not kept for the lines after them. */
        private static final int KEPT_CAPACITY = 1 << 20;

        private final CharsetDecoder decoder = strictDecoder();
        private CharBuffer buffer = CharBuffer.allocate(1024);

        CharBuffer decode(byte[] b, int off, int len) {
            decoder.reset();
            if (len > buffer.capacity()) {
                if (len > KEPT_CAPACITY) {
                    return Utf8Text.decode(decoder, b, off, len, CharBuffer.allocate(len));
                }
                buffer = CharBuffer.allocate(Math.max(len, Math.min(KEPT_CAPACITY, 2 * buffer.capacity())));
            }
            buffer.clear();
            return Utf8Text.decode(decoder, b, off, len, buffer);
        }
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
