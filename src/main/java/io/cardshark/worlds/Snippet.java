package io.cardshark.worlds;

import java.util.List;

/**
 * A stretch of a message's text around what a search found, with the found words marked.
 *
 * @param text  the stretch, with "…" where it cuts the text
 * @param marks where the found words are in {@code text}, in order, not overlapping
 */
public record Snippet(String text, List<Mark> marks) {

    /**
     * One found word: chars {@code start} (inclusive) to {@code end} (exclusive) of {@link #text()}.
     *
     * @param start the first char of the word
     * @param end   the char after it
     */
    public record Mark(int start, int end) {
    }

    /**
     * Seals the snippet: the list is copied.
     *
     * @param text  the stretch
     * @param marks where the found words are
     */
    public Snippet {
        marks = List.copyOf(marks);
    }

    /**
     * The text with each found word between {@code open} and {@code close}.
     *
     * @param open  what goes before a found word, such as {@code "["} or a terminal's bold
     * @param close what goes after it
     * @return the marked text
     */
    public String marked(String open, String close) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Mark m : marks) {
            out.append(text, at, m.start()).append(open).append(text, m.start(), m.end()).append(close);
            at = m.end();
        }
        return out.append(text.substring(at)).toString();
    }
}
