package io.cardshark.worlds.internal.search;

import io.cardshark.worlds.Snippet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The snippet of a hit: the stretch of a message's text around the first word found, the words found marked. */
public final class Snippets {

    /** Chars of context before the first word found, and the most a snippet holds. */
    static final int BEFORE = 60;
    static final int LENGTH = 200;
    private static final String CUT = "…";

    private Snippets() {
    }

    public static Snippet of(String text, List<String> words) {
        if (text == null) {
            return new Snippet("", List.of());
        }
        Set<String> wanted = Set.copyOf(words);
        List<SearchText.Token> found = SearchText.tokens(text).stream().filter(t -> wanted.contains(t.word())).toList();
        int from = found.isEmpty() ? 0 : wordStart(text, Math.max(0, found.get(0).start() - BEFORE));
        int to = Math.min(text.length(), from + LENGTH);
        if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
            to--;
        }
        String prefix = from > 0 ? CUT : "";
        List<Snippet.Mark> marks = new ArrayList<>();
        for (SearchText.Token t : found) {
            if (t.start() >= from && t.end() <= to) {
                marks.add(new Snippet.Mark(prefix.length() + t.start() - from, prefix.length() + t.end() - from));
            }
        }
        return new Snippet(prefix + text.substring(from, to) + (to < text.length() ? CUT : ""), marks);
    }

    /** Moves a cut forward to the start of a word (after a space), when one is near, and off a surrogate pair. */
    private static int wordStart(String text, int at) {
        if (at == 0) {
            return 0;
        }
        int space = text.indexOf(' ', at);
        int start = space >= 0 && space - at < 20 ? space + 1 : at;
        return Character.isLowSurrogate(text.charAt(start)) ? start + 1 : start;
    }
}
