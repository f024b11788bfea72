package io.cardshark.worlds.internal.forms;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A bounded, checking walk over the chunks of a PNG file, and the text chunks it holds. CardShark keeps a card's
 * JSON in a text chunk ({@code tEXt "chara"}), so a card is read by walking the chunks; the image itself is
 * never decoded.
 *
 * <p>Checked, in order: the 8-byte signature; for every chunk its header fits in the file, its type is four
 * ASCII letters, its length is within {@link Limits#maxChunkBytes()} and within the bytes left, its CRC-32
 * matches; at most {@link Limits#maxChunks()} chunks; {@code IHDR} first; an {@code IEND} chunk and nothing after
 * it. {@code zTXt} and compressed {@code iTXt} text is inflated with a bound. A failure is a
 * {@link io.cardshark.worlds.folder.FolderFormatException} naming the file and the chunk by index, type and
 * offset. Instances are immutable.
 */
public final class PngChunks {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int MiB = 1 << 20;

    /**
     * How much a PNG may hold.
     *
     * @param maxFileBytes  the largest file read at all
     * @param maxChunkBytes the largest chunk data length (the format allows 2^31 - 1)
     * @param maxChunks     the most chunks (a large image has a few thousand IDAT chunks)
     * @param maxTextBytes  the most text, after inflation, over all text chunks together
     */
    public record Limits(long maxFileBytes, int maxChunkBytes, int maxChunks, int maxTextBytes) {
        public static final Limits DEFAULT = new Limits(64L * MiB, 16 * MiB, 10_000, 16 * MiB);
    }

    /** One chunk: its position in the file (index from 0, byte offset of its length field) and data length. */
    public record Chunk(int index, String type, long offset, long length) {
        /** {@code chunk 1 (tEXt) at offset 33}. */
        public String describe() {
            return "chunk " + index + " (" + type + ") at offset " + offset;
        }
    }

    /** A text chunk ({@code tEXt}, {@code zTXt} or {@code iTXt}) with its keyword and its text, inflated. */
    public record TextChunk(Chunk chunk, String keyword, String text) {
        /** {@code chunk 1 (tEXt "chara") at offset 33}. */
        public String describe() {
            return "chunk " + chunk.index() + " (" + chunk.type() + " \"" + keyword + "\") at offset " + chunk.offset();
        }
    }

    private final List<Chunk> chunks;
    private final List<TextChunk> texts;

    private PngChunks(List<Chunk> chunks, List<TextChunk> texts) {
        this.chunks = List.copyOf(chunks);
        this.texts = List.copyOf(texts);
    }

    /** Reads a PNG file from disk, refusing it before reading when it is larger than the limit. */
    public static PngChunks read(Path file, Limits limits) {
        return read(BoundedFiles.read(file, limits.maxFileBytes(), Origin.file(file)), Origin.file(file), limits);
    }

    /** Walks {@code png}, whose origin names it in errors. */
    public static PngChunks read(byte[] png, Origin origin, Limits limits) {
        return new Walk(png, origin, limits).run();
    }

    /** Every chunk, in file order. */
    public List<Chunk> chunks() {
        return chunks;
    }

    /** Every text chunk, in file order. */
    public List<TextChunk> texts() {
        return texts;
    }

    /** The text chunks with this keyword, in file order. */
    public List<TextChunk> texts(String keyword) {
        return texts.stream().filter(t -> t.keyword().equals(keyword)).toList();
    }

    /** One pass over the bytes; holds the running position and counts. */
    private static final class Walk {
        private final byte[] png;
        private final Origin origin;
        private final Limits limits;
        private final List<Chunk> chunks = new ArrayList<>();
        private final List<TextChunk> texts = new ArrayList<>();
        private long textBytes;

        Walk(byte[] png, Origin origin, Limits limits) {
            this.png = png;
            this.origin = origin;
            this.limits = limits;
        }

        PngChunks run() {
            if (png.length > limits.maxFileBytes()) {
                throw origin.refuse("the PNG is larger than the limit of " + limits.maxFileBytes() + " bytes");
            }
            if (png.length < SIGNATURE.length || !Arrays.equals(png, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                throw origin.refuse("not a PNG file (the 8-byte PNG signature is missing)");
            }
            int pos = SIGNATURE.length;
            boolean ended = false;
            while (pos < png.length) {
                if (ended) {
                    throw origin.refuse((png.length - pos) + " bytes follow the IEND chunk at offset " + pos);
                }
                Chunk chunk = header(pos);
                checkBody(chunk);
                ended = chunk.type().equals("IEND");
                chunks.add(chunk);
                pos += 12 + (int) chunk.length();
            }
            if (!ended) {
                throw origin.refuse("no IEND chunk: the file ends after " + chunks.size() + " chunks at offset " + png.length
                        + " (cut short?)");
            }
            return new PngChunks(chunks, texts);
        }

        private Chunk header(int pos) {
            int index = chunks.size();
            if (index >= limits.maxChunks()) {
                throw origin.refuse("more than " + limits.maxChunks() + " chunks (chunk " + index + " at offset " + pos + ")");
            }
            if (png.length - pos < 12) {
                throw origin.refuse("chunk " + index + " at offset " + pos + ": the file ends inside the chunk header ("
                        + (png.length - pos) + " bytes left, 12 needed)");
            }
            long length = u32(pos);
            Chunk chunk = new Chunk(index, typeText(pos + 4), pos, length);
            if (!isLetters(pos + 4)) {
                throw origin.refuse(chunk.describe() + ": the chunk type is not four ASCII letters");
            }
            if (length > limits.maxChunkBytes()) {
                throw origin.refuse(chunk.describe() + ": length " + length + " exceeds the limit of "
                        + limits.maxChunkBytes() + " bytes");
            }
            if (length > png.length - pos - 12L) {
                throw origin.refuse(chunk.describe() + ": length " + length + " runs past the end of the file ("
                        + (png.length - pos - 12L) + " bytes of data and CRC left; cut short?)");
            }
            if (index == 0 && !chunk.type().equals("IHDR")) {
                throw origin.refuse(chunk.describe() + ": the first chunk must be IHDR");
            }
            return chunk;
        }

        private void checkBody(Chunk chunk) {
            int data = (int) chunk.offset() + 8;
            int len = (int) chunk.length();
            CRC32 crc = new CRC32();
            crc.update(png, data - 4, len + 4); // the type and the data
            long stored = u32(data + len);
            if (crc.getValue() != stored) {
                throw origin.refuse(chunk.describe() + String.format(": CRC-32 mismatch (stored %08x, computed %08x)",
                        stored, crc.getValue()));
            }
            switch (chunk.type()) {
                case "tEXt" -> text(chunk, data, len, false);
                case "zTXt" -> text(chunk, data, len, true);
                case "iTXt" -> internationalText(chunk, data, len);
                default -> { }
            }
        }

        /** {@code tEXt}: keyword NUL Latin-1 text; {@code zTXt}: keyword NUL method(0) zlib(Latin-1 text). */
        private void text(Chunk chunk, int data, int len, boolean compressed) {
            int nul = keywordEnd(chunk, data, len);
            String keyword = new String(png, data, nul - data, StandardCharsets.ISO_8859_1);
            int start = nul + 1;
            byte[] bytes;
            if (compressed) {
                if (start >= data + len || png[start] != 0) {
                    throw origin.refuse(chunk.describe() + ": unknown or missing compression method (expected 0, zlib)");
                }
                bytes = inflate(chunk, keyword, start + 1, data + len - start - 1);
            } else {
                bytes = Arrays.copyOfRange(png, start, data + len);
                count(chunk, keyword, bytes.length);
            }
            texts.add(new TextChunk(chunk, keyword, new String(bytes, StandardCharsets.ISO_8859_1)));
        }

        /** {@code iTXt}: keyword NUL flag method language NUL translated-keyword NUL UTF-8 text (maybe zlib). */
        private void internationalText(Chunk chunk, int data, int len) {
            int end = data + len;
            int nul = keywordEnd(chunk, data, len);
            String keyword = new String(png, data, nul - data, StandardCharsets.ISO_8859_1);
            int flags = nul + 1;
            int language = flags + 2;
            int languageEnd = indexOfNul(language, end);
            int translatedEnd = languageEnd < 0 ? -1 : indexOfNul(languageEnd + 1, end);
            if (language > end || translatedEnd < 0) {
                throw origin.refuse(chunk.describe() + ": malformed iTXt header (missing separators)");
            }
            boolean compressed = png[flags] == 1;
            if ((png[flags] & 0xFF) > 1 || (compressed && png[flags + 1] != 0)) {
                throw origin.refuse(chunk.describe() + ": unknown iTXt compression flag or method");
            }
            int start = translatedEnd + 1;
            byte[] bytes = compressed ? inflate(chunk, keyword, start, end - start)
                    : Arrays.copyOfRange(png, start, end);
            if (!compressed) {
                count(chunk, keyword, bytes.length);
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                texts.add(new TextChunk(chunk, keyword, text));
            } catch (CharacterCodingException e) {
                throw origin.refuse(chunk.describe() + ": iTXt text \"" + keyword + "\" is not valid UTF-8");
            }
        }

        private byte[] inflate(Chunk chunk, String keyword, int off, int len) {
            long room = limits.maxTextBytes() - textBytes;
            try {
                byte[] bytes = BoundedInflate.inflate(png, off, len, (int) Math.max(0, room));
                count(chunk, keyword, bytes.length);
                return bytes;
            } catch (BoundedInflate.Failure f) {
                throw origin.refuse(chunk.describe() + " keyword \"" + keyword + "\": " + f.getMessage()
                        + " (text limit " + limits.maxTextBytes() + " bytes over all text chunks)");
            }
        }

        private void count(Chunk chunk, String keyword, int bytes) {
            textBytes += bytes;
            if (textBytes > limits.maxTextBytes()) {
                throw origin.refuse(chunk.describe() + " keyword \"" + keyword + "\": the text chunks hold more than "
                        + limits.maxTextBytes() + " bytes");
            }
        }

        /** The NUL ending a 1-79 byte keyword. */
        private int keywordEnd(Chunk chunk, int data, int len) {
            int nul = indexOfNul(data, data + len);
            if (nul < 0 || nul == data || nul - data > 79) {
                throw origin.refuse(chunk.describe() + ": malformed text chunk (expected a 1-79 byte keyword and a NUL)");
            }
            return nul;
        }

        private int indexOfNul(int from, int end) {
            for (int i = from; i < end; i++) {
                if (png[i] == 0) {
                    return i;
                }
            }
            return -1;
        }

        private boolean isLetters(int at) {
            for (int i = at; i < at + 4; i++) {
                int c = png[i] & 0xFF;
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                    return false;
                }
            }
            return true;
        }

        /** The type as printable text; bytes that are not letters show as {@code \xNN}. */
        private String typeText(int at) {
            StringBuilder s = new StringBuilder();
            for (int i = at; i < at + 4; i++) {
                int c = png[i] & 0xFF;
                s.append(c > 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
            }
            return s.toString();
        }

        private long u32(int at) {
            return ((png[at] & 0xFFL) << 24) | ((png[at + 1] & 0xFFL) << 16) | ((png[at + 2] & 0xFFL) << 8) | (png[at + 3] & 0xFFL);
        }
    }
}
