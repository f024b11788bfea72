package io.cardshark.worlds.internal.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a {@link PostingList} is stored: in parts of at most {@link #PART} postings, each part a sequence of
 * unsigned LEB128 varints, three per posting:
 * <ol>
 *   <li>the chat key's difference from the posting before (the part's first: the chat key itself);</li>
 *   <li>the sequence number: when the chat key is the one before, its difference from the sequence number
 *       before, minus one; otherwise the sequence number itself;</li>
 *   <li>the weight.</li>
 * </ol>
 * A message of a role-play chat holds some thirty distinct words and a segment lists them by chat, so most
 * postings take four bytes (a weight above 127 takes two). Every part starts afresh, so each decodes on its own.
 */
public final class SearchPostings {

    /**
     * Most postings a part holds: some 8 kB. Small enough that a search decodes little of a common word beyond
     * the messages it needs, large enough that a word of a million postings is a few hundred rows.
     */
    public static final int PART = 2_048;

    /**
     * One stored part: its postings encoded, with their count, the first and last message they name, and the
     * highest weight among them.
     */
    public record Part(int count, long firstChatKey, long firstSeq, long lastChatKey, long lastSeq, int maxWeight,
                       byte[] bytes) {

        /** Whether the part's messages and {@code other}'s may overlap. */
        public boolean overlaps(Part other) {
            return PostingList.compare(firstChatKey, firstSeq, other.lastChatKey, other.lastSeq) <= 0
                    && PostingList.compare(other.firstChatKey, other.firstSeq, lastChatKey, lastSeq) <= 0;
        }

    }

    private SearchPostings() {
    }

    /** The parts of {@code list}, in order. */
    public static List<Part> encode(PostingList list) {
        List<Part> parts = new ArrayList<>(list.size() / PART + 1);
        for (int from = 0; from < list.size(); from += PART) {
            int to = Math.min(list.size(), from + PART);
            byte[] out = new byte[(to - from) * 3 * MAX_VARINT];
            int length = 0;
            long chatKey = 0;
            long seq = -1;
            int maxWeight = 0;
            for (int i = from; i < to; i++) {
                maxWeight = Math.max(maxWeight, list.weight(i));
                long k = list.chatKey(i);
                long s = list.seq(i);
                boolean sameChat = i > from && k == chatKey;
                length = writeVarint(out, length, i == from ? k : k - chatKey);
                length = writeVarint(out, length, sameChat ? s - seq - 1 : s);
                length = writeVarint(out, length, list.weight(i));
                chatKey = k;
                seq = s;
            }
            parts.add(new Part(to - from, list.chatKey(from), list.seq(from), list.chatKey(to - 1), list.seq(to - 1),
                    maxWeight, Arrays.copyOf(out, length)));
        }
        return parts;
    }

    /**
     * Adds the postings of one part to {@code into} (whose last posting must come before them).
     *
     * @throws IllegalArgumentException when the bytes are not a part this class wrote (a damaged store)
     */
    public static void decode(byte[] part, PostingList into) {
        int[] at = {0};
        long chatKey = 0;
        long seq = -1;
        boolean first = true;
        while (at[0] < part.length) {
            long k = readVarint(part, at);
            long s = readVarint(part, at);
            long weight = readVarint(part, at);
            if (weight > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a posting's weight " + weight + " is out of range");
            }
            boolean sameChat = !first && k == 0;
            chatKey = first ? k : chatKey + k;
            seq = sameChat ? seq + s + 1 : s;
            into.add(chatKey, seq, (int) weight);
            first = false;
        }
    }

    /**
     * The part whose bytes are {@code bytes}, its columns computed from them: how a part kept inside a block
     * ({@link SearchBlocks}) is read.
     *
     * @throws IllegalArgumentException as {@link #decode} does, and for a part of no posting
     */
    public static Part describe(byte[] bytes) {
        PostingList list = new PostingList();
        decode(bytes, list);
        if (list.size() == 0) {
            throw new IllegalArgumentException("a part holds no posting");
        }
        int maxWeight = 0;
        for (int i = 0; i < list.size(); i++) {
            maxWeight = Math.max(maxWeight, list.weight(i));
        }
        int last = list.size() - 1;
        return new Part(list.size(), list.chatKey(0), list.seq(0), list.chatKey(last), list.seq(last), maxWeight, bytes);
    }

    /** The most bytes a varint of a long takes. */
    static final int MAX_VARINT = 10;

    /** Writes {@code value} as a varint into {@code out} at {@code at}, which has room for it; returns its end. */
    static int writeVarint(byte[] out, int at, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative posting field " + value);
        }
        while ((value & ~0x7FL) != 0) {
            out[at++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[at++] = (byte) value;
        return at;
    }

    static long readVarint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= bytes.length) {
                throw new IllegalArgumentException("a posting ends inside a number at byte " + at[0]);
            }
            int b = bytes[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a posting number runs past 64 bits at byte " + at[0]);
    }
}
