package io.cardshark.worlds.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonModelTest {

    private static final JsonObject ABC = JsonObject.builder()
            .put("a", JsonNumber.of(1)).put("b", JsonNull.INSTANCE).put("c", new JsonString("x")).build();

    @Test
    void withKeepsAnExistingKeysPositionAndAppendsANewKey() {
        assertThat(ABC.with("b", JsonBool.TRUE).keys()).containsExactly("a", "b", "c");
        assertThat(ABC.with("b", JsonBool.TRUE).get("b")).isEqualTo(JsonBool.TRUE);
        assertThat(ABC.with("d", JsonBool.TRUE).keys()).containsExactly("a", "b", "c", "d");
        assertThat(ABC.without("a").keys()).containsExactly("b", "c");
        assertThat(ABC.without("zz")).isSameAs(ABC);
        assertThat(ABC.keys()).containsExactly("a", "b", "c"); // the original is untouched
    }

    @Test
    void anAbsentKeyIsJavaNullWhileAnExplicitNullIsJsonNull() {
        assertThat(ABC.get("b")).isSameAs(JsonNull.INSTANCE);
        assertThat(ABC.has("b")).isTrue();
        assertThat(ABC.get("zz")).isNull();
        assertThat(ABC.has("zz")).isFalse();
    }

    @Test
    void objectEqualityIncludesKeyOrder() {
        Map<String, Json> reversed = new LinkedHashMap<>();
        reversed.put("c", new JsonString("x"));
        reversed.put("b", JsonNull.INSTANCE);
        reversed.put("a", JsonNumber.of(1));
        assertThat(JsonObject.of(reversed)).isNotEqualTo(ABC);
        assertThat(JsonObject.of(ABC.asMap())).isEqualTo(ABC).hasSameHashCodeAs(ABC);
        assertThat(ABC.without("a").with("a", JsonNumber.of(1))).isNotEqualTo(ABC);
    }

    @Test
    void valuesNestedAsDeepAsTheReaderAllowsCompareWithoutOverflowingTheStack() {
        Json arrays = JsonArray.EMPTY;
        Json objects = JsonObject.EMPTY;
        for (int i = 1; i < JsonReader.MAX_DEPTH; i++) {
            arrays = JsonArray.of(arrays);
            objects = JsonObject.EMPTY.with("k", objects);
        }
        String nested = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertThat(JsonReader.read(nested).value()).isEqualTo(arrays).hasSameHashCodeAs(arrays);
        String nestedObjects = "{\"k\": ".repeat(JsonReader.MAX_DEPTH - 1) + "{}" + "}".repeat(JsonReader.MAX_DEPTH - 1);
        assertThat(JsonReader.read(nestedObjects).value()).isEqualTo(objects).hasSameHashCodeAs(objects);
        assertThat(JsonArray.of(arrays)).isNotEqualTo(arrays);
    }

    @Test
    void theModelIsImmutable() {
        assertThatThrownBy(() -> ABC.asMap().put("d", JsonNull.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> JsonArray.of(JsonNull.INSTANCE).elements().add(JsonNull.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class);
        JsonObject.Builder builder = JsonObject.builder().put("a", JsonNull.INSTANCE);
        JsonObject built = builder.build();
        builder.put("b", JsonNull.INSTANCE);
        assertThat(built.keys()).containsExactly("a");
    }

    @Test
    void theBuilderRefusesARepeatedKey() {
        assertThatThrownBy(() -> JsonObject.builder().put("a", JsonNull.INSTANCE).put("a", JsonBool.TRUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate key \"a\"");
    }

    @Test
    void numbersKnowWhetherTheyAreIntegers() {
        assertThat(new JsonNumber("-0").isInteger()).isTrue();
        assertThat(new JsonNumber("123456789012345678901234567890").isInteger()).isTrue();
        assertThat(new JsonNumber("1.0").isInteger()).isFalse();
        assertThat(new JsonNumber("1E5").isInteger()).isFalse();
        assertThat(new JsonNumber("1e5").isInteger()).isFalse();
    }

    @Test
    void longValueExactRefusesFractionsAndOverflow() {
        assertThat(new JsonNumber("-0").longValueExact()).isZero();
        assertThat(new JsonNumber("9223372036854775807").longValueExact()).isEqualTo(Long.MAX_VALUE);
        assertThat(new JsonNumber("-9223372036854775808").longValueExact()).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> new JsonNumber("9223372036854775808").longValueExact())
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new JsonNumber("1.0").longValueExact()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new JsonNumber("1E5").longValueExact()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void newNumbersAreWrittenAsPythonWould() {
        assertThat(JsonNumber.of(-5).token()).isEqualTo("-5");
        assertThat(JsonNumber.of(1795715060000L).token()).isEqualTo("1795715060000");
        assertThat(JsonNumber.ofFloat(1e16).token()).isEqualTo("1e+16");
        assertThat(JsonNumber.ofFloat(100).token()).isEqualTo("100.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "01", "-01", "+1", "1.", ".5", "1e", "1e+", "NaN", "Infinity", "1 ", " 1",
        "0x10", "1.5.5", "١"})
    void invalidNumberTokensAreRefused(String token) {
        assertThatThrownBy(() -> new JsonNumber(token)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "-0.0", "1.50", "1E5", "1e-5", "1E+05", "1795715060.4715137"})
    void validNumberTokensAreKeptAsWritten(String token) {
        assertThat(new JsonNumber(token).token()).isEqualTo(token);
    }

    @Test
    void valuesDescribeTheirType() {
        assertThat(JsonObject.EMPTY.describe()).isEqualTo("an object");
        assertThat(JsonArray.EMPTY.describe()).isEqualTo("an array");
        assertThat(new JsonString("").describe()).isEqualTo("a string");
        assertThat(JsonNumber.of(0).describe()).isEqualTo("a number");
        assertThat(JsonBool.FALSE.describe()).isEqualTo("a boolean");
        assertThat(JsonNull.INSTANCE.describe()).isEqualTo("null");
    }
}
