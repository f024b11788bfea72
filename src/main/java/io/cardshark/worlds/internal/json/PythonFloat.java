package io.cardshark.worlds.internal.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}, for floats the store creates (format §9.4).
 *
 * <p>Java 17's {@code Double.toString} does not always give the shortest digits (JDK-4511638, fixed in 19),
 * so the digits come from a direct search: the fewest significant digits whose decimal reads back as the same
 * double, and of those the one nearest the exact value. That is what Python's {@code repr} prints. The search
 * costs a few {@link BigDecimal} roundings per call, which is fine for the odd new value and is never on the
 * import path (imported numbers keep their tokens).
 */
public final class PythonFloat {

    private static final int MAX_DIGITS = 17; // every double round-trips at 17 significant digits

    private PythonFloat() {
    }

    /**
     * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold and CardShark never
     *     writes
     */
    public static String repr(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("NaN and Infinity are not JSON numbers: " + value);
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(value);
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale(); // value = d.ddd × 10^exponent
        String body = exponent >= -4 && exponent < 16 ? fixed(digits, exponent) : scientific(digits, exponent);
        return value < 0 ? "-" + body : body;
    }

    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= MAX_DIGITS; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (readsBackAs(nearest, value)) {
                return nearest.stripTrailingZeros();
            }
            // Just above a power of two the doubles below are twice as dense, so the interval that reads
            // back as `value` is lopsided: the nearest candidate can fall outside while its neighbour on the
            // other side is still inside.
            RoundingMode otherSide = nearest.compareTo(exact) > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
            BigDecimal other = exact.round(new MathContext(precision, otherSide));
            if (readsBackAs(other, value)) {
                return other.stripTrailingZeros();
            }
        }
        throw new AssertionError("no round trip at 17 digits for " + value);
    }

    private static boolean readsBackAs(BigDecimal decimal, double value) {
        return Double.parseDouble(decimal.toString()) == value;
    }

    // 100.0, 0.0001, 1000000000000000.0: always a point and at least one digit after it.
    private static String fixed(String digits, int exponent) {
        StringBuilder sb = new StringBuilder(24);
        if (exponent < 0) {
            sb.append("0.").append("0".repeat(-exponent - 1)).append(digits);
        } else if (digits.length() <= exponent + 1) {
            sb.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
        } else {
            sb.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
        }
        return sb.toString();
    }

    // 1e-05, 1e+16, 1.2345678901234568e+17: a sign and at least two digits in the exponent.
    private static String scientific(String digits, int exponent) {
        StringBuilder sb = new StringBuilder(24).append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            sb.append('0');
        }
        return sb.append(abs).toString();
    }
}
