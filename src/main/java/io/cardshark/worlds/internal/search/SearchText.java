package io.cardshark.worlds.internal.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of a text, as the index stores them and a query looks them up. A word is a run of Unicode letters
 * and digits (with the combining marks inside it, so a decomposed "ü" stays in its word) or one symbol
 * (an emoji, say, which people search for too). A word is folded: NFKC (full-width and ligature forms become
 * plain ones), then upper and lower case, which folds "Straße" to "strasse" as a search box should. Accents are
 * kept: in German "Bär" and "Bar" are different words.
 */
public final class SearchText {

    /** The longest word kept, in chars; longer runs are cut (the index column holds 64). */
    public static final int MAX_WORD = 64;
    /** BM25's usual constants, and a message length typical of role play, for the term-frequency part. */
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final double AVERAGE_LENGTH = 40;
    /**
     * The weights of the counts most words have in most messages, worked out once: the import weighs every word
     * of every message, and {@link Math#round} of the formula showed in a profile of building a segment.
     */
    private static final int COMMON_TF = 8;
    private static final int COMMON_LENGTH = 256;
    private static final int[] COMMON_WEIGHTS = new int[COMMON_TF * COMMON_LENGTH];
    /**
     * The folds of non-ASCII words seen lately, one per slot by hash, shared by every thread: a slot holds one
     * immutable {@link Fold} and is replaced whole, so a reader sees a whole pair or another one, never a mix.
     * A chat repeats its words, its emoji most of all; NFKC's check of even one "✨" missed the CPU's caches
     * during an import and took a twelfth of it.
     */
    private static final Fold[] RECENT_FOLDS = new Fold[1024];

    static {
        for (int tf = 0; tf < COMMON_TF; tf++) {
            for (int length = 0; length < COMMON_LENGTH; length++) {
                COMMON_WEIGHTS[tf * COMMON_LENGTH + length] = bm25(tf, length);
            }
        }
    }

    private SearchText() {
    }

    /** One word of a text: where it is (chars of the original) and its folded form. */
    public record Token(int start, int end, String word) {
    }

    /** Hears each word of a text, in order: where it is (chars of the original) and its folded form. */
    @FunctionalInterface
    public interface Words {
        void word(int start, int end, String word);

        /**
         * A word of ASCII letters and digits, chars {@code start} to {@code end} of {@code text}: its folded form is
         * {@link #asciiFold} of them. This default makes that string; a listener that can look the word up where it
         * is (the segment builder's {@link WordTable}) saves the copy, most of the words of most chats.
         */
        default void asciiWord(String text, int start, int end) {
            word(start, end, asciiFold(text, start, end));
        }
    }

    /** Every word of {@code text}, in order. */
    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        forEachWord(text, (start, end, word) -> tokens.add(new Token(start, end, word)));
        return tokens;
    }

    /** Tells {@code words} every word of {@code text}, in order, without a list of them (the import's index). */
    public static void forEachWord(String text, Words words) {
        if (text == null) {
            return;
        }
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp < 0x80 ? isAsciiLetterOrDigit(cp) : Character.isLetterOrDigit(cp)) {
                boolean ascii = cp < 0x80;
                int end = next;
                for (int c; end < text.length() && inWord(c = text.codePointAt(end)); end += Character.charCount(c)) {
                    ascii &= c < 0x80;
                }
                give(words, text, i, end, ascii);
                i = end;
            } else {
                if (isSymbol(cp)) {
                    give(words, text, i, next, false);
                }
                i = next;
            }
        }
    }

    private static boolean inWord(int cp) {
        if (cp < 0x80) {
            return isAsciiLetterOrDigit(cp);
        }
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** No ASCII character is an "other symbol" (Unicode's So): those start at the copyright sign. */
    private static boolean isSymbol(int cp) {
        return cp >= 0x80 && Character.getType(cp) == Character.OTHER_SYMBOL;
    }

    private static boolean isAsciiLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static void give(Words words, String text, int start, int end, boolean ascii) {
        if (ascii) {
            words.asciiWord(text, start, end);
            return;
        }
        String word = fold(text.substring(start, end), false);
        if (!word.isEmpty()) {
            words.word(start, end, word);
        }
    }

    /** The folded form of one word, cut to {@link #MAX_WORD} chars without splitting a surrogate pair. */
    public static String fold(String word) {
        return fold(word, isAscii(word));
    }

    private static String fold(String word, boolean ascii) {
        if (ascii) {
            return asciiFold(word, 0, word.length());
        }
        int slot = word.hashCode() & (RECENT_FOLDS.length - 1);
        Fold recent = RECENT_FOLDS[slot];
        if (recent != null && recent.word().equals(word)) {
            return recent.folded();
        }
        String folded = unicodeFold(word);
        RECENT_FOLDS[slot] = new Fold(word, folded);
        return folded;
    }

    private static String unicodeFold(String word) {
        String folded = Normalizer.normalize(word, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        if (folded.length() <= MAX_WORD) {
            return folded;
        }
        int cut = Character.isHighSurrogate(folded.charAt(MAX_WORD - 1)) ? MAX_WORD - 1 : MAX_WORD;
        return folded.substring(0, cut);
    }

    /** A word that is not all ASCII, and its folded form. */
    private record Fold(String word, String folded) {
    }

    private static boolean isAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The folded form of the ASCII chars {@code start} to {@code end} of {@code text}: what the general fold gives
     * for ASCII, without its three passes and copies (most words of most chats). NFKC leaves ASCII as it is, and
     * upper then lower case is lower case; {@code SearchTextTest} compares the two. Cut to {@link #MAX_WORD}.
     */
    static String asciiFold(String text, int start, int end) {
        int cut = Math.min(end, start + MAX_WORD);
        for (int i = start; i < cut; i++) {
            if (asciiLower(text.charAt(i)) != text.charAt(i)) {
                char[] chars = new char[cut - start];
                for (int j = 0; j < chars.length; j++) {
                    chars[j] = asciiLower(text.charAt(start + j));
                }
                return new String(chars);
            }
        }
        return text.substring(start, cut);
    }

    /** An ASCII char in lower case. */
    static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /**
     * The index rows of one text: each distinct word with its weight, BM25's term-frequency part (the more
     * often a word occurs, the higher, with diminishing returns; the longer the text, the lower) times 1000,
     * at least 1. Insertion order is the order of first occurrence.
     */
    public static Map<String, Integer> weights(String text) {
        List<Token> tokens = tokens(text);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Token t : tokens) {
            counts.merge(t.word(), 1, Integer::sum);
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        counts.forEach((word, tf) -> weights.put(word, weight(tf, tokens.size())));
        return weights;
    }

    /** The weight of a word that occurs {@code tf} times in a text of {@code length} words (see {@link #weights}). */
    public static int weight(int tf, int length) {
        if (tf >= 0 && tf < COMMON_TF && length >= 0 && length < COMMON_LENGTH) {
            return COMMON_WEIGHTS[tf * COMMON_LENGTH + length];
        }
        return bm25(tf, length);
    }

    private static int bm25(int tf, int length) {
        double norm = K1 * (1 - B + B * length / AVERAGE_LENGTH);
        return Math.max(1, (int) Math.round(1000 * tf * (K1 + 1) / (tf + norm)));
    }

    /** The distinct words of a query, in order. */
    public static List<String> queryWords(String query) {
        return tokens(query).stream().map(Token::word).distinct().toList();
    }
}
