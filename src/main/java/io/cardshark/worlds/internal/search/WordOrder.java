package io.cardshark.worlds.internal.search;

import java.util.Comparator;

/**
 * The order of the words in the search index's key. It must be the database's own order of the word columns, since
 * a segment's blocks are built in this order in Java and looked up by range in SQL: H2 compares text as Java does,
 * by UTF-16 code unit; PostgreSQL's {@code COLLATE "C"} compares by code point. The two differ only between a
 * character from U+E000 to U+FFFF and one beyond U+FFFF (a surrogate pair in UTF-16): CJK compatibility ideographs
 * against CJK extension B, say.
 */
public enum WordOrder implements Comparator<String> {

    /** Java's {@link String#compareTo} and H2's. */
    UTF16 {
        @Override
        public int compare(String a, String b) {
            return a.compareTo(b);
        }
    },

    /** By code point, as UTF-8's bytes sort and PostgreSQL's "C" collation does. */
    CODE_POINT {
        @Override
        public int compare(String a, String b) {
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                int x = a.codePointAt(i);
                int y = b.codePointAt(j);
                if (x != y) {
                    return Integer.compare(x, y);
                }
                i += Character.charCount(x);
                j += Character.charCount(y);
            }
            return Integer.compare(a.length() - i, b.length() - j);
        }
    }
}
