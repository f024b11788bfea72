package io.cardshark.worlds.internal.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a block of a segment's rare words is stored (schema V5): one row holds several consecutive words with few
 * postings each, as an SSTable's data block holds several keys. The bytes are the words one after the other, in
 * key order, each as four things:
 * <ol>
 *   <li>the length in bytes of the word's UTF-8 form, an unsigned LEB128 varint;</li>
 *   <li>the word, UTF-8;</li>
 *   <li>the length in bytes of its postings, a varint;</li>
 *   <li>its postings: one part as {@link SearchPostings} encodes it.</li>
 * </ol>
 * A search looks one word up by comparing bytes, decoding only that word's postings.
 */
public final class SearchBlocks {

    /** One word of a block, with its postings. */
    public record Entry(String word, SearchPostings.Part part) {
    }

    private SearchBlocks() {
    }

    /** The bytes of a block of {@code entries}, which must be in the key's order. */
    public static byte[] encode(List<Entry> entries) {
        List<byte[]> words = new ArrayList<>(entries.size());
        int room = 0;
        for (Entry e : entries) {
            byte[] word = e.word().getBytes(StandardCharsets.UTF_8);
            words.add(word);
            room += 2 * SearchPostings.MAX_VARINT + word.length + e.part().bytes().length;
        }
        byte[] out = new byte[room];
        int at = 0;
        for (int i = 0; i < entries.size(); i++) {
            byte[] word = words.get(i);
            byte[] postings = entries.get(i).part().bytes();
            at = SearchPostings.writeVarint(out, at, word.length);
            System.arraycopy(word, 0, out, at, word.length);
            at = SearchPostings.writeVarint(out, at + word.length, postings.length);
            System.arraycopy(postings, 0, out, at, postings.length);
            at += postings.length;
        }
        return Arrays.copyOf(out, at);
    }

    /**
     * What a row of {@code entries} says of all their postings together: their count, the first and last message
     * any of them names, and the highest weight; its bytes are the block's.
     */
    public static SearchPostings.Part summary(List<Entry> entries, byte[] block) {
        SearchPostings.Part first = entries.get(0).part();
        long firstChat = first.firstChatKey();
        long firstSeq = first.firstSeq();
        long lastChat = first.lastChatKey();
        long lastSeq = first.lastSeq();
        int count = 0;
        int maxWeight = 0;
        for (Entry e : entries) {
            SearchPostings.Part p = e.part();
            count += p.count();
            maxWeight = Math.max(maxWeight, p.maxWeight());
            if (PostingList.compare(p.firstChatKey(), p.firstSeq(), firstChat, firstSeq) < 0) {
                firstChat = p.firstChatKey();
                firstSeq = p.firstSeq();
            }
            if (PostingList.compare(p.lastChatKey(), p.lastSeq(), lastChat, lastSeq) > 0) {
                lastChat = p.lastChatKey();
                lastSeq = p.lastSeq();
            }
        }
        return new SearchPostings.Part(count, firstChat, firstSeq, lastChat, lastSeq, maxWeight, block);
    }

    /**
     * Every word of a block with its postings.
     *
     * @throws IllegalArgumentException when the bytes are not a block this class wrote, or its words are not in
     *                                  strictly ascending order (a damaged store)
     */
    public static List<Entry> decode(byte[] block, WordOrder order) {
        List<Entry> entries = new ArrayList<>();
        int[] at = {0};
        while (at[0] < block.length) {
            String word = new String(field(block, at), StandardCharsets.UTF_8);
            if (!entries.isEmpty() && order.compare(entries.get(entries.size() - 1).word(), word) >= 0) {
                throw new IllegalArgumentException("a block's word \"" + word + "\" does not follow \""
                        + entries.get(entries.size() - 1).word() + "\"");
            }
            entries.add(new Entry(word, SearchPostings.describe(field(block, at))));
        }
        return entries;
    }

    /**
     * The postings of {@code word} in a block; null when the block does not hold it.
     *
     * @throws IllegalArgumentException when the bytes are not a block this class wrote
     */
    public static SearchPostings.Part find(byte[] block, String word) {
        byte[] wanted = word.getBytes(StandardCharsets.UTF_8);
        int[] at = {0};
        while (at[0] < block.length) {
            int length = length(block, at);
            int start = at[0];
            at[0] += length;
            boolean found = Arrays.equals(block, start, start + length, wanted, 0, wanted.length);
            byte[] postings = field(block, at);
            if (found) {
                return SearchPostings.describe(postings);
            }
        }
        return null;
    }

    /** A length-prefixed field at {@code at}, which moves past it. */
    private static byte[] field(byte[] block, int[] at) {
        int length = length(block, at);
        byte[] field = Arrays.copyOfRange(block, at[0], at[0] + length);
        at[0] += length;
        return field;
    }

    private static int length(byte[] block, int[] at) {
        long length = SearchPostings.readVarint(block, at);
        if (length > block.length - at[0]) {
            throw new IllegalArgumentException("a block's field of " + length + " bytes runs past its end at byte "
                    + at[0]);
        }
        return (int) length;
    }
}
