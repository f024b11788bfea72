package io.cardshark.worlds.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonPointerTest {

    @Test
    void buildsThePointersImportErrorsName() {
        assertThat(JsonPointer.of("locations", "0,0,0", "location_id")).hasToString("/locations/0,0,0/location_id");
        assertThat(JsonPointer.ROOT.child("messages").child(12)).hasToString("/messages/12");
        assertThat(JsonPointer.ROOT).hasToString("");
    }

    @Test
    void escapesTildeBeforeSlash() {
        assertThat(JsonPointer.escape("a/b~c")).isEqualTo("a~1b~0c");
        assertThat(JsonPointer.escape("~1")).isEqualTo("~01"); // not "~1", which would read back as "/"
        assertThat(JsonPointer.escape("plain")).isEqualTo("plain");
        assertThat(JsonPointer.of("", "a/b")).hasToString("//a~1b");
    }

    @Test
    void tokensReadBackUnescaped() {
        JsonPointer p = JsonPointer.of("~1", "a/b", "", "~", "x");
        assertThat(p.tokens()).containsExactly("~1", "a/b", "", "~", "x");
        assertThat(new JsonPointer(p.text()).tokens()).containsExactly("~1", "a/b", "", "~", "x");
        assertThat(JsonPointer.ROOT.tokens()).isEmpty();
    }

    @Test
    void refusesMalformedPointers() {
        assertThatThrownBy(() -> new JsonPointer("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonPointer("/a~2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonPointer("/a~")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonPointer.ROOT.child(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
