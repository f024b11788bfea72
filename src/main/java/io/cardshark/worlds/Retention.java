package io.cardshark.worlds;

import java.time.Duration;
import java.util.Objects;

/**
 * Which backups and snapshots survive pruning: the newest {@code keepLast}, and every one younger than
 * {@code keepFor}. Snapshots are counted per world, so a busy world never pushes out another's.
 *
 * @param keepLast how many of the newest to keep whatever their age (at least 1)
 * @param keepFor  keep everything younger than this, however many
 */
public record Retention(int keepLast, Duration keepFor) {

    /** Ten of each, and everything from the last seven days. */
    public static final Retention DEFAULT = new Retention(10, Duration.ofDays(7));

    /**
     * Checks the rule.
     *
     * @param keepLast how many of the newest to keep whatever their age, at least 1
     * @param keepFor  keep everything younger than this; not negative ({@link Duration#ZERO} keeps by count
     *                 alone)
     * @throws InvalidInputException when {@code keepLast} is below 1 or {@code keepFor} is negative
     * @throws NullPointerException  when {@code keepFor} is {@code null}
     */
    public Retention {
        Objects.requireNonNull(keepFor, "keepFor must be set");
        if (keepLast < 1) {
            throw new InvalidInputException(null, "retention keepLast must be at least 1, was " + keepLast);
        }
        if (keepFor.isNegative()) {
            throw new InvalidInputException(null, "retention keepFor must not be negative, was " + keepFor);
        }
    }
}
