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
 * the store with {@code StoreConfig.Builder.sessions}.
 */
public record SessionConfig(Duration autosaveInterval, Set<ChangeKind> flushAtOnce, SessionTimer timer) {

    public static final SessionConfig DEFAULTS = new SessionConfig(Duration.ofSeconds(2),
            EnumSet.of(ChangeKind.MOVE, ChangeKind.EVENT, ChangeKind.CHAT_MESSAGE), SessionTimers.system());

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

    public SessionConfig withAutosaveInterval(Duration interval) {
        return new SessionConfig(interval, flushAtOnce, timer);
    }

    public SessionConfig withFlushAtOnce(Set<ChangeKind> kinds) {
        return new SessionConfig(autosaveInterval, kinds, timer);
    }

    public SessionConfig withTimer(SessionTimer newTimer) {
        return new SessionConfig(autosaveInterval, flushAtOnce, newTimer);
    }
}
