package io.cardshark.worlds.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFloatTest {

    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource({
        // the fixed/scientific boundary at 1e-4 / 1e-5
        "1e-4, 0.0001",
        "1.2345e-4, 0.00012345",
        "9.999999999999999e-05, 9.999999999999999e-05",
        "1e-5, 1e-05",
        "1.234e-5, 1.234e-05",
        "-2.5e-7, -2.5e-07",
        // the boundary at 1e16
        "1e15, 1000000000000000.0",
        "9999999999999998.0, 9999999999999998.0",
        "1e16, 1e+16",
        "123456789012345678.0, 1.2345678901234568e+17",
        // at least one fraction digit, signed zero
        "100.0, 100.0",
        "0.0, 0.0",
        "-0.0, -0.0",
        "0.1, 0.1",
        "0.30000000000000004, 0.30000000000000004",
        "1795715060.4715137, 1795715060.4715137",
        // where Java 17's Double.toString is not the shortest: 2.82879384806159008E17, 9.999999999999999E22,
        // 4.9E-324
        "2.82879384806159e17, 2.82879384806159e+17",
        "1e23, 1e+23",
        "4.9e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "1.5e300, 1.5e+300",
    })
    void printsPythonRepr(double value, String expected) {
        assertThat(PythonFloat.repr(value)).isEqualTo(expected);
    }

    @Test
    void refusesWhatJsonCannotHold() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> PythonFloat.repr(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> JsonNumber.ofFloat(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** float-repr.txt was written by CPython's repr() (see generate_vectors.py beside it). */
    @Test
    void agreesWithCPythonOnThousandsOfDoubles() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/json/float-repr.txt"), StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] parts = line.split(" ");
                double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
                String actual = PythonFloat.repr(value);
                if (!actual.equals(parts[1])) {
                    mismatches.add(parts[1] + " != " + actual);
                }
                count++;
            }
        }
        assertThat(count).isGreaterThan(3000);
        assertThat(mismatches).isEmpty();
    }
}
