package io.cardshark.worlds.internal.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** An accepted entry name can never reach outside the folder it is extracted to ("zip slip"). */
class ZipEntryNamesProperties {

    private static final Path BASE = Path.of("/base/world");

    @Property(tries = 2000)
    void anAcceptedNameStaysInsideTheFolder(@ForAll("names") String name) {
        if (ZipEntryNames.problem(name) == null) {
            Path resolved = BASE.resolve(name).normalize();
            assertThat(resolved.startsWith(BASE)).as(name).isTrue();
            assertThat(resolved).as(name).isNotEqualTo(BASE);
            assertThat(BASE.relativize(resolved).toString() + (name.endsWith("/") ? "/" : "")).as(name).isEqualTo(name);
        }
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("..", ".", "", "a", "rooms", "x.png", "C:", "c:x", "\\", "a\\..", "\u0000", "\u0085", "Ünï 🐉"),
                Arbitraries.strings().withChars("a./\\:\u0001 ").ofMaxLength(4));
        return segment.list().ofMinSize(1).ofMaxSize(5).map(s -> String.join("/", s));
    }

    @Example
    void ordinaryNamesAreAccepted() {
        assertThat(ZipEntryNames.problem("characters/Sergeant Vell.png")).isNull();
        assertThat(ZipEntryNames.problem("images/")).isNull();
        assertThat(ZipEntryNames.problem("rooms/..png")).isNull();
    }
}
