package io.cardshark.worlds.internal.doc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the time tokens of world folders as instants. CardShark and the tools around it wrote times in
 * several forms, which the store keeps as they came (for the export) and reads here:
 * <ul>
 * <li>a quoted ISO time, with an offset ({@code "2025-05-22T10:00:00Z"}) or without one, which Python's
 *     {@code datetime.now().isoformat()} wrote in the writing machine's local time and is read in this JVM's
 *     time zone;</li>
 * <li>a quoted SillyTavern time ({@code "2025-05-22@10h00m00s"}), local too;</li>
 * <li>epoch digits: milliseconds when an integer above 10<sup>11</sup> (no time in seconds is that late before
 *     the year 5138), else seconds, a fraction allowed.</li>
 * </ul>
 */
public final class TimeTokens {

    private static final BigDecimal MILLIS_ABOVE = BigDecimal.valueOf(100_000_000_000L);
    private static final DateTimeFormatter SILLY_TAVERN = DateTimeFormatter.ofPattern("yyyy-MM-dd'@'HH'h'mm'm'ss's'");

    private TimeTokens() {
    }

    public static Optional<Instant> instant(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (token.startsWith("\"") && token.endsWith("\"") && token.length() >= 2) {
                return Optional.of(text(token.substring(1, token.length() - 1)));
            }
            BigDecimal number = new BigDecimal(token);
            boolean millis = number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(MILLIS_ABOVE) > 0;
            BigDecimal ms = millis ? number : number.movePointRight(3);
            return Optional.of(Instant.ofEpochMilli(ms.longValue()));
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Instant text(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(s).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException notIso) {
                return LocalDateTime.parse(s, SILLY_TAVERN).atZone(ZoneId.systemDefault()).toInstant();
            }
        }
    }
}
