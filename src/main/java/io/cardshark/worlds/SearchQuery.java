package io.cardshark.worlds;

import java.time.Instant;

/**
 * What {@link Chats#search} looks for: messages holding every word of {@code text}, optionally only in one
 * world, at one location, by one role, or since a time. Words are Unicode letters and digits, and symbols such
 * as emoji one by one; case does not matter, accents do.
 *
 * <pre>{@code
 * SearchQuery.of("Elara key").inWorld("Emberfall_Keep").byRole("assistant").limit(20)
 * }</pre>
 *
 * @param text       the words to find, all of them; at most {@value #MAX_WORDS} words
 * @param worldId    only this world, or {@code null} for every world
 * @param locationId only chats of this location, or {@code null}
 * @param role       only messages of this role (or sender), compared exactly, or {@code null}
 * @param since      only messages written at or after this time, or {@code null}
 * @param limit      the most hits a page holds, 1 to {@value #MAX_LIMIT}
 * @param cursor     where to continue ({@link SearchPage#next()}), or {@code null} for the first page
 */
public record SearchQuery(String text, String worldId, String locationId, String role, Instant since, int limit,
                          String cursor) {

    /** Most words a query may hold. */
    public static final int MAX_WORDS = 16;
    /** Most hits a page may hold. */
    public static final int MAX_LIMIT = 1000;
    /** Hits a page holds unless told otherwise. */
    public static final int DEFAULT_LIMIT = 20;

    /**
     * A query for messages holding every word of {@code text}, in every world, {@value #DEFAULT_LIMIT} a page.
     *
     * @param text the words to find
     * @return the query
     */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, DEFAULT_LIMIT, null);
    }

    /**
     * Only in one world.
     *
     * @param world the world's id
     * @return a copy with that filter
     */
    public SearchQuery inWorld(String world) {
        return new SearchQuery(text, world, locationId, role, since, limit, cursor);
    }

    /**
     * Only in chats of one location.
     *
     * @param location the location's id
     * @return a copy with that filter
     */
    public SearchQuery atLocation(String location) {
        return new SearchQuery(text, worldId, location, role, since, limit, cursor);
    }

    /**
     * Only messages of one role (or sender).
     *
     * @param messageRole the role, compared exactly
     * @return a copy with that filter
     */
    public SearchQuery byRole(String messageRole) {
        return new SearchQuery(text, worldId, locationId, messageRole, since, limit, cursor);
    }

    /**
     * Only messages written at or after a time (a message without a time is left out).
     *
     * @param from the earliest time
     * @return a copy with that filter
     */
    public SearchQuery since(Instant from) {
        return new SearchQuery(text, worldId, locationId, role, from, limit, cursor);
    }

    /**
     * At most {@code hits} hits a page.
     *
     * @param hits the page size
     * @return a copy with that size
     */
    public SearchQuery limit(int hits) {
        return new SearchQuery(text, worldId, locationId, role, since, hits, cursor);
    }

    /**
     * The page after the one that gave {@code nextCursor}.
     *
     * @param nextCursor {@link SearchPage#next()} of the page before
     * @return a copy that continues there
     */
    public SearchQuery after(String nextCursor) {
        return new SearchQuery(text, worldId, locationId, role, since, limit, nextCursor);
    }
}
