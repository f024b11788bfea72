package io.cardshark.worlds.internal.json;

import java.math.BigDecimal;

/**
 * A JSON number as its exact token text ({@code -0}, {@code -0.0}, {@code 1.50}, {@code 1E5} stay as
 * written). The token is never round-tripped through {@code double} or {@link BigDecimal}: the first
 * reprints {@code 1795715060.4715137} as {@code 1.7957150604715137E9}, the second loses {@code -0.0} and the
 * exponent's case (format §9.3).
 *
 * @param token an RFC 8259 number, checked on construction
 */
public record JsonNumber(String token) implements Json {

    public JsonNumber {
        if (!isValidToken(token)) {
            throw new IllegalArgumentException("not a JSON number: \"" + token + "\"");
        }
    }

    /** A new integer: decimal digits, {@code -} if negative. */
    public static JsonNumber of(long value) {
        return new JsonNumber(Long.toString(value));
    }

    /**
     * A new float in Python's {@code repr} form (format §9.4), so a document the store changes reads like
     * one CardShark wrote.
     *
     * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold
     */
    public static JsonNumber ofFloat(double value) {
        return new JsonNumber(PythonFloat.repr(value));
    }

    /** True when the token has no fraction and no exponent, as Python reads it back as an {@code int}. */
    public boolean isInteger() {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }

    /** @throws ArithmeticException if the token is not an integer or does not fit a {@code long} */
    public long longValueExact() {
        if (!isInteger()) {
            throw new ArithmeticException("not an integer: " + token);
        }
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new ArithmeticException("integer out of long range: " + token);
        }
    }

    /** The nearest double (lossy; for computation, never for writing back). */
    public double doubleValue() {
        return Double.parseDouble(token);
    }

    /** The exact value (loses the token's spelling; for computation, never for writing back). */
    public BigDecimal decimalValue() {
        return new BigDecimal(token);
    }

    @Override
    public String describe() {
        return "a number";
    }

    // RFC 8259 §6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    private static boolean isValidToken(String s) {
        if (s == null) {
            return false;
        }
        int n = s.length();
        int i = 0;
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        if (i < n && s.charAt(i) == '0') {
            i++;
        } else {
            int start = i;
            i = skipDigits(s, i);
            if (i == start) {
                return false;
            }
        }
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            i = skipDigits(s, i);
            if (i == start) {
                return false;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            i = skipDigits(s, i);
            if (i == start) {
                return false;
            }
        }
        return i == n;
    }

    private static int skipDigits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
