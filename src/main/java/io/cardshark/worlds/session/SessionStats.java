package io.cardshark.worlds.session;

import java.time.Instant;

/**
 * What a session has done.
 *
 * @param changesReceived changes handed to the session
 * @param flushes         flushes attempted (timer, significant change, explicit, close)
 * @param commits         transactions committed; a group commit saves several sessions in one
 * @param pendingChanges  changes not yet saved
 * @param refusedChanges  changes the store refused for what they were (an event id the world has, a location
 *                        without a required field), which were dropped so that the others could be saved
 * @param lastFlushAt     when the last successful flush committed, or {@code null}
 * @param lastFailure     why the last flush failed, or {@code null} when it succeeded
 * @param lastRefusal     why the store refused the last dropped change, or {@code null} when none was
 */
public record SessionStats(long changesReceived, long flushes, long commits, int pendingChanges, long refusedChanges,
                           Instant lastFlushAt, String lastFailure, String lastRefusal) {

    /**
     * One line for people: what {@code status} prints and the store keeps after each save.
     *
     * @return the figures, such as {@code changes 12, flushes 3, commits 3, pending 0, last flush 2026-11-27T03:15:00Z}
     */
    public String describe() {
        return "changes " + changesReceived + ", flushes " + flushes + ", commits " + commits + ", pending "
                + pendingChanges + (refusedChanges == 0 ? "" : ", refused " + refusedChanges) + ", last flush "
                + (lastFlushAt == null ? "never" : lastFlushAt.toString())
                + (lastFailure == null ? "" : ", last failure: " + lastFailure)
                + (lastRefusal == null ? "" : ", last refusal: " + lastRefusal);
    }
}
