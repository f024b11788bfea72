package io.cardshark.worlds.session;

import io.cardshark.worlds.InvalidInputException;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How sessions save: the autosave interval (changes wait at most this long; default 2 s), the kinds of
 * change saved at once (default: entering a location, an event; a chat message is always saved at once),
 * and the clock and timer autosave runs on (the system's; tests pass a manual one). Immutable; given to
 * the store with {@code WorldStore.configure().sessions(...)}.
 *
 * @param autosaveInterval how long a change may wait before autosave saves it, counted from the first
 *                         unsaved change
 * @param flushAtOnce      the kinds of change whose call saves before it returns; a chat message is saved at
 *                         once whatever this holds
 * @param timer            the clock and timer autosave runs on
 */
public record SessionConfig(Duration autosaveInterval, Set<ChangeKind> flushAtOnce, SessionTimer timer) {

    /**
     * The defaults: autosave every 2 s; moves, events and chat messages saved at once; the system's timer
     * ({@link SessionTimers#system()}).
     */
    public static final SessionConfig DEFAULTS = new SessionConfig(Duration.ofSeconds(2),
            EnumSet.of(ChangeKind.MOVE, ChangeKind.EVENT, ChangeKind.CHAT_MESSAGE), SessionTimers.system());

    /**
     * Checks the settings; the set of kinds is copied.
     *
     * @param autosaveInterval positive and at most a day
     * @param flushAtOnce      the kinds saved at once; may be empty
     * @param timer            the clock and timer autosave runs on
     * @throws InvalidInputException when the interval is not positive or longer than a day
     * @throws NullPointerException  when an argument is {@code null}
     */
    public SessionConfig {
        Objects.requireNonNull(autosaveInterval, "autosaveInterval must be set");
        Objects.requireNonNull(flushAtOnce, "flushAtOnce must be set");
        Objects.requireNonNull(timer, "timer must be set");
        if (autosaveInterval.isNegative() || autosaveInterval.isZero() || autosaveInterval.toHours() > 24) {
            throw new InvalidInputException(null, "autosaveInterval must be positive and at most a day, was "
                    + autosaveInterval);
        }
        flushAtOnce = flushAtOnce.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flushAtOnce));
    }

    /**
     * These settings with another autosave interval.
     *
     * @param interval positive and at most a day
     * @return a copy with the new interval
     * @throws InvalidInputException when the interval is not positive or longer than a day
     */
    public SessionConfig withAutosaveInterval(Duration interval) {
        return new SessionConfig(interval, flushAtOnce, timer);
    }

    /**
     * These settings with other kinds saved at once.
     *
     * @param kinds the kinds whose call saves before it returns; empty to let autosave save all but chat
     *              messages
     * @return a copy with the new kinds
     */
    public SessionConfig withFlushAtOnce(Set<ChangeKind> kinds) {
        return new SessionConfig(autosaveInterval, kinds, timer);
    }

    /**
     * These settings with another clock and timer, such as a manual one in tests.
     *
     * @param newTimer the clock and timer autosave runs on
     * @return a copy with the new timer
     */
    public SessionConfig withTimer(SessionTimer newTimer) {
        return new SessionConfig(autosaveInterval, flushAtOnce, newTimer);
    }
}
