package io.cardshark.worlds.cli;

import java.io.FilterOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * What reaches the terminal from data. A name from a world folder can hold ESC, BEL, CR or LF: printed raw,
 * it could recolour the terminal, set its title, clear it, or forge a line such as {@code error: ...}.
 * Every name and message the command line prints goes through {@link #safe}, which writes such characters as
 * visible escapes; and the command line's streams go through {@link #writer}, which escapes every control
 * character but the line breaks and tabs the command line writes itself, so nothing a print site forgot
 * can drive the terminal.
 */
final class Terminal {

    private Terminal() {
    }

    /** {@code text} with every control character (line breaks included) written as a visible escape. */
    static String safe(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) || c == '\n' || c == '\t') {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(escape(c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** A writer that escapes every control character but {@code \n} and {@code \t}. */
    static Writer writer(Writer target) {
        return new FilterWriter(target) {
            @Override
            public void write(int c) throws IOException {
                if (isControl((char) c)) {
                    out.write(escape((char) c));
                } else {
                    out.write(c);
                }
            }

            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                for (int i = offset; i < offset + length; i++) {
                    write(buffer[i]);
                }
            }

            @Override
            public void write(String s, int offset, int length) throws IOException {
                for (int i = offset; i < offset + length; i++) {
                    write(s.charAt(i));
                }
            }
        };
    }

    /**
     * A byte stream of UTF-8 text that escapes what {@link #writer} escapes, for the stream log lines go to.
     * Multi-byte characters are decoded only as far as needed to find the C1 and bidirectional controls.
     */
    static OutputStream stream(OutputStream target) {
        return new FilterOutputStream(target) {
            private final byte[] pending = new byte[3];
            private int held;

            @Override
            public void write(int b) throws IOException {
                b &= 0xFF;
                if (held > 0 && (b & 0xC0) != 0x80) {
                    // Not the rest of a character after all: pass the started one on as it came.
                    out.write(pending, 0, held);
                    held = 0;
                }
                if (held == 0) {
                    if (b < 0x80) {
                        if (isControl((char) b)) {
                            out.write(escape((char) b).getBytes(StandardCharsets.US_ASCII));
                        } else {
                            out.write(b);
                        }
                    } else if (b == 0xC2 || b == 0xE2) {
                        pending[held++] = (byte) b;
                    } else {
                        out.write(b);
                    }
                    return;
                }
                pending[held++] = (byte) b;
                int length = (pending[0] & 0xFF) == 0xC2 ? 2 : 3;
                if (held < length) {
                    return;
                }
                String decoded = new String(pending, 0, held, StandardCharsets.UTF_8);
                held = 0;
                if (decoded.length() == 1 && isControl(decoded.charAt(0))) {
                    out.write(escape(decoded.charAt(0)).getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(decoded.getBytes(StandardCharsets.UTF_8));
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    write(b[i]);
                }
            }
        };
    }

    /**
     * C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional overrides and isolates that
     * make a terminal show text in another order than it is.
     */
    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x100 ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c);
        };
    }
}
