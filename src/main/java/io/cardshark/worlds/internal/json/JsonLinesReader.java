package io.cardshark.worlds.internal.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a JSONL file one line at a time (format §5.1): memory for the longest line, not for the file, since
 * a chat may hold a million messages.
 *
 * <p>Lines end at LF only; one CR before it is dropped. U+2028, U+2029 and U+0085 are characters inside a
 * line, never breaks (splitting on bytes is safe: in UTF-8 the byte 0x0A occurs only as LF). Lines holding
 * nothing but spaces, tabs and CRs are skipped, but counted. A byte order mark is skipped at the start of the
 * file only. Each other line must be one JSON object; an invalid line is reported as a {@link JsonLine} with
 * an error, and reading can go on with the next line.
 *
 * <p>Not thread-safe. Closing closes the stream.
 */
public final class JsonLinesReader implements Closeable {

    private static final int INITIAL_BUFFER = 64 * 1024;
    private static final int MAX_BUFFER = Integer.MAX_VALUE - 8; // the largest array the JVM reliably allocates

    private final InputStream in;
    private final Utf8Text.Lines decoder = new Utf8Text.Lines();
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int start; // first byte not yet consumed
    private int end; // one past the last byte read
    private boolean eof;
    private long lineNumber;
    private boolean hadBom;

    public JsonLinesReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next non-blank line, or null at the end of the file.
     *
     * @throws IOException when the stream fails, or a line does not fit in an array (2 GB)
     */
    public JsonLine next() throws IOException {
        int scanned = start; // the bytes from start up to here hold no LF
        while (true) {
            int lf = indexOfLf(scanned);
            if (lf >= 0 || (eof && start < end)) {
                int lineEnd = lf >= 0 ? lf : end;
                JsonLine line = line(start, lineEnd, lf >= 0);
                start = lf >= 0 ? lf + 1 : end;
                scanned = start;
                if (line != null) {
                    return line;
                }
            } else if (eof) {
                return null;
            } else {
                int unscanned = end - start; // all scanned already, no LF among them
                fill();
                scanned = start + unscanned;
            }
        }
    }

    /** Whether the file started with a byte order mark; known once the first line has been read. */
    public boolean hadBom() {
        return hadBom;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int indexOfLf(int from) {
        for (int i = from; i < end; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private JsonLine line(int from, int to, boolean endedByLf) {
        lineNumber++;
        if (lineNumber == 1 && Utf8Text.startsWithBom(buf, from, to - from)) {
            hadBom = true;
            from += Utf8Text.BOM_LENGTH;
        }
        if (endedByLf && to > from && buf[to - 1] == '\r') {
            to--;
        }
        if (isBlank(from, to)) {
            return null;
        }
        try {
            JsonReader.Line read = JsonReader.readLine(buf, from, to - from, decoder);
            if (read.value() instanceof JsonObject object) {
                return new JsonLine(lineNumber, object, read.written(), null);
            }
            return JsonLine.invalid(lineNumber, JsonSyntaxException.notAnObject(lineNumber, read.value()));
        } catch (JsonSyntaxException e) {
            return JsonLine.invalid(lineNumber, e.atLine(lineNumber));
        }
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = buf[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    // Moves the unconsumed bytes to the front, grows the buffer if the line fills it, and reads more.
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            if (buf.length == MAX_BUFFER) {
                throw new IOException("line " + (lineNumber + 1) + " is longer than " + MAX_BUFFER + " bytes");
            }
            buf = Arrays.copyOf(buf, (int) Math.min(MAX_BUFFER, 2L * buf.length));
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }
}
