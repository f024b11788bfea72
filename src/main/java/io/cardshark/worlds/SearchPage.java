package io.cardshark.worlds;

import java.util.List;
import java.util.Optional;

/**
 * One page of search results, best first.
 *
 * <pre>{@code
 * SearchPage page = chats.search(SearchQuery.of("Elara key"));
 * while (page.next().isPresent()) {
 *     page = chats.search(SearchQuery.of("Elara key").after(page.next().get()));
 * }
 * }</pre>
 *
 * @param hits   the messages found, best first (ties: newest chat, then latest message first)
 * @param cursor where the next page starts ({@link SearchQuery#after}), or {@code null} when this is the last
 */
public record SearchPage(List<SearchHit> hits, String cursor) {

    /**
     * Seals the page: the list is copied.
     *
     * @param hits   the messages found
     * @param cursor where the next page starts, or {@code null}
     */
    public SearchPage {
        hits = List.copyOf(hits);
    }

    /**
     * The cursor of the next page.
     *
     * @return the cursor to pass to {@link SearchQuery#after}; empty on the last page
     */
    public Optional<String> next() {
        return Optional.ofNullable(cursor);
    }
}
