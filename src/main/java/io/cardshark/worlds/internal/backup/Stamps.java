package io.cardshark.worlds.internal.backup;

import io.cardshark.worlds.Retention;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of backups and snapshots: a UTC time to the millisecond, then why it was taken
 * ({@code 20261127T031500123Z-manual}). Sorting the names sorts by time, and a person reading a folder
 * listing sees both at once. Also decides which ones retention lets go.
 */
public final class Stamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("(\\d{8}T\\d{9}Z)-([a-z]+(?:-[a-z0-9]+)*)");

    private Stamps() {
    }

    /** A stamped name for {@code reason}, later than {@code notBefore} so that names never repeat. */
    public static String name(Instant at, String reason) {
        return FORMAT.format(at) + "-" + reason;
    }

    /** A parsed stamped name, or null when {@code name} is not one. */
    public record Stamp(Instant at, String reason) {
    }

    public static Stamp parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return null;
        }
        try {
            return new Stamp(Instant.from(FORMAT.parse(m.group(1))), m.group(2));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The ones of {@code newestFirst} that {@code retention} no longer keeps at {@code now}. */
    public static <T> List<T> expired(List<T> newestFirst, Function<T, Instant> takenAt, Retention retention, Instant now) {
        List<T> expired = new ArrayList<>();
        Instant cutoff = now.minus(retention.keepFor());
        for (int i = retention.keepLast(); i < newestFirst.size(); i++) {
            T item = newestFirst.get(i);
            if (takenAt.apply(item).isBefore(cutoff)) {
                expired.add(item);
            }
        }
        return expired;
    }
}
