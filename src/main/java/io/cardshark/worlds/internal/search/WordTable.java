package io.cardshark.worlds.internal.search;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The posting lists of a segment being built, by folded word. An ASCII word is looked up where it is, in the text
 * it comes from, its case folded as it is hashed and compared: a segment of the import's 65,536 messages meets
 * millions of words and only some thousands of distinct ones, and a map keyed by strings made a string of each
 * (the import spent a sixth of its time there). The hash is {@link String#hashCode} of the folded word, so a
 * word found in place and the same word folded from other chars (full-width "ＥＬＡＲＡ" is "elara") meet in one
 * list. Open addressing with linear probing, at most half full.
 */
final class WordTable {

    private String[] words = new String[1024];
    private PostingList[] lists = new PostingList[words.length];
    private int[] hashes = new int[words.length];
    private int size;

    /** The list of the ASCII word at chars {@code start} to {@code end} of {@code text} (a new one if it has none). */
    PostingList ascii(String text, int start, int end) {
        int cut = Math.min(end, start + SearchText.MAX_WORD);
        int hash = 0;
        for (int i = start; i < cut; i++) {
            hash = 31 * hash + SearchText.asciiLower(text.charAt(i));
        }
        int mask = words.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            String word = words[slot];
            if (word == null) {
                return insert(slot, hash, SearchText.asciiFold(text, start, end));
            }
            if (hashes[slot] == hash && isFoldOf(word, text, start, cut)) {
                return lists[slot];
            }
        }
    }

    /** The list of a folded word (a new one if it has none). */
    PostingList get(String word) {
        int hash = word.hashCode();
        int mask = words.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            String found = words[slot];
            if (found == null) {
                return insert(slot, hash, word);
            }
            if (hashes[slot] == hash && found.equals(word)) {
                return lists[slot];
            }
        }
    }

    /** Every word with its list, in {@code order}. */
    List<Map.Entry<String, PostingList>> sorted(Comparator<String> order) {
        List<Map.Entry<String, PostingList>> entries = new ArrayList<>(size);
        for (int slot = 0; slot < words.length; slot++) {
            if (words[slot] != null) {
                entries.add(new AbstractMap.SimpleImmutableEntry<>(words[slot], lists[slot]));
            }
        }
        entries.sort(Map.Entry.comparingByKey(order));
        return entries;
    }

    private static boolean isFoldOf(String word, String text, int start, int cut) {
        if (word.length() != cut - start) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) != SearchText.asciiLower(text.charAt(start + i))) {
                return false;
            }
        }
        return true;
    }

    private PostingList insert(int slot, int hash, String word) {
        PostingList list = new PostingList();
        words[slot] = word;
        lists[slot] = list;
        hashes[slot] = hash;
        if (++size * 2 > words.length) {
            grow();
        }
        return list;
    }

    private void grow() {
        String[] oldWords = words;
        PostingList[] oldLists = lists;
        int[] oldHashes = hashes;
        words = new String[oldWords.length * 2];
        lists = new PostingList[words.length];
        hashes = new int[words.length];
        int mask = words.length - 1;
        for (int i = 0; i < oldWords.length; i++) {
            if (oldWords[i] != null) {
                int slot = spread(oldHashes[i]) & mask;
                while (words[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                words[slot] = oldWords[i];
                lists[slot] = oldLists[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }

    /** The high bits mixed into the low ones that pick a slot, as {@link java.util.HashMap} does. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
